// What a brushed range or the mouse pointer touches: time per state within a range, GIL
// hand-offs, the interval under the pointer. Pure functions of the traces.
import { lanesOf, traceEndUs, type RunRecord } from '../../../common/run-record';
import {
  INTERVAL_STRIDE as S,
  STATE_COUNT,
  stateCode,
  threadStates,
  type Instant,
  type ThreadInfo,
  type ThreadState,
} from '../../../common/trace';
import { firstVisible } from './lod';

export interface TimeRange {
  startUs: number;
  endUs: number;
}

/** What a timeline shows: a time range across a plot `plotWidth` CSS pixels wide. */
export interface TimelineView extends TimeRange {
  plotWidth: number;
}

export interface ThreadRangeStats {
  thread: ThreadInfo;
  /** Microseconds spent in each state within the range. */
  us: Record<ThreadState, number>;
}

export interface GilRangeStats {
  gil: number;
  /** Times the GIL passed from one thread to another within the range. */
  handoffs: number;
}

export interface RunRangeStats {
  run: RunRecord;
  threads: ThreadRangeStats[];
  gils: GilRangeStats[];
}

export function rangeStats(runs: readonly RunRecord[], range: TimeRange): RunRangeStats[] {
  return runs.map((run) => ({
    run,
    threads: lanesOf(run).map((thread) => ({
      thread,
      us: stateTimes(run.traces[thread.tid]?.intervals ?? [], range),
    })),
    gils: [...new Set(run.info.threads.flatMap((t) => (t.gil === null ? [] : [t.gil])))].map((gil) => ({
      gil,
      handoffs: handoffsIn(run, gil, range),
    })),
  }));
}

export function stateTimes(intervals: ArrayLike<number>, range: TimeRange): Record<ThreadState, number> {
  const totals = new Array<number>(STATE_COUNT).fill(0);
  const n = Math.floor(intervals.length / S);
  for (let i = firstVisible(intervals, range.startUs); i < n; i++) {
    const start = intervals[i * S + 1];
    if (start >= range.endUs) break;
    const end = intervals[i * S + 2];
    const overlap = Math.min(end, range.endUs) - Math.max(start, range.startUs);
    if (overlap > 0) totals[intervals[i * S]] += overlap;
  }
  return Object.fromEntries(threadStates.map((s) => [s, totals[stateCode[s]]])) as Record<ThreadState, number>;
}

/** Holdings of one GIL that overlap the range, in time order: [tid, start, end][]. */
export function holdings(run: RunRecord, gil: number, range: TimeRange): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const thread of run.info.threads) {
    if (thread.gil !== gil) continue;
    const iv = run.traces[thread.tid]?.intervals ?? [];
    const n = Math.floor(iv.length / S);
    for (let i = firstVisible(iv, range.startUs); i < n; i++) {
      const start = iv[i * S + 1];
      if (start >= range.endUs) break;
      if (iv[i * S] === stateCode.running && iv[i * S + 2] > range.startUs)
        out.push([thread.tid, start, iv[i * S + 2]]);
    }
  }
  return out.sort((a, b) => a[1] - b[1]);
}

/** A hand-off: the next holding of the GIL belongs to another thread than the one before it. */
export function handoffsIn(run: RunRecord, gil: number, range: TimeRange): number {
  const held = holdings(run, gil, range);
  let handoffs = 0;
  for (let i = 1; i < held.length; i++) if (held[i][0] !== held[i - 1][0]) handoffs++;
  return handoffs;
}

export interface IntervalHit {
  state: ThreadState;
  startUs: number;
  endUs: number;
  /** The program's source line (0: unknown). */
  line: number;
}

/** The interval of a lane at `us`, or the nearest within `toleranceUs` (a pixel or two). */
export function intervalAt(
  intervals: ArrayLike<number>,
  us: number,
  toleranceUs: number,
  onlyState?: number,
): IntervalHit | null {
  const n = Math.floor(intervals.length / S);
  let best: IntervalHit | null = null;
  let bestDistance = Infinity;
  for (let i = firstVisible(intervals, us - toleranceUs); i < n; i++) {
    const start = intervals[i * S + 1];
    if (start > us + toleranceUs) break;
    const state = intervals[i * S];
    if (onlyState !== undefined && state !== onlyState) continue;
    const end = intervals[i * S + 2];
    const distance = us < start ? start - us : us > end ? us - end : 0;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { state: threadStates[state], startUs: start, endUs: end, line: intervals[i * S + 3] ?? 0 };
      if (distance === 0) break;
    }
  }
  return best;
}

/** The instant nearest to `us` within `toleranceUs`, if any (instants are in time order). */
export function instantAt(
  instants: readonly Instant[],
  us: number,
  toleranceUs: number,
  kinds?: ReadonlySet<string>,
): Instant | null {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (instants[mid].tUs < us - toleranceUs) lo = mid + 1;
    else hi = mid;
  }
  let best: Instant | null = null;
  for (let i = lo; i < instants.length && instants[i].tUs <= us + toleranceUs; i++) {
    const instant = instants[i];
    if (kinds && !kinds.has(instant.kind)) continue;
    if (!best || Math.abs(instant.tUs - us) < Math.abs(best.tUs - us)) best = instant;
  }
  return best;
}

/** An empty or just-started run still gets a millisecond of axis. */
export const minDomainUs = 1_000;

/** The whole time range of the runs, as the window shows them before any zoom. */
export function fullRange(runs: readonly RunRecord[]): TimeRange {
  return { startUs: 0, endUs: Math.max(minDomainUs, ...runs.map(runLengthUs)) };
}

/** How long the run lasted: its summary's wall time, else (live) the latest time its trace reached. */
export function runLengthUs(run: RunRecord): number {
  if (run.summary) return run.summary.wallMs * 1000;
  return traceEndUs(run);
}
