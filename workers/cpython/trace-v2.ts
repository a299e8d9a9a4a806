// RECONCILE WITH common/trace.ts: trace format version 2, as this module produces it, declared
// here until common/ has it. Everything else in the format is common/trace.ts's own (ProcessInfo,
// ThreadInfo, TraceBatch, RunInfo, RunSummary), extended below and never restructured.
import type { Instant, ProcessInfo, RunInfo, RunSummary, ThreadInfo } from '../../common/trace';

export const threadStatesV2 = ['starting', 'running', 'waiting', 'io', 'blocked'] as const;
export type ThreadStateV2 = (typeof threadStatesV2)[number];
export type StateCodeV2 = 0 | 1 | 2 | 3 | 4;
export const stateCodeV2 = {
  starting: 0,
  running: 1,
  waiting: 2,
  io: 3,
  blocked: 4,
} as const satisfies Record<ThreadStateV2, StateCodeV2>;

/** Intervals flattened with stride 4: [state, startUs, endUs, line, ...]; line 1-based, 0 = unknown. */
export const intervalStride = 4;

export interface InstantV2 extends Instant {
  /** 1-based line of the program that printed (or raised), when known. */
  line?: number;
}

export interface TraceBatchV2 {
  runId: string;
  tid: number;
  intervals: number[];
  instants: InstantV2[];
}

/** How the CPU state of a measured run's lanes was obtained. */
export type CpuStateSource =
  | { source: 'schedstat' }
  /** No CPU state: outside blocking calls a lane has no interval; draw it as unknown, with the reason. */
  | { source: 'unknown'; reason: string };

export interface MeasuredInfo {
  /** e.g. "3.11.7". */
  python: string;
  executable: string;
  cpuState: CpuStateSource;
}

export interface RunInfoV2 extends Omit<RunInfo, 'threads'> {
  threads: ThreadInfo[];
  source?: string;
  measured?: MeasuredInfo;
}

/** Lanes (and their processes) that appear mid-run; a tid seen before means the thread was renamed. */
export interface ThreadsEvent {
  type: 'threads';
  sessionId: string;
  runId: string;
  processes: ProcessInfo[];
  threads: ThreadInfo[];
}

/** Milliseconds per state; null = not measured. */
export interface ThreadSummaryV2 {
  tid: number;
  name: string;
  process: string;
  runningMs: number | null;
  /** CPU time the OS gave the thread (schedstat), blocking calls included. */
  onCpuMs: number | null;
  waitMs: number | null;
  ioMs: number;
  blockedMs: number;
  startingMs: number;
  /** Completed io calls (time.sleep, socket, select...). */
  ioCount: number;
  endMs: number;
}

export interface RunSummaryV2 extends Omit<RunSummary, 'threads' | 'handoffs' | 'forcedSwitches'> {
  /** Not measurable from outside CPython: null. */
  handoffs: number | null;
  forcedSwitches: number | null;
  threads: ThreadSummaryV2[];
}
