// What the sampler's worker thread and the main side exchange, and the parsing of /proc text.

/** The control word (Int32 0 of a SharedArrayBuffer; Int32 1 holds the root pid). */
export const Control = { idle: 0, run: 1, stop: 2 } as const;

export interface SamplerData {
  control: SharedArrayBuffer;
  periodUs: number;
  batchMs: number;
  /** Look for new threads and child processes every this many ticks. */
  discoverEveryTicks: number;
}

/** Readings, one row per thread per tick, as columns. */
export interface SampleBatch {
  length: number;
  pid: Int32Array;
  tid: Int32Array;
  /** process.hrtime.bigint() as a number: CLOCK_MONOTONIC ns on Linux. */
  tNs: Float64Array;
  /** Cumulative ns on a CPU. */
  cpuNs: Float64Array;
  /** 1: state R (running or runnable) at the reading; 0: any other state. */
  running: Uint8Array;
  /** Every thread known to the sampler has been read up to here. */
  horizonNs?: number;
  /** Processes first seen in this batch (the root and its descendants). */
  newPids?: number[];
  /** Processes whose /proc entry disappeared. */
  gonePids?: number[];
}

export interface SamplerStats {
  periodUs: number;
  ticks: number;
  /** Ticks that never happened: the sampler was more than a whole period behind. */
  missedTicks: number;
  /** Ticks that started more than half a period after their time. */
  lateTicks: number;
  maxLateUs: number;
  p99LateUs: number;
  wallNs: number;
  /** CPU time of the sampler's own thread (/proc/thread-self/schedstat). */
  selfCpuNs: number;
  /** selfCpuNs / wallNs: the share of one core the sampler used. */
  selfCpuShare: number;
  readings: number;
  threadsSeen: number;
  processesSeen: number;
}

export type ToMain =
  | { type: 'ready' }
  | { type: 'samples'; batch: SampleBatch; ticks: number; missedTicks: number }
  | { type: 'stats'; stats: SamplerStats | null }
  | { type: 'error'; message: string };

const SPACE = 0x20;
const ZERO = 0x30;
const NINE = 0x39;
const CLOSE_PAREN = 0x29;
const R = 0x52;

/** The first decimal field of `bytes[0, length)` (schedstat's ns on a CPU), without a string. */
export function parseLeadingInt(bytes: Uint8Array, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) {
    const c = bytes[i];
    if (c < ZERO || c > NINE) break;
    value = value * 10 + (c - ZERO);
  }
  return value;
}

/**
 * From /proc/PID/task/TID/stat ("pid (comm) state ppid ..."; comm may hold ") "): whether the
 * state is R (running or runnable), and num_threads (field 20: the threads of its process).
 */
export function parseStat(bytes: Uint8Array, length: number): { running: boolean; threads: number } {
  let i = length - 1;
  while (i > 0 && bytes[i] !== CLOSE_PAREN) i--;
  const running = bytes[i + 2] === R;
  // Field 3 (the state) starts at i + 2; num_threads is 17 fields after it.
  let field = 3;
  let j = i + 2;
  while (j < length && field < 20) if (bytes[j++] === SPACE) field++;
  return { running, threads: field === 20 ? parseLeadingInt(bytes.subarray(j), length - j) : 0 };
}

/** The pids of /proc/PID/task/TID/children ("123 456 "). */
export function parsePidList(bytes: Uint8Array, length: number): number[] {
  const pids: number[] = [];
  let value = 0;
  let inNumber = false;
  for (let i = 0; i < length; i++) {
    const c = bytes[i];
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      inNumber = true;
    } else if (inNumber || c === SPACE) {
      if (inNumber) pids.push(value);
      value = 0;
      inNumber = false;
    }
  }
  if (inNumber) pids.push(value);
  return pids;
}
