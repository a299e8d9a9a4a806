// Run records shaped like the engine's, of any size, for the bench page, the timeline's
// development and its benchmark. Deterministic: the same options give the same trace.
import type { Strategy } from '../../../common/program';
import type { RunRecord, ThreadTrace } from '../../../common/run-record';
import {
  INTERVAL_STRIDE as S,
  STATE_COUNT,
  stateCode,
  type Instant,
  type ProcessInfo,
  type RunSummary,
  type ThreadInfo,
} from '../../../common/trace';

export type SyntheticKind =
  'threading' | 'multiprocessing' | 'car-truck' | 'free-threading' | 'subinterpreters' | 'sequential';

export interface SyntheticOptions {
  kind: SyntheticKind;
  /** About how many intervals the whole run holds (car-truck ignores it: its shape is fixed). */
  intervals?: number;
  /** The run's length; by default slices of about the switch interval (5 ms) set it. */
  durationUs?: number;
  workers?: number;
  seed?: number;
  /** Ends the run as failed, with an error flag on a worker's lane. */
  fail?: boolean;
  /** Marks the trace as truncated (the engine's trace cap). */
  truncated?: boolean;
}

const { starting, running, waiting, io, blocked } = stateCode;

let nextRun = 1;
let nextTid = 1;

/** A small seeded generator (mulberry32): traces are the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Builder {
  processes: ProcessInfo[];
  threads: ThreadInfo[];
  traces: Record<number, ThreadTrace>;
}

function addProcess(b: Builder, name: string): number {
  const pid = b.processes.length + 1;
  b.processes.push({ pid, name, osPid: 40_000 + nextRun * 100 + pid });
  return pid;
}

function addThread(b: Builder, pid: number, name: string, gil: number | null): ThreadTrace {
  const tid = nextTid++;
  b.threads.push({ tid, pid, name, gil });
  const trace: ThreadTrace = { intervals: [], instants: [] };
  b.traces[tid] = trace;
  return trace;
}

/** Appends an interval at source line `line` (synthetic runs say which line of a made-up program). */
function push(trace: ThreadTrace, state: number, start: number, end: number, line = 0): void {
  const iv = trace.intervals;
  const n = iv.length;
  // A state that simply goes on is one interval, as the engine records it.
  if (n >= S && iv[n - S] === state && iv[n - S + 2] === start && iv[n - S + 3] === line) iv[n - S + 2] = end;
  else iv.push(state, start, end, line);
}

function mark(trace: ThreadTrace, kind: Instant['kind'], tUs: number, text?: string): void {
  trace.instants.push(text === undefined ? { kind, tUs } : { kind, tUs, text });
}

const strategyOf: Record<SyntheticKind, Strategy> = {
  threading: 'threading',
  'car-truck': 'threading',
  multiprocessing: 'multiprocessing',
  'free-threading': 'free-threading',
  subinterpreters: 'subinterpreters',
  sequential: 'sequential',
};

export function syntheticRun(options: SyntheticOptions): RunRecord {
  const rand = random(options.seed ?? 7);
  const workers = options.workers ?? 2;
  const target = Math.max(8, options.intervals ?? 2_000);
  const b: Builder = { processes: [], threads: [], traces: {} };
  const runNumber = nextRun++;
  const jitter = (x: number) => x * (0.8 + 0.4 * rand());
  let end = 0;

  switch (options.kind) {
    case 'car-truck': {
      const pid = addProcess(b, 'python (threading)');
      const main = addThread(b, pid, 'MainThread', 1);
      const car = addThread(b, pid, 'Thread-1 (car)', 1);
      const truck = addThread(b, pid, 'Thread-2 (truck)', 1);
      push(main, running, 0, 180);
      mark(main, 'print', 60, 'MainThread');
      push(car, starting, 120, 1_400);
      push(truck, starting, 190, 1_500);
      [car, truck].forEach((trace, i) => {
        let t = 1_400 + i * 100;
        for (let k = 0; k < 5; k++) {
          mark(trace, 'print', t + 10, i === 0 ? 'car' : 'truck');
          push(trace, running, t, t + 45);
          push(trace, io, t + 45, t + 1_000_045);
          t += 1_000_060 + rand() * 200;
        }
        push(trace, running, t, t + 30);
        end = Math.max(end, t + 30);
      });
      push(main, running, end + 20, end + 70);
      mark(main, 'print', end + 40, 'done');
      end += 80;
      break;
    }

    case 'threading':
    case 'sequential': {
      const pid = addProcess(b, `python (${options.kind})`);
      const main = addThread(b, pid, 'MainThread', 1);
      const pool =
        options.kind === 'sequential'
          ? [main]
          : Array.from({ length: workers }, (_, i) => addThread(b, pid, `Thread-${i + 1}`, 1));
      const sliceUs = options.durationUs ? (options.durationUs / target) * 2 : 5_000;
      push(main, running, 0, 250);
      let t = 250;
      if (options.kind === 'threading') {
        pool.forEach((trace, i) => push(trace, starting, 250 + i * 150, 1_500 + i * 150));
        t = 1_500 + pool.length * 150;
        pool.forEach((trace, i) => push(trace, waiting, 1_500 + i * 150, t));
      }
      let holder = 0;
      let count = 0;
      while (count < target) {
        const sliceEnd = t + jitter(sliceUs);
        pool.forEach((trace, i) => push(trace, i === holder ? running : waiting, t, sliceEnd, 8));
        count += 2;
        if (pool.length > 1) {
          // A waiter's timeout ran out: it sets the drop request, the holder lets go.
          let next = Math.floor(rand() * (pool.length - 1));
          if (next >= holder) next++;
          mark(pool[next], 'drop_request', sliceEnd - Math.min(40, sliceUs * 0.05));
          mark(pool[holder], 'forced_switch', sliceEnd);
          holder = next;
        } else {
          // Sequential: the one thread computes, then blocks on a little I/O.
          const ioEnd = sliceEnd + jitter(sliceUs * 0.3);
          push(main, io, sliceEnd, ioEnd);
          t = ioEnd;
          continue;
        }
        t = sliceEnd;
      }
      end = t + 40;
      // MainThread joins the pool: blocked until the last task is done.
      if (options.kind === 'threading') push(main, blocked, 250, t, 14);
      push(main, running, t, end, 15);
      break;
    }

    case 'multiprocessing':
    case 'subinterpreters':
    case 'free-threading': {
      const multi = options.kind === 'multiprocessing';
      const parent = addProcess(b, `python (${options.kind})`);
      const main = addThread(b, parent, 'MainThread', options.kind === 'free-threading' ? null : 1);
      push(main, running, 0, 300);
      const pool = Array.from({ length: workers }, (_, i) => {
        if (multi)
          return addThread(b, addProcess(b, `python (multiprocessing) worker ${i + 1}`), `Process-${i + 1}`, 2 + i);
        const gil = options.kind === 'subinterpreters' ? 2 + i : null;
        return addThread(
          b,
          parent,
          options.kind === 'subinterpreters' ? `Interpreter-${i + 1}` : `Thread-${i + 1}`,
          gil,
        );
      });
      const perWorker = Math.max(2, Math.floor(target / workers / 2));
      const sliceUs = options.durationUs ? options.durationUs / perWorker : 5_000;
      const startCost = multi ? 30_000 : 1_200;
      pool.forEach((trace, i) => {
        let t = 300 + i * (multi ? 2_000 : 150);
        push(trace, starting, t, t + startCost);
        t += startCost;
        for (let k = 0; k < perWorker; k++) {
          const computeEnd = t + jitter(sliceUs * 0.9);
          push(trace, running, t, computeEnd, 8);
          const ioEnd = computeEnd + jitter(sliceUs * 0.1);
          push(trace, io, computeEnd, ioEnd, 9);
          t = ioEnd;
        }
        end = Math.max(end, t);
      });
      push(main, blocked, 300, end + 50, 14);
      push(main, running, end + 50, end + 120, 15);
      end += 120;
      break;
    }
  }

  const failAt = end * 0.8;
  if (options.fail) {
    const victim = b.threads[b.threads.length - 1];
    const trace = b.traces[victim.tid];
    cutAt(trace, failAt);
    mark(trace, 'error', failAt, `${victim.name} raised ZeroDivisionError: division by zero`);
  }
  if (options.truncated) {
    const trace = b.traces[b.threads[b.threads.length - 1].tid];
    const at = lastEnd(trace);
    mark(trace, 'truncated', at, 'trace truncated: the run reached 1,000,000 intervals');
  }

  const record: RunRecord = {
    info: {
      runId: `synthetic-${runNumber}`,
      strategy: strategyOf[options.kind],
      workers: options.kind === 'car-truck' ? 2 : workers,
      switchIntervalMs: 5,
      gil: 'new',
      timeScale: 1,
      program: options.kind === 'car-truck' ? 'car-truck' : 'calc-threads',
      processes: b.processes,
      threads: b.threads,
      t0EpochMs: Date.now(),
    },
    traces: b.traces,
  };
  record.summary = summarize(
    record,
    options.fail ? failAt : end,
    options.fail ? 'failed' : 'done',
    options.truncated ?? false,
  );
  return record;
}

function lastEnd(trace: ThreadTrace): number {
  return trace.intervals.length ? trace.intervals[trace.intervals.length - S + 2] : 0;
}

function cutAt(trace: ThreadTrace, us: number): void {
  const iv = trace.intervals;
  let n = iv.length;
  while (n >= S && iv[n - S + 1] >= us) n -= S;
  iv.length = n;
  if (n >= S && iv[n - S + 2] > us) iv[n - S + 2] = us;
  trace.instants = trace.instants.filter((i) => i.tUs <= us);
}

function summarize(record: RunRecord, endUs: number, status: RunSummary['status'], truncated: boolean): RunSummary {
  let handoffs = 0;
  let forcedSwitches = 0;
  const threads = record.info.threads.map((thread) => {
    const trace = record.traces[thread.tid];
    const ms = new Array<number>(STATE_COUNT).fill(0);
    let ioCount = 0;
    for (let i = 0; i < trace.intervals.length; i += S) {
      ms[trace.intervals[i]] += (trace.intervals[i + 2] - trace.intervals[i + 1]) / 1000;
      if (trace.intervals[i] === io) ioCount++;
    }
    for (const instant of trace.instants) if (instant.kind === 'forced_switch') forcedSwitches++;
    handoffs += trace.instants.filter((i) => i.kind === 'forced_switch').length;
    return {
      tid: thread.tid,
      name: thread.name,
      process: record.info.processes.find((p) => p.pid === thread.pid)?.name ?? '',
      runningMs: ms[running],
      // Synthetic threads compute exactly while they hold the GIL.
      onCpuMs: ms[running],
      waitMs: ms[waiting],
      ioMs: ms[io],
      blockedMs: ms[blocked],
      startingMs: ms[starting],
      ioCount,
      endMs: lastEnd(trace) / 1000,
    };
  });
  return {
    runId: record.info.runId,
    strategy: record.info.strategy,
    workers: record.info.workers,
    status,
    reason:
      status === 'failed'
        ? `${record.info.threads[record.info.threads.length - 1].name} raised ZeroDivisionError`
        : undefined,
    wallMs: endUs / 1000,
    speedup: null,
    handoffs,
    forcedSwitches,
    truncated,
    spawnMs: 40,
    threads,
  };
}

/** Total intervals of a run, to label what a bench measured. */
export function intervalCount(record: RunRecord): number {
  let n = 0;
  for (const trace of Object.values(record.traces)) n += trace.intervals.length / S;
  return n;
}

/**
 * Replays a finished run as if it were live: `advance(us)` appends, in place, what each thread
 * had recorded by then (whole intervals only, as the engine's batches do), and drops the summary
 * until the end is reached. Returns whether anything was appended.
 */
export function liveReplay(full: RunRecord): { record: RunRecord; advance(nowUs: number): boolean; done(): boolean } {
  const traces: Record<number, ThreadTrace> = {};
  const cursors: Record<number, { interval: number; instant: number }> = {};
  for (const thread of full.info.threads) {
    traces[thread.tid] = { intervals: [], instants: [] };
    cursors[thread.tid] = { interval: 0, instant: 0 };
  }
  const record: RunRecord = { info: full.info, traces };
  const endUs = (full.summary?.wallMs ?? 0) * 1000;
  return {
    record,
    advance(nowUs) {
      let grew = false;
      for (const thread of full.info.threads) {
        const from = full.traces[thread.tid];
        const to = traces[thread.tid];
        const cursor = cursors[thread.tid];
        while (cursor.interval < from.intervals.length && from.intervals[cursor.interval + 2] <= nowUs) {
          for (let k = 0; k < S; k++) to.intervals.push(from.intervals[cursor.interval + k]);
          cursor.interval += S;
          grew = true;
        }
        while (cursor.instant < from.instants.length && from.instants[cursor.instant].tUs <= nowUs) {
          to.instants.push(from.instants[cursor.instant++]);
          grew = true;
        }
      }
      if (nowUs >= endUs && !record.summary) {
        record.summary = full.summary;
        grew = true;
      }
      return grew;
    },
    done: () => record.summary !== undefined,
  };
}
