// Messages inside the engine: supervisor <-> process relay <-> Python threads.
import type { GilModel, Program } from '../common/program';
import type { TraceBatch } from '../common/trace';

/** How a worker thread behaves. */
export type ThreadRole =
  /** Runs the program's main steps; `start` hands tasks to the supervisor's pool (or runs them inline). */
  | 'main'
  /** A pool executor: runs the tasks it is given until shut down. */
  | 'executor'
  /** One thread running an asyncio event loop: main and every task are coroutines on it. */
  | 'event-loop';

export interface LaneSpec {
  tid: number;
  name: string;
}

export interface ThreadSpec {
  /** The lane of this thread (for an event loop: the main coroutine's lane). */
  tid: number;
  name: string;
  role: ThreadRole;
  /** Index of the GIL this thread must hold in its process, or null (free-threading). */
  gil: number | null;
  /** Sequential: `start` runs the task inline on this thread. */
  inlineTasks: boolean;
  /** Event loop only: one lane per task instance, in start order. */
  taskLanes: LaneSpec[];
  /** Event loop only: most coroutine tasks running at once (the pool size). */
  maxConcurrentTasks: number;
  /** Test-only fault: throw this long (ms) after the run starts. */
  throwAfterMs?: number;
}

export interface RunSettings {
  runId: string;
  program: Program;
  workers: number;
  switchIntervalMs: number;
  gilModel: GilModel;
  timeScale: number;
  /** Kernel iterations per CPython-equivalent millisecond. */
  itersPerMs: number;
  /** Most intervals one lane records before it marks its trace truncated. */
  maxIntervalsPerLane: number;
}

// Supervisor -> process
export type ToProcess =
  | { type: 'calibrate' }
  | { type: 'init'; settings: RunSettings; threads: ThreadSpec[]; gilCount: number; hangAfterMs?: number }
  | ToThread;

// Supervisor/process -> thread (delivered to one thread by tid, or to all with tid -1)
export type ToThread =
  | { type: 'go'; tid: -1; t0EpochMs: number }
  | { type: 'run-task'; tid: number; task: string; startingMs: number }
  | { type: 'task-done'; tid: number; task: string }
  | { type: 'shutdown'; tid: -1 };

export interface ThreadStats {
  tid: number;
  cpuUs: number;
  waitUs: number;
  ioUs: number;
  startingUs: number;
  ioCount: number;
  /** When the thread last did anything, µs since t0. */
  endUs: number;
  handoffs: number;
  forcedSwitches: number;
  truncated: boolean;
}

// Thread -> process (and mostly on to the supervisor)
export type FromThread =
  | { type: 'thread-ready'; tid: number }
  | { type: 'trace'; batches: TraceBatch[] }
  | { type: 'start-task'; tid: number; task: string; copies: number }
  | { type: 'task-finished'; tid: number; task: string }
  | { type: 'main-done'; tid: number }
  | { type: 'thread-end'; stats: ThreadStats[] };

// Process -> supervisor
export type FromProcess =
  | FromThread
  | { type: 'calibrated'; itersPerMs: number }
  | { type: 'ready'; osPid: number }
  | { type: 'heartbeat' }
  | { type: 'thread-error'; tid: number; message: string };

/** The data a worker thread starts with. */
export interface ThreadData {
  spec: ThreadSpec;
  settings: RunSettings;
  /** The GIL this thread uses (a SharedArrayBuffer), or null. */
  gil: SharedArrayBuffer | null;
  /** Int32 word the process bumps (Atomics.notify) after posting to `port`. */
  signal: SharedArrayBuffer;
}
