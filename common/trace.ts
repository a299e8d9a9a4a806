// The trace of a run: per thread, state intervals and instants on one clock
// (microseconds since the run started). Plain numbers and arrays only, so a trace
// crosses postMessage, Electron IPC and JSON unchanged.
import type { GilModel, Strategy } from './program';

export const threadStates = ['starting', 'running', 'waiting', 'io'] as const;
export type ThreadState = (typeof threadStates)[number];
/** Index of a state in `threadStates`: the code stored in interval arrays. */
export type StateCode = 0 | 1 | 2 | 3;
export const stateCode = { starting: 0, running: 1, waiting: 2, io: 3 } as const satisfies Record<ThreadState, StateCode>;

export type InstantKind = 'print' | 'drop_request' | 'forced_switch' | 'truncated' | 'error';
export interface Instant {
  kind: InstantKind;
  tUs: number;
  text?: string;
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

/** Intervals flattened as [state, startUs, endUs, state, startUs, endUs, ...]. */
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
}

export interface ThreadSummary {
  tid: number;
  name: string;
  process: string;
  cpuMs: number;
  waitMs: number;
  ioMs: number;
  startingMs: number;
  /** Completed io/sleep steps. */
  ioCount: number;
  /** When the thread finished, ms since run start. */
  endMs: number;
}

export type RunStatus = 'done' | 'cancelled' | 'failed';

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
  handoffs: number;
  forcedSwitches: number;
  /** True when a thread stopped recording intervals because the run hit the trace cap. */
  truncated: boolean;
  /** Real cost of spawning this run's processes and threads, outside the timed region. */
  spawnMs: number;
  threads: ThreadSummary[];
}

export interface MachineInfo {
  cores: number;
  platform: string;
  arch: string;
  node: string;
  host: 'electron' | 'web' | 'cli';
  /** CPU iterations per CPython-equivalent millisecond, once measured. */
  calibration?: number;
}
