// Issue 9: the lesson's cells run by the machine's real python3 under the tracer and the sampler.
// What a user would see: under the GIL two computing threads take turns, processes compute at
// once, the measured wall time is CPython's own, sleeps are io, prints come in CPython's order,
// a traceback fails the run naming its thread, and a cancel leaves nothing behind.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { findPython, type PythonInterpreter } from './find-python';
import { runMeasured, type MeasuredRunOptions, type MeasuredRunResult } from './measured-run';
import { groupMembers, pidAlive } from './process-group';
import { stateCode, type Instant, type ProcessInfo, type ThreadInfo, type ThreadState } from '../../common/trace';

const found = await findPython();
const python: PythonInterpreter | null = found.main.ok ? found.main.python : null;
if (!python) console.log(`measured CPython tests skipped: ${found.main.ok ? '' : found.main.reason}`);

// The lesson's cells are the presets themselves, run as they are; fixtures/ holds what only these tests run.
const presetFiles = new Set(readdirSync(new URL('../../common/presets/', import.meta.url)));
const fixture = (name: string) =>
  new URL(presetFiles.has(name) ? `../../common/presets/${name}` : `./fixtures/${name}`, import.meta.url);
const source = (name: string) => readFileSync(fixture(name), 'utf8');

interface Lane {
  info: ThreadInfo;
  intervals: number[];
  instants: Instant[];
}

interface Measured extends MeasuredRunResult {
  processes: Map<number, ProcessInfo>;
  lanes: Map<number, Lane>;
  startedAt: number | null;
}

type Options = Partial<MeasuredRunOptions> & { fixture?: string };

function start(
  name: string,
  strategy: MeasuredRunOptions['strategy'],
  options: Options = {},
  onLane?: (lane: Lane) => void,
) {
  const processes = new Map<number, ProcessInfo>();
  const lanes = new Map<number, Lane>();
  let startedAt: number | null = null;
  const addThreads = (ps: ProcessInfo[], ts: ThreadInfo[]) => {
    for (const p of ps) processes.set(p.pid, p);
    for (const t of ts) {
      const lane = lanes.get(t.tid);
      if (lane) lane.info = t;
      else {
        const created = { info: t, intervals: [], instants: [] };
        lanes.set(t.tid, created);
        onLane?.(created);
      }
    }
  };
  const run = runMeasured(
    {
      runId: 'm1',
      strategy,
      source: options.source ?? source(name),
      fileName: name,
      programName: name,
      python: python!,
      workers: 2,
      switchIntervalMs: 5,
      timeScale: 1,
      firstTid: 100,
      ...options,
    },
    {
      onStart(info) {
        startedAt = Date.now();
        expect(info.measured?.python).toBe(python!.version);
        addThreads(info.processes, info.threads);
      },
      onThreads: addThreads,
      onTrace(batches) {
        for (const b of batches) {
          const lane = lanes.get(b.tid);
          if (!lane) throw new Error(`a batch for tid ${b.tid} came before its lane`);
          lane.intervals.push(...b.intervals);
          lane.instants.push(...b.instants);
        }
      },
    },
  );
  const measured = run.finished.then((r): Measured => ({ ...r, processes, lanes, startedAt }));
  return { run, measured };
}

const measure = (name: string, strategy: MeasuredRunOptions['strategy'], options: Options = {}) =>
  start(name, strategy, options).measured;

function laneNamed(m: Measured, name: string, process?: string): Lane {
  const lane = [...m.lanes.values()].find(
    (l) => l.info.name === name && (process === undefined || m.processes.get(l.info.pid)?.name.startsWith(process)),
  );
  if (!lane) throw new Error(`no lane ${name}; lanes: ${[...m.lanes.values()].map((l) => l.info.name).join(', ')}`);
  return lane;
}

/** A lane's intervals in `state` as [startMs, endMs, line], the pieces live flushes cut joined again. */
function spans(lane: Lane, state: ThreadState): [number, number, number][] {
  const iv = lane.intervals;
  const out: [number, number, number][] = [];
  for (let i = 0; i < iv.length; i += 4) {
    if (iv[i] !== stateCode[state]) continue;
    const cutByFlush = i >= 4 && iv[i - 4] === iv[i] && iv[i - 2] === iv[i + 1];
    if (cutByFlush) out[out.length - 1][1] = iv[i + 2] / 1000;
    else out.push([iv[i + 1] / 1000, iv[i + 2] / 1000, iv[i + 3]]);
  }
  return out;
}

/** ms during which both lanes were `running`. */
function overlapMs(a: Lane, b: Lane): number {
  let total = 0;
  for (const [s1, e1] of spans(a, 'running'))
    for (const [s2, e2] of spans(b, 'running')) total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return total;
}

/** Every print instant of the run, in time order, without the line end print() wrote after it. */
const printsInTimeOrder = (m: Measured) =>
  [...m.lanes.values()]
    .flatMap((l) => l.instants.filter((i) => i.kind === 'print'))
    .sort((a, b) => a.tUs - b.tUs)
    .map((i) => i.text?.replace(/\n$/, ''));

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** Wall time of `python3 cell.py` as a user would time it: from spawn to exit. */
function plainPython(name: string): Promise<{ ms: number; stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(python!.executable, [new URL(fixture(name)).pathname], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ ms: performance.now() - t, stdout, stderr, code }));
  });
}

const expectDone = (m: Measured) => expect(m.summary.status, m.summary.reason ?? m.stderr).toBe('done');

const measuredDirs = () => readdirSync(os.tmpdir()).filter((d) => d.startsWith('gil-lab-measured-')).length;

describe.skipIf(!python)('measured CPython: the calc() cells', () => {
  it('threading: the two computing threads take turns under the GIL (running overlap < 20% of the run)', async () => {
    const m = await measure('calc_threads.py', 'threading');
    expectDone(m);
    const a = laneNamed(m, 'Thread-1 (calc)');
    const b = laneNamed(m, 'Thread-2 (calc)');
    const overlap = overlapMs(a, b) / m.summary.wallMs;
    const running = m.summary.threads.filter((t) => t.name.endsWith('(calc)')).map((t) => t.runningMs!);
    console.log(
      `threading calc: wall ${m.summary.wallMs.toFixed(0)} ms, running ${running.map((r) => r.toFixed(0)).join(' + ')} ms, overlap ${(overlap * 100).toFixed(1)}%; sampler ${m.sampler?.ticks} ticks, ${m.sampler?.missedTicks} missed`,
    );
    expect(overlap).toBeLessThan(0.2);
    // Both threads computed, and their computing is drawn as running (not lost between the readings).
    for (const t of m.summary.threads.filter((t) => t.name.endsWith('(calc)'))) {
      expect(t.onCpuMs).toBeGreaterThan(50);
      expect(t.runningMs!).toBeGreaterThan(0.9 * t.onCpuMs!);
    }
    expect(m.summary.threads.find((t) => t.name === 'MainThread')?.blockedMs).toBeGreaterThan(0.8 * m.summary.wallMs);
  });

  it('multiprocessing: the two processes compute at the same time (running overlap > 50% of the run)', async () => {
    // Other work on the machine's cores keeps real processes from running at once too (plain
    // python3 as much as measured): up to 8 tries, a second apart, until both cores are free.
    const overlaps: number[] = [];
    for (let attempt = 0; attempt < 8 && !(Math.max(0, ...overlaps) > 0.5); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 1000));
      const m = await measure('calc_processes.py', 'multiprocessing');
      expectDone(m);
      const a = laneNamed(m, 'MainThread', 'Process-1');
      const b = laneNamed(m, 'MainThread', 'Process-2');
      expect(m.processes.get(a.info.pid)?.name).toBe('Process-1 (multiprocessing, measured)');
      expect(a.info.gil).not.toBe(b.info.gil);
      expect(spans(a, 'starting').length).toBe(1);
      overlaps.push(overlapMs(a, b) / m.summary.wallMs);
      console.log(
        `multiprocessing calc: wall ${m.summary.wallMs.toFixed(0)} ms, overlap ${(overlaps.at(-1)! * 100).toFixed(1)}%`,
      );
    }
    expect(Math.max(...overlaps)).toBeGreaterThan(0.5);
  });

  // Generous: the 15% goal is the benchmark's (npm run bench -- measured). On a noisy VM plain
  // python3's own runs of this cell varied 2.9-4.0 s in one CI run; what this catches is a broken
  // measurement (a sampler that halves the run's speed, a wall time in the wrong unit).
  it('the measured wall time agrees with a plain python3 cell.py within 50% (best of 3 each, interleaved)', async () => {
    const plain: number[] = [];
    const measured: number[] = [];
    for (let round = 0; round < 3; round++) {
      const p = await plainPython('calc_threads.py');
      expect(p.code).toBe(0);
      plain.push(p.ms);
      const m = await measure('calc_threads.py', 'threading');
      expectDone(m);
      measured.push(m.summary.wallMs);
    }
    const ratio = Math.min(...measured) / Math.min(...plain);
    console.log(
      `wall: plain python3 ${plain.map((v) => v.toFixed(0)).join(', ')} ms; measured ${measured.map((v) => v.toFixed(0)).join(', ')} ms; best/best ${ratio.toFixed(3)}`,
    );
    expect(Math.abs(ratio - 1)).toBeLessThan(0.5);
  });

  it('the spawn start method: children load the tracer too, and compute in lanes of their own', async () => {
    const m = await measure('calc_processes_spawn.py', 'multiprocessing');
    expectDone(m);
    expect(lines(m.stdout)).toEqual(
      expect.arrayContaining(['calc done in Process-1', 'calc done in Process-2', 'exit codes [0, 0]']),
    );
    for (const name of ['Process-1', 'Process-2']) {
      const lane = laneNamed(m, 'MainThread', name);
      expect(lane.instants.map((i) => i.text)).toEqual([`calc done in ${name}\n`]);
      expect(spans(lane, 'running').reduce((s, [a, b]) => s + b - a, 0)).toBeGreaterThan(30);
    }
  });
});

describe.skipIf(!python)('measured CPython: the car and truck cells', () => {
  it('Thread(target=...) and join: io covers each sleep, and the prints come in the order CPython wrote them', async () => {
    const m = await measure('car_truck.py', 'threading');
    expectDone(m);
    expect(m.summary.wallMs).toBeGreaterThan(5000);
    expect(m.summary.wallMs).toBeLessThan(5300);
    for (const [name, line] of [
      ['Thread-1 (Car)', 9],
      ['Thread-2 (Truck)', 14],
    ] as const) {
      const lane = laneNamed(m, name);
      const sleeps = spans(lane, 'io');
      expect(sleeps.length).toBe(5);
      for (const [a, b, l] of sleeps) {
        expect(b - a).toBeGreaterThanOrEqual(1000);
        expect(b - a).toBeLessThan(1030);
        expect(l).toBe(line);
      }
      const summary = m.summary.threads.find((t) => t.name === name)!;
      expect(summary.ioCount).toBe(5);
      // The OS agrees: inside its sleeps the thread was (almost) never on a CPU.
      expect(summary.onCpuMs! - summary.runningMs!).toBeLessThan(50);
    }
    const stdout = lines(m.stdout);
    expect(stdout.filter((l) => l === 'car').length).toBe(5);
    expect(printsInTimeOrder(m)).toEqual(stdout);
    expect(stdout[0]).toBe('MainThread');
    expect(stdout.at(-1)).toBe('done');
  });

  it('subclassing Thread, staggered start, no join: "done" comes while the threads still run, the process waits for them', async () => {
    const m = await measure('car_truck_subclass.py', 'threading');
    expectDone(m);
    const stdout = lines(m.stdout);
    expect(printsInTimeOrder(m)).toEqual(stdout);
    expect(stdout.indexOf('done')).toBeLessThan(stdout.lastIndexOf('car'));
    expect(laneNamed(m, 'Thread-1').instants.filter((i) => i.text === 'car\n').length).toBe(5);
    expect(laneNamed(m, 'Thread-2').instants.filter((i) => i.text === 'truck\n').length).toBe(5);
    // MainThread ends its code after "done" and waits (threading._shutdown) until the threads end.
    const main = laneNamed(m, 'MainThread');
    const last = spans(main, 'blocked').at(-1)!;
    expect(last[1]).toBeCloseTo(m.summary.wallMs, 0);
    expect(last[1] - last[0]).toBeGreaterThan(1300);
    expect(m.summary.wallMs).toBeGreaterThan(1700);
    expect(m.summary.wallMs).toBeLessThan(1900);
  });

  it('sequential (--inline-start): every start() runs its thread to the end in MainThread', async () => {
    const m = await measure('car_truck_subclass.py', 'sequential');
    expectDone(m);
    expect([...m.lanes.values()].map((l) => l.info.name)).toEqual(['MainThread']);
    expect(lines(m.stdout)).toEqual(['MainThread', ...Array(5).fill('car'), ...Array(5).fill('truck'), 'done']);
    expect(spans(laneNamed(m, 'MainThread'), 'io').length).toBe(11);
    expect(m.summary.wallMs).toBeGreaterThan(3200);
  });

  it('where the CPU state is not measured, the lanes show only the calls, and the summary says null', async () => {
    const m = await measure('car_truck_subclass.py', 'threading', { cpuSampling: false });
    expectDone(m);
    expect(m.cpuState).toEqual({ source: 'unknown', reason: 'CPU sampling turned off for this run' });
    const states = new Set([...m.lanes.values()].flatMap((l) => l.intervals.filter((_, i) => i % 4 === 0)));
    expect(states.has(stateCode.running) || states.has(stateCode.waiting)).toBe(false);
    expect(states.has(stateCode.io)).toBe(true);
    expect(m.summary.threads.every((t) => t.runningMs === null && t.onCpuMs === null && t.waitMs === null)).toBe(true);
  });
});

describe.skipIf(!python)('measured CPython: failures, cancel and the cap leave nothing behind', () => {
  it("a traceback fails the run naming the thread; stderr is CPython's own", async () => {
    const m = await measure('raises.py', 'threading');
    const plain = await plainPython('raises.py');
    expect(m.summary.status).toBe('failed');
    expect(m.summary.reason).toBe(
      `Divider of python3.${python!.versionInfo[1]} (threading, measured) (pid ${m.pgid}) raised ZeroDivisionError: division by zero`,
    );
    expect(laneNamed(m, 'Divider').instants).toMatchObject([{ kind: 'error', line: 7 }]);
    expect(laneNamed(m, 'MainThread').instants.filter((i) => i.kind === 'error')).toMatchObject([{ line: 15 }]);
    const programPath = (text: string) => text.replace(/File "[^"]*raises\.py"/g, 'File "raises.py"');
    expect(programPath(m.stderr)).toBe(programPath(plain.stderr));
    expect(m.exitCode).toBe(plain.code);
  });

  it('cancel during a run: every pid of its process group is gone within 1 s, and its files too', async () => {
    const dirsBefore = measuredDirs();
    let children = 0;
    let cancelAt = 0;
    const long = source('calc_processes.py').replace('range(0,40000000)', 'range(0,400000000)');
    expect(long).not.toBe(source('calc_processes.py'));
    const { run, measured } = start('calc_processes.py', 'multiprocessing', { source: long }, (lane) => {
      if (lane.info.pid > 1 && ++children === 2)
        setTimeout(() => void ((cancelAt = performance.now()), run.cancel()), 300);
    });
    const m = await measured;
    const tookMs = performance.now() - cancelAt;
    console.log(`cancel: resolved ${tookMs.toFixed(0)} ms after cancel(), pids ${m.osPids.join(', ')}`);
    expect(children).toBe(2);
    expect(m.summary.status).toBe('cancelled');
    expect(tookMs).toBeLessThan(1000);
    expect(m.osPids.length).toBe(3);
    expect(groupMembers(m.pgid)).toEqual([]);
    expect(m.osPids.filter(pidAlive)).toEqual([]);
    expect(measuredDirs()).toBe(dirsBefore);
    // The trace keeps what it had: both children computed until the cancel.
    expect(spans(laneNamed(m, 'MainThread', 'Process-2'), 'running').length).toBeGreaterThan(0);
  });

  it('cancel at once, before the program starts: the run ends cancelled within 1 s, nothing spawned is left', async () => {
    const { run, measured } = start('calc_threads.py', 'threading');
    const t = performance.now();
    await run.cancel();
    const m = await measured;
    expect(performance.now() - t).toBeLessThan(1000);
    expect(m.summary.status).toBe('cancelled');
    expect(m.startedAt).toBeNull();
    if (m.pgid) expect(groupMembers(m.pgid)).toEqual([]);
  });

  it('the wall-time cap fails the run and kills it', async () => {
    const m = await measure('spin.py', 'threading', { source: 'while True:\n    pass\n', maxWallMs: 600 });
    expect(m.summary.status).toBe('failed');
    expect(m.summary.reason).toBe('the measured run exceeded its wall-time cap of 0.6 s');
    expect(m.summary.wallMs).toBeLessThan(600);
    expect(groupMembers(m.pgid)).toEqual([]);
  });
});

describe.skipIf(!python)("measured CPython: one clock with Node's", () => {
  it('time.perf_counter_ns() is process.hrtime.bigint() here, within 0.5 ms (ping round trips)', async () => {
    const child = spawn(
      python!.executable,
      ['-u', '-c', 'import sys, time\nfor _ in sys.stdin: print(time.perf_counter_ns(), flush=True)'],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const replies: ((v: number) => void)[] = [];
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const p of parts) replies.shift()?.(Number(p));
    });
    const samples: { rtt: number; offset: number }[] = [];
    try {
      for (let i = 0; i < 40; i++) {
        const sent = Number(process.hrtime.bigint());
        const theirs = await new Promise<number>((r) => {
          replies.push(r);
          child.stdin.write('ping\n');
        });
        const received = Number(process.hrtime.bigint());
        samples.push({ rtt: received - sent, offset: theirs - (sent + received) / 2 });
      }
    } finally {
      child.kill();
    }
    const best = samples.sort((a, b) => a.rtt - b.rtt).slice(0, 5);
    const offsetMs = best.map((s) => s.offset).sort((a, b) => a - b)[2] / 1e6;
    console.log(
      `perf_counter_ns - hrtime: ${offsetMs.toFixed(3)} ms (best round trip ${(best[0].rtt / 1e6).toFixed(3)} ms)`,
    );
    expect(Math.abs(offsetMs)).toBeLessThan(0.5);
  });

  it("a measured run's sync event finds the two clocks the same", async () => {
    const m = await measure('car_truck_subclass.py', 'threading');
    expect(m.clock).toEqual({ relation: 'same', shiftNs: 0 });
    expect(m.summary.spawnMs).toBeGreaterThan(0);
    expect(m.summary.spawnMs).toBeLessThan(2000);
  });
});
