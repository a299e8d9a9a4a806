// The trace of a run: per thread, state intervals and instants on one clock
// (microseconds since the run started). Plain numbers and arrays only, so a trace
// crosses postMessage, Electron IPC and JSON unchanged.
import type { GilModel, Strategy } from './program';

/**
 * What a thread is doing. `running`: holds the GIL and computes. `waiting`: wants the GIL.
 * `io`: sleeps or waits on blocking I/O, GIL released. `blocked`: waits on a lock, a join, an
 * Event or a queue, GIL released. `starting`: Python's own start-up cost of the thread or process.
 */
export const threadStates = ['starting', 'running', 'waiting', 'io', 'blocked'] as const;
export type ThreadState = (typeof threadStates)[number];
/** How many states there are: state codes are 0 .. STATE_COUNT - 1. */
export const STATE_COUNT = threadStates.length;
/** Index of a state in `threadStates`: the code stored in interval arrays. */
export type StateCode = 0 | 1 | 2 | 3 | 4;
export const stateCode = {
  starting: 0,
  running: 1,
  waiting: 2,
  io: 3,
  blocked: 4,
} as const satisfies Record<ThreadState, StateCode>;

export type InstantKind = 'print' | 'drop_request' | 'forced_switch' | 'truncated' | 'error';
export interface Instant {
  kind: InstantKind;
  tUs: number;
  text?: string;
  /** 1-based line of the program source where it happened (absent or 0: unknown). */
  line?: number;
}

/** A Python process of the run (trace pid), e.g. "python (threading)". */
export interface ProcessInfo {
  pid: number;
  name: string;
  /** The operating-system pid of the process that plays it. */
  osPid: number;
}

/** A Python thread (or an asyncio task) of the run. */
export interface ThreadInfo {
  /** Unique across the whole run (and across the runs of a session). */
  tid: number;
  pid: number;
  name: string;
  /** The lock this thread must hold to compute: an id shared by the threads of one GIL, or null (no GIL). */
  gil: number | null;
}

/** Numbers per interval in an IntervalList. */
export const INTERVAL_STRIDE = 4;

/**
 * Intervals flattened as [state, startUs, endUs, line, state, startUs, endUs, line, …]
 * (INTERVAL_STRIDE numbers each): `line` is the 1-based line of the program source the thread
 * was executing, 0 when unknown.
 */
export type IntervalList = number[];

export interface TraceBatch {
  runId: string;
  tid: number;
  intervals: IntervalList;
  instants: Instant[];
}

export interface RunInfo {
  runId: string;
  strategy: Strategy;
  workers: number;
  switchIntervalMs: number;
  gil: GilModel;
  timeScale: number;
  program: string;
  processes: ProcessInfo[];
  threads: ThreadInfo[];
  /** Epoch time (ms) of the run's time zero, on the shared clock. */
  t0EpochMs: number;
  /** The Python source the run executed, when the engine knows it (lines in the trace refer to it). */
  source?: string;
  /** For each line of `source` (index line - 1), the line of the program the user wrote (0: added by the strategy's variant). */
  lineMap?: number[];
  /** One line on what the run's strategy does with the program (the source view's heading). */
  note?: string;
  /** Set when the run was measured in real CPython rather than simulated. */
  measured?: MeasuredInfo;
  /** Where the cost table of a simulated run came from ("calibrated against CPython 3.11.7 … on …"). */
  costs?: string;
}

/** Where a measured run's CPU state (running or waiting) came from: the OS's per-thread CPU time, or nowhere. */
export type CpuStateSource = { source: 'schedstat' } | { source: 'unknown'; reason: string };

export interface MeasuredInfo {
  /** CPython's version, e.g. "3.11.7". */
  python: string;
  executable: string;
  cpuState?: CpuStateSource;
}

/** A thread's totals. Every number but tid is null when it was not measured (e.g. a cancelled run's thread that never reported). */
export interface ThreadSummary {
  tid: number;
  name: string;
  process: string;
  /** Time in state `running`: holding the GIL and computing. */
  runningMs: number | null;
  /** CPU time the operating system gave the thread. */
  onCpuMs: number | null;
  waitMs: number | null;
  ioMs: number | null;
  blockedMs: number | null;
  startingMs: number | null;
  /** Completed io/sleep steps. */
  ioCount: number | null;
  /** When the thread finished, ms since run start. */
  endMs: number | null;
}

export type RunStatus = 'done' | 'cancelled' | 'failed';

/** How a run ended, and why when it failed or was cancelled. */
export interface RunOutcome {
  status: RunStatus;
  reason?: string;
}

export interface RunSummary {
  runId: string;
  strategy: Strategy;
  workers: number;
  status: RunStatus;
  /** Why a run failed or was cancelled, naming the thread or process. */
  reason?: string;
  wallMs: number;
  /** sequential wallMs / this wallMs, when the session also ran sequential with the same workers. */
  speedup: number | null;
  /** GIL hand-offs and forced switches; null for measured runs (CPython does not report them). */
  handoffs: number | null;
  forcedSwitches: number | null;
  /** True when a thread stopped recording intervals because the run hit the trace cap. */
  truncated: boolean;
  /** When the session measured in CPython and this strategy could not be: why ("not measured: …"). */
  notMeasured?: string;
  /** A run measured in real CPython (its RunInfo says which), not simulated. */
  measured?: true;
  /** Real cost of spawning this run's processes and threads, outside the timed region. */
  spawnMs: number;
  threads: ThreadSummary[];
}

/** The head of a run's summary: which run it was and how it ended (a reason only when there is one). */
export function summaryHead(
  run: { runId: string; strategy: Strategy; workers: number },
  outcome: RunOutcome,
): Pick<RunSummary, 'runId' | 'strategy' | 'workers' | 'status' | 'reason'> {
  const { runId, strategy, workers } = run;
  return { runId, strategy, workers, status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}) };
}

export interface MachineInfo {
  cores: number;
  platform: string;
  arch: string;
  node: string;
  host: 'electron' | 'web' | 'cli';
  /** CPU iterations per CPython-equivalent millisecond, once measured. */
  calibration?: number;
  /** The cost table runs charge, once calibrated: where it came from, and the table (ns per operation). */
  costs?: { source: string; calibrated: boolean; table: Record<string, number>; worst?: { program: string; ratio: number } };
  /** While a calibration that takes seconds is under way: what it does (a 'machine' event follows when it is done). */
  calibrating?: string;
  /** The CPython that measured runs use, when the machine has one (null: none found, with the reason). */
  python?: { executable: string; version: string; freeThreaded: boolean } | null;
  /** Why no python3 could be used, when python is null. */
  pythonMissing?: string;
  /** Per strategy: null where it can be measured, else why not ("not measured: …"). */
  measurable?: Partial<Record<Strategy, string | null>>;
}
