// A run as a caller accumulates it from engine events: its plan, its trace, its summary.
// The CLI, the renderer's store and the exporters all share this shape.
import type { EngineEvent } from './api';
import {
  INTERVAL_STRIDE,
  type Instant,
  type IntervalList,
  type ProcessInfo,
  type RunInfo,
  type RunSummary,
  type ThreadInfo,
  type TraceBatch,
} from './trace';

export interface ThreadTrace {
  intervals: IntervalList;
  instants: Instant[];
}

export interface RunRecord {
  info: RunInfo;
  /** Keyed by tid. */
  traces: Record<number, ThreadTrace>;
  summary?: RunSummary;
}

export function newRunRecord(info: RunInfo): RunRecord {
  const traces: Record<number, ThreadTrace> = {};
  for (const thread of info.threads) traces[thread.tid] = { intervals: [], instants: [] };
  // Lanes that appear later are added to these lists: they are the record's own, not the event's.
  return { info: { ...info, processes: [...info.processes], threads: [...info.threads] }, traces };
}

/** Adds processes and lanes that appeared during the run (each pid and tid once), each lane with a trace. */
export function addThreads(record: RunRecord, processes: readonly ProcessInfo[], threads: readonly ThreadInfo[]): void {
  const { info } = record;
  for (const process of processes) if (!info.processes.some((p) => p.pid === process.pid)) info.processes.push(process);
  for (const thread of threads) {
    if (!info.threads.some((t) => t.tid === thread.tid)) info.threads.push(thread);
    record.traces[thread.tid] ??= { intervals: [], instants: [] };
  }
}

/**
 * The run's lanes: its threads, and a stand-in (process 0, "thread <tid>") for each trace whose
 * lane the run never announced, so no view or export drops what was recorded.
 */
export function lanesOf(record: RunRecord): ThreadInfo[] {
  const known = new Set(record.info.threads.map((t) => t.tid));
  const orphans = Object.keys(record.traces)
    .map(Number)
    .filter((tid) => !known.has(tid));
  if (orphans.length === 0) return record.info.threads;
  return [...record.info.threads, ...orphans.map((tid) => ({ tid, pid: 0, name: `thread ${tid}`, gil: null }))];
}

/** Appends a batch to its thread's trace (batches of one thread arrive in time order). */
export function appendBatch(record: RunRecord, batch: TraceBatch): void {
  const trace = (record.traces[batch.tid] ??= { intervals: [], instants: [] });
  for (const value of batch.intervals) trace.intervals.push(value);
  for (const instant of batch.instants) trace.instants.push(instant);
}

/** Folds one engine event into a list of run records; returns the record it touched, if any. */
export function applyEvent(records: RunRecord[], event: EngineEvent): RunRecord | undefined {
  switch (event.type) {
    case 'run-start': {
      const record = newRunRecord(event.run);
      records.push(record);
      return record;
    }
    case 'threads': {
      const record = records.find((r) => r.info.runId === event.runId);
      if (record) addThreads(record, event.processes, event.threads);
      return record;
    }
    case 'trace': {
      let touched: RunRecord | undefined;
      for (const batch of event.batches) {
        touched = records.find((r) => r.info.runId === batch.runId);
        if (touched) appendBatch(touched, batch);
      }
      return touched;
    }
    case 'run-end': {
      const record = records.find((r) => r.info.runId === event.summary.runId);
      if (record) record.summary = event.summary;
      return record;
    }
    default:
      return undefined;
  }
}

/** The latest time a run's trace reached (its last interval's end or instant), µs. */
export function traceEndUs(record: RunRecord): number {
  let end = 0;
  for (const trace of Object.values(record.traces)) {
    const iv = trace.intervals;
    if (iv.length >= INTERVAL_STRIDE) end = Math.max(end, iv[iv.length - INTERVAL_STRIDE + 2]);
    const last = trace.instants[trace.instants.length - 1];
    if (last) end = Math.max(end, last.tUs);
  }
  return end;
}
