// Lines of Python in a run's trace: every interval knows the line of the run's executed source
// (RunInfo.source, the strategy's variant) it ran, and RunInfo.lineMap turns that into the line of
// the program the user wrote. Pure functions of a run record.
import { lanesOf, type RunRecord } from '../../common/run-record';
import { INTERVAL_STRIDE as S, threadStates, type ThreadState } from '../../common/trace';

export interface ThreadLine {
  tid: number;
  /** The program's own line, 1-based; 0 when the strategy's variant added the line (an import). */
  line: number;
  /** The line of the run's executed source. */
  sourceLine: number;
  state: ThreadState;
}

/** The program's line for a line of the run's executed source (the same line when the run has no map). */
export function programLine(run: RunRecord, sourceLine: number): number {
  if (sourceLine <= 0) return 0;
  const map = run.info.lineMap;
  return map ? (map[sourceLine - 1] ?? 0) : sourceLine;
}

/** The text of a line of the run's executed source, or null when the run did not say what it ran. */
export function sourceLineText(run: RunRecord, sourceLine: number): string | null {
  const source = run.info.source;
  if (source === undefined || sourceLine <= 0) return null;
  return source.split('\n')[sourceLine - 1] ?? null;
}

/** Index of the interval of a lane that holds `us` (start ≤ us < end), by binary search; -1 if none. */
export function intervalIndexAt(intervals: ArrayLike<number>, us: number): number {
  let lo = 0;
  let hi = Math.floor(intervals.length / S);
  // The last interval starting at or before `us`…
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (intervals[mid * S + 1] <= us) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  // …if it has not ended by then (a gap: the thread had not started, or had finished).
  return i >= 0 && us < intervals[i * S + 2] ? i : -1;
}

/**
 * The line each thread of a run was on at `tUs` (µs since the run started), in lane order: the
 * interval holding that instant, whatever its state (a thread waiting for the GIL waits at a line).
 * Threads with no interval there, or an interval of no known line, are left out.
 */
export function linesAt(record: RunRecord, tUs: number): ThreadLine[] {
  const out: ThreadLine[] = [];
  for (const thread of lanesOf(record)) {
    const intervals = record.traces[thread.tid]?.intervals;
    if (!intervals) continue;
    const i = intervalIndexAt(intervals, tUs);
    if (i < 0) continue;
    const sourceLine = intervals[i * S + 3];
    if (!(sourceLine > 0)) continue;
    out.push({
      tid: thread.tid,
      line: programLine(record, sourceLine),
      sourceLine,
      state: threadStates[intervals[i * S]],
    });
  }
  return out;
}
