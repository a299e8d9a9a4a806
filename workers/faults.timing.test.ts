// Issue 5: every run ends — done, cancelled or failed with a reason naming the culprit — and
// leaves nothing running, whatever goes wrong.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, defaultEngineDir, type Engine } from './engine';
import { defaultCosts } from './interpreter/costs';
import { forkLauncher } from './launcher';
import { RunSupervisor } from './supervisor';
import { isAlive, printed, runSession } from '../test/session';
import type { EngineEvent } from '../common/api';
import { INTERVAL_STRIDE } from '../common/trace';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function allGoneWithin(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return pids.filter(isAlive);
}

const pidsOf = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'run-start' ? e.run.processes.map((p) => p.osPid) : []));

/** One threading run of `source` straight through the supervisor: the engine's checks would refuse a program that does not compile. */
async function superviseThreading(source: string) {
  const lineMap = source.split('\n').map((_, i) => i + 1);
  const settings = {
    runId: 'uncompiled', source, file: 'p.py', lineMap, mode: 'gil', gilModel: 'new', switchIntervalMs: 5, timeScale: 1, workers: 2,
    itersPerMs: 1000, costs: defaultCosts, maxIntervalsPerLane: 1000, socketLatencyUs: 20, threadStartMs: 0.1, processStartMs: 10, wakeUpUs: 7,
  } as const;
  const supervisor = new RunSupervisor(
    {
      config: { runId: settings.runId, strategy: 'threading', workers: 2, programName: 'p', settings },
      launcher: forkLauncher,
      processEntry: join(defaultEngineDir(), 'python-process.js'),
      firstTid: 1000,
      warmThreads: 1,
      warmProcesses: 0,
      hangTimeoutMs: 5000,
      startTimeoutMs: 30_000,
      wallCapMs: 30_000,
      maxProcesses: 4,
      lineMap,
      note: '',
    },
    { onStart: () => undefined, onThreads: () => undefined, onTrace: () => undefined },
  );
  return supervisor.run();
}

describe('faults end the run with a reason and the next run works', () => {
  it('an uncaught exception in the main thread fails the run with its traceback\'s last line, naming the line', async () => {
    engine = createEngine({ host: 'cli' });
    const program = { name: 'oops', description: '', file: 'oops.py', source: 'x = {}\nprint(x["missing"])\n' };
    const result = await runSession(engine, { program, strategies: ['threading'], timeScale: 1 });
    expect(result.status).toBe('failed');
    expect(result.reason).toBe("KeyError: 'missing' (in MainThread, line 2)");
    expect(await allGoneWithin(pidsOf(result.events), 1000)).toEqual([]);
  });

  it('a thread that cannot compile the program fails the run with the SyntaxError as Python prints it', async () => {
    const colonless = await superviseThreading('for x in range(3)\n    print(x)\n');
    expect(colonless.status).toBe('failed');
    expect(colonless.reason).toMatch(/^python \(threading\) \(pid \d+\) crashed: a warm thread failed to start: SyntaxError: expected ':' \(p\.py, line 1\)$/);
    // The parser takes this one; the interpreter's compiler refuses it.
    const augmented = await superviseThreading('async def f():\n    d = {}\n    d["a"] += await f()\n');
    expect(augmented.reason).toMatch(/crashed: a warm thread failed to start: SyntaxError: await in an augmented assignment to an item or attribute is not supported here$/);
  });

  it('a process that stops answering for 5 s fails the run naming it', async () => {
    engine = createEngine({ host: 'cli', faults: { hangProcess: 'Process-1', afterMs: 100 } });
    const result = await runSession(engine, { program: 'calc-processes', strategies: ['multiprocessing'], timeScale: 4 });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/Process-1 \(pid \d+\) stopped answering for 5 s/);
    expect(await allGoneWithin(pidsOf(result.events), 1000)).toEqual([]);
    const next = await runSession(engine, { program: 'car-truck', strategies: ['threading'], timeScale: 0.02 });
    expect(next.status).toBe('done');
  }, 60_000);
});

describe('cancel leaves nothing running', () => {
  it('during start-up: the processes being spawned are gone within 1 s', async () => {
    engine = createEngine({ host: 'cli' });
    const e = engine;
    const spawned = new Set<number>();
    let sawRunStart = false;
    const result = await runSession(e, { program: 'calc-processes', strategies: ['multiprocessing'], workerCounts: [8] }, (event) => {
      if (event.type === 'run-start') sawRunStart = true;
      if (event.type !== 'session-start') return;
      // Cancel as soon as the run's processes are being launched, before they are ready.
      const poll = setInterval(() => {
        const launched = e.currentProcesses().filter((p) => p.osPid > 0);
        if (launched.length === 0) return;
        clearInterval(poll);
        for (const p of launched) spawned.add(p.osPid);
        void e.cancelSession();
      }, 2);
    });
    expect(sawRunStart).toBe(false);
    // The program's process and one warm process for each Process the cell starts (os.cpu_count() = 8).
    expect(spawned.size).toBe(9);
    expect(result.status).toBe('cancelled');
    // The run never started its clock (no run-start), but it still ends, cancelled.
    const ends = result.events.flatMap((e) => (e.type === 'run-end' ? [e.summary.status] : []));
    expect(ends).toEqual(['cancelled']);
    expect(await allGoneWithin([...spawned, ...pidsOf(result.events)], 1000)).toEqual([]);
  });

  it('during a scaling sweep: the sweep stops, its processes are gone, the next session works', async () => {
    engine = createEngine({ host: 'cli' });
    const e = engine;
    let runsStarted = 0;
    const result = await runSession(e, { program: 'calc-processes', strategies: ['multiprocessing'], workerCounts: [1, 2, 4], timeScale: 0.5 }, (event) => {
      if (event.type === 'run-start' && ++runsStarted === 2) setTimeout(() => void e.cancelSession(), 200);
    });
    expect(result.status).toBe('cancelled');
    expect(runsStarted).toBe(2);
    expect(await allGoneWithin(pidsOf(result.events), 1000)).toEqual([]);
    const next = await runSession(e, { program: 'car-truck', strategies: ['threading'], timeScale: 0.02 });
    expect(next.status).toBe('done');
  });

  it('refuses a second session while one runs, with "busy"', async () => {
    engine = createEngine({ host: 'cli' });
    const first = await engine.startSession({ program: 'car-truck', strategies: ['threading'], workerCounts: [2], switchIntervalMs: 5, gil: 'new', timeScale: 0.1 });
    expect(first.ok).toBe(true);
    const second = await engine.startSession({ program: 'car-truck', strategies: ['threading'], workerCounts: [2], switchIntervalMs: 5, gil: 'new', timeScale: 0.1 });
    expect(second).toEqual({ ok: false, error: expect.stringContaining('busy') });
    await engine.cancelSession();
  });
});

describe('trace size', () => {
  it('a trace over the cap is cut with a "trace truncated" marker; the summary stays exact', async () => {
    engine = createEngine({ host: 'cli', maxIntervalsPerRun: 3000 });
    const result = await runSession(engine, { program: 'convoy', strategies: ['multiprocessing'], timeScale: 0.2 });
    expect(result.status).toBe('done');
    const [summary] = result.summaries;
    expect(summary.truncated).toBe(true);
    // What the program printed survives the cut.
    expect(printed(result.records[0])).toMatch(/rounds in 1.0 s/);
    const record = result.records[0];
    const kept = Object.values(record.traces).reduce((n, t) => n + t.intervals.length / INTERVAL_STRIDE, 0);
    expect(kept).toBeLessThanOrEqual(3000);
    const markers = Object.values(record.traces).flatMap((t) => t.instants.filter((i) => i.kind === 'truncated'));
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0].text).toContain('trace truncated');
    // The counts come from the threads, not the trace: far more rounds than kept intervals.
    expect(Math.max(...summary.threads.map((t) => t.ioCount ?? 0))).toBeGreaterThan(kept);
  });
});
