// A run as a caller accumulates it from engine events: its plan, its trace, its summary.
// The CLI, the renderer's store and the exporters all share this shape.
import type { EngineEvent } from './api';
import type { Instant, IntervalList, RunInfo, RunSummary, TraceBatch } from './trace';

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
  return { info, traces };
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
