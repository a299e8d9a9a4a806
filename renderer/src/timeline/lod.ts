// Level of detail: which rectangles to draw for one lane at the current zoom, a function of
// (intervals, view). The one thing kept between frames is a per-array prefix index of time per
// state (blockSums), extended as live traces grow by appending and rebuilt when an array shrinks,
// so what is drawn never depends on what was drawn before. Intervals at least a pixel wide are drawn
// exactly; narrower ones are folded into one rectangle per pixel column, coloured by the key that
// covers most of that pixel, so a pixel that had any activity is never left empty.
import { INTERVAL_STRIDE as S, STATE_COUNT, type IntervalList } from '../../../common/trace';

/** The visible time range and how many CSS pixels it spans. */
export interface LodView {
  startUs: number;
  endUs: number;
  widthPx: number;
}

/** Intervals of one thread, flattened [state, startUs, endUs, line, ...], sorted by start, not overlapping. */
export interface LodSource {
  intervals: IntervalList | ArrayLike<number>;
  /** Keep only intervals in this state (the GIL lane keeps `running`). */
  onlyState?: number;
  /** Draw every kept interval with this key instead of its state (the GIL lane: the holder). */
  key?: number;
}

/**
 * Rectangles batched by key, as flat [x, width, x, width, ...] in CSS pixels from the view's left.
 * Keys 0..keyCount-1 are states (or holders); key `keyCount` is the neutral "mixed" shade.
 * `columns` are merged pixel columns, drawn first; `exact` are real intervals, drawn on top.
 */
export interface LaneRects {
  keyCount: number;
  columns: number[][];
  exact: number[][];
}

/** A key must cover this share of a pixel's activity to colour it; otherwise it is "mixed". */
export const dominantShare = 0.6;
/** Intervals at least this many pixels wide are drawn exactly. */
export const exactMinPx = 1;
/** Coverage given to a zero-length interval, so that it still marks its pixel. */
const minCoverage = 1e-6;

export function newLaneRects(keyCount: number): LaneRects {
  return {
    keyCount,
    columns: Array.from({ length: keyCount + 1 }, () => []),
    exact: Array.from({ length: keyCount + 1 }, () => []),
  };
}

export function clearLaneRects(rects: LaneRects): void {
  for (const list of rects.columns) list.length = 0;
  for (const list of rects.exact) list.length = 0;
}

export function rectCount(rects: LaneRects): number {
  let n = 0;
  for (const list of rects.columns) n += list.length / 2;
  for (const list of rects.exact) n += list.length / 2;
  return n;
}

/** Per-column coverage, reused across lanes and frames so a frame allocates nothing. */
export class LodScratch {
  coverage = new Float64Array(0);
  ensure(size: number): Float64Array {
    if (this.coverage.length < size) this.coverage = new Float64Array(Math.max(size, this.coverage.length * 2));
    return this.coverage;
  }
}

/** Index of the first interval that ends after `us` (intervals of one thread do not overlap). */
export function firstVisible(intervals: ArrayLike<number>, us: number): number {
  const n = Math.floor(intervals.length / S);
  let lo = 0;
  let hi = n;
  // Binary search on start: the first interval starting at or after `us`…
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (intervals[mid * S + 1] < us) lo = mid + 1;
    else hi = mid;
  }
  // …and the one before it, if it reaches into the view.
  if (lo > 0 && intervals[(lo - 1) * S + 2] > us) lo -= 1;
  return lo;
}

/**
 * The rectangles of one lane. Several sources may share a lane (the GIL lane draws the
 * `running` intervals of every thread of one GIL, keyed by holder).
 */
export function laneRects(
  sources: readonly LodSource[],
  view: LodView,
  out: LaneRects,
  scratch: LodScratch = new LodScratch(),
): LaneRects {
  clearLaneRects(out);
  const span = view.endUs - view.startUs;
  const width = view.widthPx;
  if (!(span > 0) || !(width > 0)) return out;
  const keys = out.keyCount;
  const stride = keys + 1;
  const columns = Math.ceil(width);
  const coverage = scratch.ensure(columns * stride);
  coverage.fill(0, 0, columns * stride);
  const pxPerUs = width / span;
  const { startUs, endUs } = view;
  let minColumn = columns;
  let maxColumn = -1;

  for (const source of sources) {
    const iv = source.intervals;
    const n = Math.floor(iv.length / S);
    const only = source.onlyState;
    const fixedKey = source.key;
    for (let i = firstVisible(iv, startUs); i < n; i++) {
      const at = i * S;
      const start = iv[at + 1];
      if (start >= endUs) break;
      const end = iv[at + 2];
      // Ends before the view (a zero-length interval exactly at its start still shows).
      if (end < startUs || (end === startUs && end > start)) continue;
      const state = iv[at];
      const kept = only === undefined || state === only;
      const key = fixedKey ?? state;
      const x0 = start <= startUs ? 0 : (start - startUs) * pxPerUs;
      const x1 = end >= endUs ? width : (end - startUs) * pxPerUs;
      if (x1 - x0 >= exactMinPx) {
        if (kept && key >= 0 && key < keys) pushExact(out.exact[key], x0, x1);
        continue;
      }
      // Narrower than a pixel: add its coverage to the one or two columns it touches.
      let column = Math.floor(x0);
      if (column >= columns) column = columns - 1;
      if (start > startUs) {
        // Many intervals start in this pixel: sum them from the block index instead of walking them.
        const next = firstStartAtOrAfter(iv, i + 1, n, startUs + (column + 1) / pxPerUs);
        if (next - i > denseRun) {
          // Intervals i .. next-2 lie inside this pixel; next-1 may reach into the next one.
          stateTotals(iv, i, next - 1, totals);
          const base = column * stride;
          let added = false;
          if (only !== undefined) {
            const target = fixedKey ?? only;
            if (totals[only] > 0 && target >= 0 && target < keys) {
              coverage[base + target] += totals[only] * pxPerUs;
              added = true;
            }
          } else {
            for (let s = 0; s < totals.length && s < keys; s++) coverage[base + s] += totals[s] * pxPerUs;
            if (key >= 0 && key < keys) coverage[base + key] += minCoverage;
            added = true;
          }
          if (added) {
            if (column < minColumn) minColumn = column;
            if (column > maxColumn) maxColumn = column;
          }
          i = next - 2; // the loop's i++ goes on with next-1
          continue;
        }
      }
      if (!kept || key < 0 || key >= keys) continue;
      const firstEnd = Math.min(x1, column + 1);
      coverage[column * stride + key] += Math.max(firstEnd - x0, minCoverage);
      if (column < minColumn) minColumn = column;
      let last = column;
      if (x1 > column + 1 && column + 1 < columns) {
        last = column + 1;
        coverage[last * stride + key] += x1 - (column + 1);
      }
      if (last > maxColumn) maxColumn = last;
    }
  }

  // One rectangle per active column, neighbours of the same key joined into one.
  let runKey = -1;
  let runStart = 0;
  let runEnd = 0;
  for (let c = minColumn; c <= maxColumn; c++) {
    const base = c * stride;
    let total = 0;
    let best = 0;
    let bestKey = -1;
    for (let k = 0; k < keys; k++) {
      const v = coverage[base + k];
      total += v;
      if (v > best) {
        best = v;
        bestKey = k;
      }
    }
    if (total <= 0) continue;
    const key = best >= dominantShare * total ? bestKey : keys;
    if (key === runKey && c === runEnd) {
      runEnd = c + 1;
      continue;
    }
    if (runKey >= 0) out.columns[runKey].push(runStart, Math.min(runEnd, width) - runStart);
    runKey = key;
    runStart = c;
    runEnd = c + 1;
  }
  if (runKey >= 0) out.columns[runKey].push(runStart, Math.min(runEnd, width) - runStart);
  return out;
}

/** Runs longer than this within one pixel are summed from the block index. */
const denseRun = 4;
const totals = new Float64Array(STATE_COUNT);
const totalsAt = new Float64Array(STATE_COUNT);

/** First interval index ≥ from whose start is ≥ us: exponential, then binary search. */
export function firstStartAtOrAfter(iv: ArrayLike<number>, from: number, n: number, us: number): number {
  if (from >= n || iv[from * S + 1] >= us) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < n && iv[hi * S + 1] < us) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (iv[mid * S + 1] < us) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Per intervals array, the time spent in each state before every block of `blockSize`
 * intervals: cum[b * STATE_COUNT + state] covers intervals [0, b * blockSize). Traces grow only by
 * appending, so the index is extended where it stopped; a shorter array is indexed anew.
 */
const blockSize = 8;
interface BlockSums {
  cum: Float64Array;
  blocks: number;
}
const blockSums = new WeakMap<object, BlockSums>();

function sumsOf(iv: ArrayLike<number>): BlockSums {
  const n = Math.floor(iv.length / S);
  let sums = blockSums.get(iv as object);
  if (!sums || sums.blocks * blockSize > n) {
    sums = { cum: new Float64Array(STATE_COUNT * 64), blocks: 0 };
    blockSums.set(iv as object, sums);
  }
  const complete = Math.floor(n / blockSize);
  if ((complete + 1) * STATE_COUNT > sums.cum.length) {
    const grown = new Float64Array(Math.max((complete + 1) * STATE_COUNT, sums.cum.length * 2));
    grown.set(sums.cum);
    sums.cum = grown;
  }
  const cum = sums.cum;
  for (let b = sums.blocks; b < complete; b++) {
    const from = b * STATE_COUNT;
    const to = from + STATE_COUNT;
    for (let s = 0; s < STATE_COUNT; s++) cum[to + s] = cum[from + s];
    for (let m = b * blockSize; m < (b + 1) * blockSize; m++) cum[to + iv[m * S]] += iv[m * S + 2] - iv[m * S + 1];
  }
  sums.blocks = complete;
  return sums;
}

/** Time per state of intervals [0, k), into out. */
function prefixTotals(iv: ArrayLike<number>, sums: BlockSums, k: number, out: Float64Array): void {
  const b = Math.min(Math.floor(k / blockSize), sums.blocks);
  for (let s = 0; s < STATE_COUNT; s++) out[s] = sums.cum[b * STATE_COUNT + s];
  for (let m = b * blockSize; m < k; m++) out[iv[m * S]] += iv[m * S + 2] - iv[m * S + 1];
}

/** Time per state of intervals [from, to), into out. */
export function stateTotals(iv: ArrayLike<number>, from: number, to: number, out: Float64Array): void {
  const sums = sumsOf(iv);
  prefixTotals(iv, sums, to, out);
  prefixTotals(iv, sums, from, totalsAt);
  for (let s = 0; s < STATE_COUNT; s++) out[s] -= totalsAt[s];
}

function pushExact(list: number[], x0: number, x1: number): void {
  const n = list.length;
  // Joins an interval that starts where the previous one of the same key ended.
  if (n > 0 && Math.abs(list[n - 2] + list[n - 1] - x0) < 0.01) {
    list[n - 1] = x1 - list[n - 2];
    return;
  }
  list.push(x0, x1 - x0);
}

/** The rectangles of a single thread's lane, keyed by state code. */
export function lodRects(
  intervals: IntervalList | ArrayLike<number>,
  view: LodView,
  keyCount = STATE_COUNT,
): LaneRects {
  return laneRects([{ intervals }], view, newLaneRects(keyCount));
}
