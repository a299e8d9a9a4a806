// Correctness of the simulation, read from the traces of real runs of Python programs on real
// cores. These runs measure speed-ups and overlaps, so this file runs in the `timing` project, alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program } from '../common/program';
import { stateCode } from '../common/trace';
import { createEngine, type Engine } from './engine';
import { isAlive, laneSpans, overlapUs, printed, recordOf, runSession, summaryOf, type Span } from '../test/session';

let engine: Engine;
beforeAll(() => {
  engine = createEngine({ host: 'cli' });
});
afterAll(async () => {
  await engine.close();
});

const program = (name: string, source: string): Program => ({ name, description: '', file: `${name}.py`, source });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const total = (spans: Span[]) => spans.reduce((n, [s, e]) => n + e - s, 0);

/** Every pair of lanes under one GIL: their running intervals must not overlap. */
function expectOneHolderPerGil(record: ReturnType<typeof recordOf>): void {
  const byGil = new Map<number, Span[][]>();
  for (const lane of record.info.threads) {
    if (lane.gil === null) continue;
    byGil.set(lane.gil, [...(byGil.get(lane.gil) ?? []), laneSpans(record, lane.tid, stateCode.running)]);
  }
  for (const lanes of byGil.values())
    for (let a = 0; a < lanes.length; a++) for (let b = a + 1; b < lanes.length; b++) expect(overlapUs(lanes[a], lanes[b])).toBeLessThanOrEqual(1);
}

describe('a GIL lets one thread of its process run at a time', () => {
  it('threading: no two running intervals under one GIL overlap; threads waiting on I/O let the others compute', async () => {
    const result = await runSession(engine, { program: 'mixed', strategies: ['threading'], timeScale: 0.2 });
    expect(result.status).toBe('done');
    const record = recordOf(result, 'threading');
    expectOneHolderPerGil(record);
    const io = record.info.threads.flatMap((t) => laneSpans(record, t.tid, stateCode.io));
    const running = record.info.threads.flatMap((t) => laneSpans(record, t.tid, stateCode.running));
    expect(overlapUs(io, running)).toBeGreaterThan(0.25 * io.reduce((n, [s, e]) => n + e - s, 0) / 2);
  });

  it('16 CPU-bound threads on 2 cores: one GIL holder at a time, and every thread finishes', async () => {
    const sixteen = program('sixteen', 'import threading\n\ndef work():\n    total = 0\n    for i in range(100_000):\n        total += i\n\nthreads = [threading.Thread(target=work) for _ in range(16)]\nfor t in threads:\n    t.start()\nfor t in threads:\n    t.join()\nprint("done")\n');
    const result = await runSession(engine, { program: sixteen, strategies: ['threading'], timeScale: 1 });
    expect(result.status).toBe('done');
    const record = recordOf(result, 'threading');
    expect(record.info.threads.filter((t) => t.name.startsWith('Thread-'))).toHaveLength(16);
    expectOneHolderPerGil(record);
    for (const t of summaryOf(result, 'threading').threads) expect(t.endMs).not.toBeNull();
    expect(printed(record)).toEqual('done\n');
  });

  it('the calc() threads cell: threading is no faster than sequential, and forced switches come about every switch interval', async () => {
    const result = await runSession(engine, { program: 'calc-threads', strategies: ['sequential', 'threading'], timeScale: 0.25 });
    const ratio = summaryOf(result, 'threading').wallMs / summaryOf(result, 'sequential').wallMs;
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.4);
    const record = recordOf(result, 'threading');
    expectOneHolderPerGil(record);
    const switches = Object.values(record.traces)
      .flatMap((t) => t.instants.filter((i) => i.kind === 'forced_switch').map((i) => i.tUs))
      .sort((a, b) => a - b);
    expect(switches.length).toBeGreaterThan(10);
    const gaps = switches.slice(1).map((t, i) => (t - switches[i]) / 1000);
    expect(median(gaps)).toBeGreaterThanOrEqual(4);
    expect(median(gaps)).toBeLessThanOrEqual(15);
  });

  it('the calc() cells compute in parallel under multiprocessing and free-threading', async () => {
    const result = await runSession(engine, { program: 'calc-threads', strategies: ['sequential', 'multiprocessing', 'free-threading'], timeScale: 0.5 });
    for (const strategy of ['multiprocessing', 'free-threading'] as const) {
      // The two workers compute at the same time for most of their work (from the trace)…
      const record = recordOf(result, strategy);
      const [a, b] = record.info.threads
        .map((t) => laneSpans(record, t.tid, stateCode.running))
        .sort((x, y) => total(y) - total(x));
      expect(overlapUs(a, b), strategy).toBeGreaterThan(0.5 * Math.min(total(a), total(b)));
      // …and the run is clearly faster than one worker doing both (generous: the machine is shared).
      expect(summaryOf(result, strategy).speedup, strategy).toBeGreaterThanOrEqual(1.25);
    }
  });
});

describe('memory as in CPython', () => {
  const shared = program(
    'shared-list',
    'import threading\n\nresults = []\n\ndef work(n):\n    results.append(n * n)\n\nthreads = [threading.Thread(target=work, args=(i,)) for i in range(4)]\nfor t in threads:\n    t.start()\nfor t in threads:\n    t.join()\nprint(sorted(results))\n',
  );

  it('a list the threads append to is full after join, and unchanged in the parent under multiprocessing', async () => {
    const strategies = ['sequential', 'threading', 'free-threading', 'asyncio', 'multiprocessing', 'subinterpreters'] as const;
    const result = await runSession(engine, { program: shared, strategies: [...strategies], timeScale: 1 });
    expect(result.status).toBe('done');
    for (const s of ['sequential', 'threading', 'free-threading', 'asyncio']) expect(printed(recordOf(result, s))).toBe('[0, 1, 4, 9]\n');
    for (const s of ['multiprocessing', 'subinterpreters']) expect(printed(recordOf(result, s))).toBe('[]\n');
  });

  it('a thread waiting for a Lock another holds is blocked (GIL released), not waiting for the GIL', async () => {
    const locks = program('locks', 'import threading\nimport time\n\nlock = threading.Lock()\n\ndef hold():\n    with lock:\n        time.sleep(0.2)\n\na = threading.Thread(target=hold)\nb = threading.Thread(target=hold)\na.start()\nb.start()\na.join()\nb.join()\n');
    const result = await runSession(engine, { program: locks, strategies: ['threading'], timeScale: 1 });
    const record = recordOf(result, 'threading');
    const blocked = record.info.threads
      .filter((t) => t.name.startsWith('Thread-'))
      .map((t) => laneSpans(record, t.tid, stateCode.blocked).reduce((n, [s, e]) => n + e - s, 0));
    expect(Math.max(...blocked)).toBeGreaterThan(150_000);
    // Intervals carry the line: the second thread blocks on line 7 (`with lock:`).
    const lane = record.info.threads.find((t) => t.name === 'Thread-2 (hold)')!;
    const lines = new Set<number>();
    const iv = record.traces[lane.tid].intervals;
    for (let i = 0; i < iv.length; i += 4) if (iv[i] === stateCode.blocked) lines.add(iv[i + 3]);
    expect([...lines]).toContain(7);
  });
});

describe('the lesson programs', () => {
  it('car-truck takes about 5 s of scaled time under threading and asyncio, 10 s sequential', async () => {
    const scale = 0.2;
    const result = await runSession(engine, { program: 'car-truck', strategies: ['sequential', 'threading', 'asyncio'], timeScale: scale });
    expect(summaryOf(result, 'sequential').wallMs).toBeGreaterThan(10_000 * scale * 0.98);
    for (const strategy of ['threading', 'asyncio']) {
      const wall = summaryOf(result, strategy).wallMs;
      expect(wall).toBeGreaterThan(5000 * scale * 0.98);
      expect(wall).toBeLessThan(5000 * scale * 1.25);
    }
  });

  it('the staggered Thread subclasses: "done" is printed while the threads still run', async () => {
    const result = await runSession(engine, { program: 'car-truck-subclass', strategies: ['threading'], timeScale: 0.5 });
    const prints = Object.values(recordOf(result, 'threading').traces)
      .flatMap((t) => t.instants.filter((i) => i.kind === 'print'))
      .sort((a, b) => a.tUs - b.tUs);
    const done = prints.find((p) => p.text === 'done\n')!;
    const trucks = prints.filter((p) => p.text === 'truck\n');
    expect(trucks).toHaveLength(5);
    expect(done.tUs).toBeLessThan(trucks.at(-1)!.tUs);
  });

  it('asyncio never runs two tasks at once, but their waits overlap', async () => {
    const result = await runSession(engine, { program: 'asyncio-gather', strategies: ['asyncio'], timeScale: 0.1 });
    const record = recordOf(result, 'asyncio');
    const tasks = record.info.threads.filter((t) => t.name.startsWith('Task-'));
    expect(tasks.length).toBe(5);
    const running = tasks.map((t) => laneSpans(record, t.tid, stateCode.running));
    for (let a = 0; a < running.length; a++) for (let b = a + 1; b < running.length; b++) expect(overlapUs(running[a], running[b])).toBe(0);
    const io = tasks.slice(1).map((t) => laneSpans(record, t.tid, stateCode.io));
    expect(overlapUs(io[0], io[1])).toBeGreaterThan(50_000);
  });

  it('convoy: the echo thread takes the GIL from the spinning thread only after a drop request forced it out', async () => {
    const result = await runSession(engine, { program: 'convoy', strategies: ['threading'], timeScale: 0.5 });
    expect(result.status).toBe('done');
    const record = recordOf(result, 'threading');
    const lane = (name: string) => record.info.threads.find((t) => t.name === name)!;
    const spin = lane('spin');
    const echo = lane('echo beside spin');
    const spinRuns = laneSpans(record, spin.tid, stateCode.running);
    const forced = record.traces[spin.tid].instants.filter((i) => i.kind === 'forced_switch').map((i) => i.tUs);
    // Every running interval of either thread, in order: where the echo thread's follows the
    // spinning thread's, the GIL passed from spin to echo. spin never blocks, so each such hand-off
    // must be a forced switch (a drop request honoured), unless spin had finished.
    const runs = [
      ...spinRuns.map(([s, e]) => ({ s, e, who: 'spin' })),
      ...laneSpans(record, echo.tid, stateCode.running).map(([s, e]) => ({ s, e, who: 'echo' })),
    ].sort((a, b) => a.s - b.s);
    const lastSpinEnd = spinRuns.at(-1)![1];
    let handoffs = 0;
    const unforced: number[] = [];
    for (let i = 1; i < runs.length; i++) {
      const [prev, cur] = [runs[i - 1], runs[i]];
      if (prev.who !== 'spin' || cur.who !== 'echo' || prev.e >= lastSpinEnd) continue;
      handoffs++;
      if (!forced.some((t) => t >= prev.e - 200 && t <= cur.s + 200)) unforced.push(prev.e);
    }
    expect(handoffs).toBeGreaterThan(10);
    expect(unforced).toEqual([]);
  });

  it('convoy: the echo thread completes many more rounds beside a process than beside a thread', async () => {
    const result = await runSession(engine, { program: 'convoy', strategies: ['threading', 'multiprocessing'], timeScale: 0.5 });
    const rounds = (strategy: string) => {
      const record = recordOf(result, strategy);
      // The second echo thread's line (beside the spinning thread or process) is the last printed.
      const line = printed(record).trim().split('\n').at(-1)!;
      return Number(/(\d+) rounds/.exec(line)![1]);
    };
    expect(rounds('multiprocessing')).toBeGreaterThanOrEqual(3 * rounds('threading'));
  });

  it('an exception in a thread is printed as CPython prints it, the program goes on, and the run fails naming the thread and line', async () => {
    const raises = program('raises', 'import threading\n\ndef divide():\n    return 1 / 0\n\nt = threading.Thread(target=divide)\nt.start()\nt.join()\nprint("after")\n');
    const result = await runSession(engine, { program: raises, strategies: ['threading'], timeScale: 1 });
    const record = recordOf(result, 'threading');
    expect(printed(record)).toBe('after\n');
    const errors = Object.values(record.traces).flatMap((t) => t.instants.filter((i) => i.kind === 'error').map((i) => i.text));
    expect(errors.join('')).toContain('Exception in thread Thread-1 (divide):\nTraceback (most recent call last):\n');
    expect(errors.join('')).toContain('  File "raises.py", line 4, in divide\n    return 1 / 0\nZeroDivisionError: division by zero');
    expect(summaryOf(result, 'threading').status).toBe('failed');
    expect(summaryOf(result, 'threading').reason).toBe('ZeroDivisionError: division by zero (in Thread-1 (divide), line 4)');
  });

  it("a traceback names the line of the program the user wrote, not of the strategy's variant", async () => {
    const raises = program('raises', 'import threading\n\ndef divide():\n    return 1 / 0\n\nt = threading.Thread(target=divide)\nt.start()\nt.join()\n');
    const result = await runSession(engine, { program: raises, strategies: ['multiprocessing'], timeScale: 1 });
    const record = recordOf(result, 'multiprocessing');
    // The variant added `import multiprocessing` as line 2, so it raises on its line 5.
    expect(record.info.source!.split('\n')[4]).toBe('    return 1 / 0');
    const errors = Object.values(record.traces).flatMap((t) => t.instants.filter((i) => i.kind === 'error').map((i) => i.text));
    expect(errors.join('')).toContain('  File "raises.py", line 4, in divide\n    return 1 / 0\nZeroDivisionError: division by zero');
  });
});

describe('every run ends and leaves nothing running', () => {
  it('cancel mid-run: every process of the run is gone within 1 s and the run ends cancelled', async () => {
    const pids = new Set<number>();
    const watch = setInterval(() => engine.currentProcesses().forEach((p) => p.osPid && pids.add(p.osPid)), 20);
    const cancelled = await runSession(engine, { program: 'calc-processes', strategies: ['multiprocessing'], timeScale: 1 }, (event) => {
      if (event.type === 'run-start') setTimeout(() => void engine.cancelSession(), 500);
    });
    clearInterval(watch);
    const endedAt = Date.now();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.summaries[0].status).toBe('cancelled');
    expect(pids.size).toBeGreaterThanOrEqual(3);
    while ([...pids].some(isAlive) && Date.now() - endedAt < 1000) await new Promise((r) => setTimeout(r, 20));
    expect([...pids].filter(isAlive)).toEqual([]);
  });

  it('a child process killed with SIGKILL fails the run naming it; the next run works', async () => {
    let victim = 0;
    const failed = await runSession(engine, { program: 'calc-processes', strategies: ['multiprocessing'], timeScale: 1 }, (event) => {
      if (event.type === 'threads' && event.processes.some((p) => p.name === 'Process-2')) {
        victim = event.processes.find((p) => p.name === 'Process-2')!.osPid;
        setTimeout(() => process.kill(victim, 'SIGKILL'), 300);
      }
    });
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain(`Process-2 (pid ${victim}) was killed by SIGKILL`);
    const next = await runSession(engine, { program: 'car-truck', strategies: ['threading'], timeScale: 0.02 });
    expect(next.status).toBe('done');
  });
});

