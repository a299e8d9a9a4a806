// Test helper: runs one engine session to its end and keeps everything it emitted.
import type { EngineEvent, RunRequest } from '../common/api';
import { applyEvent, type RunRecord } from '../common/run-record';
import { INTERVAL_STRIDE, type RunSummary } from '../common/trace';
import type { Engine } from '../workers/engine';

export interface SessionResult {
  records: RunRecord[];
  summaries: RunSummary[];
  events: EngineEvent[];
  status: 'done' | 'cancelled' | 'failed';
  reason?: string;
}

export const defaults: Omit<RunRequest, 'program' | 'strategies'> = {
  workerCounts: [2],
  switchIntervalMs: 5,
  gil: 'new',
  timeScale: 0.25,
};

/** Starts a session; `during` may act on events as they come (cancel, kill a process...). */
export async function runSession(
  engine: Engine,
  request: Partial<RunRequest> & Pick<RunRequest, 'program' | 'strategies'>,
  during?: (event: EngineEvent) => void,
): Promise<SessionResult> {
  const records: RunRecord[] = [];
  const events: EngineEvent[] = [];
  let resolveEnd!: (r: SessionResult) => void;
  const ended = new Promise<SessionResult>((resolve) => (resolveEnd = resolve));
  const off = engine.onEvent((event) => {
    events.push(event);
    applyEvent(records, event);
    during?.(event);
    if (event.type === 'session-end') {
      const summaries = records.flatMap((r) => (r.summary ? [r.summary] : []));
      resolveEnd({ records, summaries, events, status: event.status, reason: event.reason });
    }
  });
  const started = await engine.startSession({ ...defaults, ...request });
  if (!started.ok) {
    off();
    throw new Error(started.error);
  }
  const result = await ended;
  off();
  return result;
}

export type Span = [start: number, end: number];

/** The intervals of one lane in one state, as [start, end] µs. */
export function spans(record: RunRecord, threadName: string, state: number): Span[] {
  const lane = record.info.threads.find((t) => t.name === threadName);
  if (!lane) throw new Error(`no lane ${threadName} in ${record.info.strategy}`);
  const list = record.traces[lane.tid].intervals;
  const out: Span[] = [];
  for (let i = 0; i < list.length; i += INTERVAL_STRIDE) if (list[i] === state) out.push([list[i + 1], list[i + 2]]);
  return out;
}

/** The intervals of one lane (by tid) in one state, as [start, end] µs. */
export function laneSpans(record: RunRecord, tid: number, state: number): Span[] {
  const list = record.traces[tid]?.intervals ?? [];
  const out: Span[] = [];
  for (let i = 0; i < list.length; i += INTERVAL_STRIDE) if (list[i] === state) out.push([list[i + 1], list[i + 2]]);
  return out;
}

/** What the run's program wrote to stdout, in time order (every lane's print instants). */
export function printed(record: RunRecord): string {
  return Object.values(record.traces)
    .flatMap((t) => t.instants.filter((i) => i.kind === 'print'))
    .sort((a, b) => a.tUs - b.tUs)
    .map((i) => i.text ?? '')
    .join('');
}

/** Total µs during which spans of `a` and spans of `b` overlap. */
export function overlapUs(a: Span[], b: Span[]): number {
  let total = 0;
  let j = 0;
  const sb = [...b].sort((x, y) => x[0] - y[0]);
  for (const [s, e] of [...a].sort((x, y) => x[0] - y[0])) {
    while (j < sb.length && sb[j][1] <= s) j++;
    for (let k = j; k < sb.length && sb[k][0] < e; k++) total += Math.max(0, Math.min(e, sb[k][1]) - Math.max(s, sb[k][0]));
  }
  return total;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function summaryOf(result: SessionResult, strategy: string): RunSummary {
  const summary = result.summaries.find((s) => s.strategy === strategy);
  if (!summary) throw new Error(`no ${strategy} run in the session (status ${result.status}: ${result.reason ?? ''})`);
  return summary;
}

export function recordOf(result: SessionResult, strategy: string): RunRecord {
  const record = result.records.find((r) => r.info.strategy === strategy);
  if (!record) throw new Error(`no ${strategy} run in the session`);
  return record;
}
