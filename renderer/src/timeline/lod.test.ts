import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERVAL_STRIDE as S, STATE_COUNT, stateCode } from '../../../common/trace';
import { firstVisible, laneRects, lodRects, newLaneRects, rectCount, type LaneRects } from './lod';

const { running, waiting, io, blocked } = stateCode;
/** The key of a pixel too mixed to show one state. */
const mixed = STATE_COUNT;

/** [state, startUs, endUs, …] written out as the trace holds them: each at source line 0. */
function lane(...triples: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < triples.length; i += 3) out.push(triples[i], triples[i + 1], triples[i + 2], 0);
  return out;
}

/** Every rectangle as {key, x, w, kind}, for readable assertions. */
function rects(out: LaneRects): { key: number; x: number; w: number; kind: 'column' | 'exact' }[] {
  const all: { key: number; x: number; w: number; kind: 'column' | 'exact' }[] = [];
  for (const kind of ['columns', 'exact'] as const)
    out[kind].forEach((list, key) => {
      for (let i = 0; i < list.length; i += 2)
        all.push({ key, x: list[i], w: list[i + 1], kind: kind === 'columns' ? 'column' : 'exact' });
    });
  return all.sort((a, b) => (a.kind === b.kind ? a.x - b.x : a.kind === 'column' ? -1 : 1));
}

/** Intervals back to back from t=0 with the given durations and states. */
/** Back-to-back intervals with durations in tenths of a µs, each time rounded as the recorder rounds it. */
function recorded(parts: [state: number, tenthsUs: number][]): number[] {
  const out: number[] = [];
  let tenths = 0;
  for (const [state, d] of parts) {
    out.push(state, tenths / 10, (tenths + d) / 10, 0);
    tenths += d;
  }
  return out;
}

function backToBack(parts: [state: number, durationUs: number][]): number[] {
  const out: number[] = [];
  let t = 0;
  for (const [state, d] of parts) {
    out.push(state, t, t + d, 0);
    t += d;
  }
  return out;
}

describe('level of detail', () => {
  it('keeps a lone 1 µs interval visible in a 10 s view', () => {
    const intervals = lane(running, 5_000_000, 5_000_001);
    const out = rects(lodRects(intervals, { startUs: 0, endUs: 10_000_000, widthPx: 1000 }));
    expect(out).toEqual([{ key: running, x: 500, w: 1, kind: 'column' }]);
  });

  it('keeps a zero-length interval visible', () => {
    const out = rects(lodRects(lane(io, 2_000, 2_000), { startUs: 0, endUs: 10_000, widthPx: 100 }));
    expect(out).toEqual([{ key: io, x: 20, w: 1, kind: 'column' }]);
  });

  it('drops intervals outside the view and clips those crossing its edges', () => {
    const intervals = lane(running, 0, 100, waiting, 100, 250, running, 250, 400, io, 400, 1000);
    const out = rects(lodRects(intervals, { startUs: 200, endUs: 300, widthPx: 100 }));
    expect(out).toEqual([
      { key: waiting, x: 0, w: 50, kind: 'exact' },
      { key: running, x: 50, w: 50, kind: 'exact' },
    ]);
    expect(rects(lodRects(intervals, { startUs: 1000, endUs: 2000, widthPx: 100 }))).toEqual([]);
    expect(rects(lodRects(lane(running, 5000, 6000), { startUs: 0, endUs: 1000, widthPx: 100 }))).toEqual([]);
  });

  it('draws exact rectangles when zoomed in', () => {
    const intervals = lane(running, 10, 20, waiting, 20, 25, io, 30, 60, blocked, 60, 80);
    const out = rects(lodRects(intervals, { startUs: 0, endUs: 100, widthPx: 1000 }));
    expect(out).toEqual([
      { key: running, x: 100, w: 100, kind: 'exact' },
      { key: waiting, x: 200, w: 50, kind: 'exact' },
      { key: io, x: 300, w: 300, kind: 'exact' },
      { key: blocked, x: 600, w: 200, kind: 'exact' },
    ]);
  });

  it('colours a packed pixel by the state that covers most of it, or as mixed', () => {
    // Pixel 0: 0.8 running, 0.2 waiting. Pixel 1: half and half.
    const intervals = backToBack([
      [running, 8],
      [waiting, 2],
      [running, 5],
      [waiting, 5],
    ]);
    const out = rects(lodRects(intervals, { startUs: 0, endUs: 20, widthPx: 2 }));
    expect(out).toEqual([
      { key: running, x: 0, w: 1, kind: 'column' },
      { key: mixed, x: 1, w: 1, kind: 'column' },
    ]);
  });

  it('joins neighbouring pixels of the same state into one rectangle', () => {
    const parts: [number, number][] = [];
    for (let i = 0; i < 1000; i++) parts.push([running, 9], [waiting, 1]);
    const out = rects(lodRects(backToBack(parts), { startUs: 0, endUs: 10_000, widthPx: 100 }));
    expect(out).toEqual([{ key: running, x: 0, w: 100, kind: 'column' }]);
  });

  it('draws a GIL lane from the running intervals of several threads, keyed by holder', () => {
    const first = lane(running, 0, 50, waiting, 50, 100);
    const second = lane(waiting, 0, 50, running, 50, 100);
    const out = laneRects(
      [
        { intervals: first, onlyState: running, key: 0 },
        { intervals: second, onlyState: running, key: 1 },
      ],
      { startUs: 0, endUs: 100, widthPx: 100 },
      newLaneRects(2),
    );
    expect(rects(out)).toEqual([
      { key: 0, x: 0, w: 50, kind: 'exact' },
      { key: 1, x: 50, w: 50, kind: 'exact' },
    ]);
  });

  it('draws what was appended since the last frame (live runs)', () => {
    const intervals = lane(running, 0, 10);
    const view = { startUs: 0, endUs: 100, widthPx: 100 };
    expect(rectCount(lodRects(intervals, view))).toBe(1);
    intervals.push(io, 50, 60, 0);
    expect(rects(lodRects(intervals, view))).toContainEqual({ key: io, x: 50, w: 10, kind: 'exact' });
  });

  const laneArb = fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: STATE_COUNT - 1 }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
      ),
      {
        maxLength: 400,
      },
    )
    .map((parts) => {
      // Non-overlapping, sorted by start: a gap, then the interval.
      const out: number[] = [];
      let t = 0;
      for (const [state, gap, d] of parts) {
        t += gap;
        out.push(state, t, t + d, 0);
        t += d;
      }
      return out;
    });
  const viewArb = fc.record({
    startUs: fc.double({ min: -1000, max: 500_000, noNaN: true }),
    spanUs: fc.double({ min: 1, max: 2_000_000, noNaN: true }),
    widthPx: fc.integer({ min: 1, max: 2000 }),
  });

  it('never has more rectangles than pixel columns × states', () => {
    fc.assert(
      fc.property(laneArb, viewArb, (intervals, v) => {
        const view = { startUs: v.startUs, endUs: v.startUs + v.spanUs, widthPx: v.widthPx };
        expect(rectCount(lodRects(intervals, view))).toBeLessThanOrEqual(Math.ceil(v.widthPx) * STATE_COUNT);
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves empty a pixel where an interval was', () => {
    fc.assert(
      fc.property(laneArb, viewArb, (intervals, v) => {
        const view = { startUs: v.startUs, endUs: v.startUs + v.spanUs, widthPx: v.widthPx };
        const drawn = rects(lodRects(intervals, view));
        const pxPerUs = view.widthPx / v.spanUs;
        for (let i = 0; i < intervals.length; i += S) {
          const [start, end] = [intervals[i + 1], intervals[i + 2]];
          const visible = start < view.endUs && (end > view.startUs || (end === start && start === view.startUs));
          if (!visible) continue;
          const x0 = Math.max(0, (start - view.startUs) * pxPerUs);
          const column = Math.min(Math.floor(x0), view.widthPx - 1);
          const covered = drawn.some((r) => r.x < column + 1 && r.x + r.w > column);
          expect(covered, `interval ${start}..${end} at pixel ${column}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  /** Each pixel's key from a plain walk over every interval: what the block index must agree with. */
  function referenceColumns(
    intervals: number[],
    view: { startUs: number; endUs: number; widthPx: number },
    only?: number,
  ): number[] {
    const columns = Math.ceil(view.widthPx);
    const cover = Array.from({ length: columns }, () => new Array<number>(STATE_COUNT).fill(0));
    const pxPerUs = view.widthPx / (view.endUs - view.startUs);
    for (let i = 0; i < intervals.length; i += S) {
      const [state, start, end] = [intervals[i], intervals[i + 1], intervals[i + 2]];
      if (only !== undefined && state !== only) continue;
      if (start >= view.endUs || end <= view.startUs) continue;
      const x0 = Math.max(0, (start - view.startUs) * pxPerUs);
      const x1 = Math.min(view.widthPx, (end - view.startUs) * pxPerUs);
      if (x1 - x0 >= 1) continue;
      for (let c = Math.floor(x0); c < columns && c < x1; c++) cover[c][state] += Math.min(x1, c + 1) - Math.max(x0, c);
    }
    return cover.map((k) => {
      const total = k.reduce((a, b) => a + b, 0);
      if (total <= 0) return -1;
      const best = k.indexOf(Math.max(...k));
      return k[best] >= 0.6 * total ? best : mixed;
    });
  }

  function drawnColumns(out: LaneRects, widthPx: number): number[] {
    const keys = Array.from({ length: Math.ceil(widthPx) }, () => -1);
    out.columns.forEach((list, key) => {
      for (let i = 0; i < list.length; i += 2) for (let c = list[i]; c < list[i] + list[i + 1]; c++) keys[c] = key;
    });
    return keys;
  }

  it('colours packed pixels the same whether it walks the intervals or sums them from its index', () => {
    const dense = fc
      // Durations as the engine's recorder writes times: in steps of 0.1 µs (workers/recorder.ts).
      .array(fc.tuple(fc.integer({ min: 0, max: STATE_COUNT - 1 }), fc.integer({ min: 1, max: 400 })), {
        minLength: 50,
        maxLength: 3000,
      })
      .map((parts) => recorded(parts));
    fc.assert(
      fc.property(dense, fc.integer({ min: 5, max: 200 }), fc.boolean(), (intervals, widthPx, gilLane) => {
        const endUs = intervals[intervals.length - S + 2];
        const view = { startUs: endUs * 0.1, endUs: endUs * 0.9, widthPx };
        const only = gilLane ? running : undefined;
        const out = laneRects([{ intervals, onlyState: only }], view, newLaneRects(STATE_COUNT));
        const drawn = drawnColumns(out, widthPx);
        const expected = referenceColumns(intervals, view, only);
        // Columns the reference leaves empty may hold a zero-length interval; every other one must agree.
        expected.forEach((key, c) => {
          if (key !== -1) expect(drawn[c], `pixel ${c}`).toBe(key);
        });
      }),
      { numRuns: Number(process.env.LOD_RUNS ?? 200) },
    );
  });

  it('extends its index as a live trace grows past block boundaries', () => {
    const intervals: number[] = [];
    const view = { startUs: 0, endUs: 1000, widthPx: 10 };
    let t = 0;
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 37; i++) {
        intervals.push(round % 2 === 0 ? running : blocked, t, t + 1, 0);
        t += 1;
      }
      const drawn = drawnColumns(laneRects([{ intervals }], view, newLaneRects(STATE_COUNT)), 10);
      expect(drawn).toEqual(referenceColumns(intervals, view));
    }
  });

  it('finds the first visible interval by binary search like a linear scan would', () => {
    fc.assert(
      fc.property(laneArb, fc.double({ min: -10, max: 600_000, noNaN: true }), (intervals, us) => {
        let linear = 0;
        while (linear * S < intervals.length && intervals[linear * S + 2] <= us) linear++;
        expect(firstVisible(intervals, us)).toBe(linear);
      }),
      { numRuns: 500 },
    );
  });
});
