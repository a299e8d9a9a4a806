// Messages inside the engine: supervisor <-> process relay <-> Python threads.
import type { StuckThread } from './deadlock';
import type { CalibrationRequest, CostCalibration } from './calibrate/calibration';
import type { GilModel } from '../common/program';
import type { Module } from '../common/python/ast-nodes';
import type { TraceBatch } from '../common/trace';
import type { CostTable } from './interpreter/costs';
import type { Enc, Snapshot } from './interpreter/heap-codec';
import type { JitPlan } from './v8-flags';

/**
 * How a run's Python threads relate (from the strategy):
 * - gil: the threads of a process share one GIL and one heap (threading, multiprocessing, asyncio);
 * - nogil: they share a heap but no GIL (free-threading);
 * - subinterpreters: every new thread gets an interpreter of its own (own GIL, own copy of the heap);
 * - sequential: Thread.start() and Process.start() run the target to completion in the caller.
 */
export type ThreadingMode = 'gil' | 'nogil' | 'subinterpreters' | 'sequential';

/** Everything a Python thread needs to know about its run. */
export interface RunSettings {
  runId: string;
  /** The Python source this run executes (the strategy's variant) and its file name in tracebacks. */
  source: string;
  file: string;
  /** For each line of `source`, the line of the program the user wrote (0: added by the variant). */
  lineMap: number[];
  mode: ThreadingMode;
  gilModel: GilModel;
  switchIntervalMs: number;
  timeScale: number;
  /** os.cpu_count(): the machine the program believes it runs on. */
  workers: number;
  /** Kernel iterations per millisecond of one core: how computed time is burned. */
  itersPerMs: number;
  costs: CostTable;
  /** Most intervals one lane records before it marks its trace truncated. */
  maxIntervalsPerLane: number;
  /** Blocking socket stand-ins: how long one send/recv round waits (µs). */
  socketLatencyUs: number;
  /** CPython's cost of starting a thread / a process, charged as `starting` (ms). */
  threadStartMs: number;
  processStartMs: number;
  /** CPython's wake-up latency of a thread signalled by the GIL's release (µs): see Gil. */
  wakeUpUs: number;
  /** The run's shared-memory file (multiprocessing.Value, Array): made by the supervisor for each run. */
  sharedMemory?: string;
}

/** What a warm worker thread becomes. */
export type Become =
  /** The process's MainThread: runs the program (the main process) or a forked target (a child). */
  | { type: 'become-main'; tid: number; name: string; t0EpochMs: number; fork: Snapshot | null; ppid: number | null }
  /**
   * A thread started by threading: `entry` is the shared function it runs; a subinterpreter's
   * thread gets `interpreter` (a copy of the modules and the function) and a heap log of its own.
   */
  | {
      type: 'become-thread';
      tid: number;
      name: string;
      t0EpochMs: number;
      entry: Enc;
      sentinel: number;
      gil: number;
      interpreter: Snapshot | null;
      /** As become-main's: the OS pid of the process's parent, null for the program's own process. */
      ppid: number | null;
      heapLog: SharedArrayBuffer | null;
    };

/** What a thread asks the supervisor, and waits for (channels cross processes; handles name child processes). */
export type Request =
  | { op: 'thread-failed'; failure: ThreadFailure }
  | { op: 'channel-put'; channel: string; item: Snapshot }
  | { op: 'channel-get'; channel: string; timeoutMs: number | null }
  | { op: 'channel-size'; channel: string }
  | { op: 'process-pid'; handle: number }
  /** signal: 15 for terminate(), 9 for kill(); the exit code is its negative, as a signal's in CPython. */
  | { op: 'process-terminate'; handle: number; signal: number };

// Supervisor -> process
export type ToProcess =
  /** Measures this core's kernel speed and the cost table (workers/calibrate/). */
  | { type: 'calibrate'; costs: Omit<CalibrationRequest, 'build'> | null }
  | {
      type: 'init';
      pid: number;
      settings: RunSettings;
      parsed: ParsedSources;
      tidBase: number;
      warmThreads: number;
      /** How the run's threads compile (runJitPlan). */
      jit: JitPlan;
    }
  /** ppid: the OS pid of the process that started this one (a Process's parent), null for the program's own. */
  | { type: 'start-main'; tid: number; name: string; t0EpochMs: number; fork: Snapshot | null; ppid: number | null }
  | { type: 'process-exited'; handle: number; exitcode: number }
  | { type: 'reply'; tid: number; seq: number; value: unknown }
  /** Test-only fault: the relay stops answering this long after the run starts. */
  | { type: 'fault-hang'; afterMs: number }
  | { type: 'shutdown' };

/** Relay -> thread: delivered through the thread's inbox (it may be blocked in Atomics.wait). */
export type ToThread =
  | Become
  | { type: 'reply'; tid: number; seq: number; value: unknown }
  /** The warm thread the next start will take: replay the process's heap log while waiting. */
  | { type: 'prepare' }
  | { type: 'shutdown' };

export interface ThreadStats {
  tid: number;
  runningUs: number;
  waitUs: number;
  ioUs: number;
  blockedUs: number;
  startingUs: number;
  /** CPU time the OS gave this thread (µs), or null where it cannot be measured. */
  onCpuUs: number | null;
  ioCount: number;
  /** When the thread last did anything, µs since t0. */
  endUs: number;
  handoffs: number;
  forcedSwitches: number;
  truncated: boolean;
  /** Computation the evaluator could not finish as fast as CPython would (ms): the run ran that much slow. */
  behindMs: number;
}

/** An uncaught exception, as CPython prints it. */
export interface ThreadFailure {
  tid: number;
  thread: string;
  type: string;
  message: string;
  line: number;
  traceback: string;
}

// Thread -> relay (and mostly on to the supervisor)
export type FromThread =
  | { type: 'thread-ready' }
  | { type: 'trace'; batches: TraceBatch[] }
  | { type: 'start-thread'; tid: number; name: string; entry: Enc; sentinel: number; gil: number; interpreter: Snapshot | null }
  | { type: 'rename-thread'; tid: number; name: string }
  | { type: 'start-process'; handle: number; name: string; fork: Snapshot }
  | { type: 'request'; tid: number; seq: number; request: Request }
  /** A new lane: a thread the relay started, or an asyncio task's lane (gil -1). */
  | { type: 'thread-started'; tid: number; name: string; gil: number; atEpochMs: number }
  | { type: 'thread-failed'; failure: ThreadFailure }
  | { type: 'thread-end'; stats: ThreadStats }
  /** The process's MainThread finished (and its non-daemon threads): the process exits with this code. */
  | { type: 'main-exit'; exitcode: number; atEpochMs: number };

// Process -> supervisor
export type FromProcess =
  | Exclude<FromThread, { type: 'thread-ready' }>
  /** Sent before a calibration that will take seconds (timing python3), so the user knows why they wait. */
  | { type: 'calibrating'; text: string }
  | { type: 'calibrated'; itersPerMs: number; costs: CostCalibration | null }
  | { type: 'ready'; osPid: number }
  | { type: 'heartbeat' }
  /** All of the process's Python threads wait with no timeout (their lines), or null once one can run (deadlock.ts). */
  | { type: 'stuck'; threads: StuckThread[] | null }
  | { type: 'thread-error'; tid: number; message: string };

/** The data a worker thread starts with. */
/** The run's program and the prelude modules it may import, parsed once for the run (parseForRun). */
export interface ParsedSources {
  /** File → syntax tree. */
  modules: Record<string, Module>;
  /** The files a warm thread compiles before the run: the program and what its imports load. */
  before: string[];
}

export interface ThreadData {
  pid: number;
  /** This process's first tid: its threads are tidBase, tidBase + 1, … */
  tidBase: number;
  settings: RunSettings;
  parsed: ParsedSources;
  /** The process's GIL words (one GIL per interpreter: index 0 is the main interpreter's). */
  gils: SharedArrayBuffer;
  /** The process's shared-heap log. */
  heapLog: SharedArrayBuffer;
  /** Words for locks, thread sentinels, process handles and tid allocation. */
  words: SharedArrayBuffer;
  /** Int32 word the relay bumps (Atomics.notify) after posting to the thread's port. */
  signal: SharedArrayBuffer;
  /** Run workers/warm-up.py before saying ready: a thread made before the run, not one a run waits for. */
  warmUp: boolean;
}
