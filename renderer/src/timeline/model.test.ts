// The timeline's pure parts: which rows it shows, the numbers of a brushed range, what the
// tooltip finds, and how times read.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../common/run-record';
import { stateCode } from '../../../common/trace';
import { syntheticRun } from '../bench/synthetic';
import { formatAt, formatDuration, tickFormat } from './format';
import { hoverInfo, sourceLine } from './hover';
import { laneAt, layoutRuns, normalMetrics, presenterMetrics } from './layout';
import { handoffsIn, intervalAt, rangeStats, runLengthUs, stateTimes } from './stats';

const { running, waiting, io, blocked } = stateCode;

/** [state, startUs, endUs, …] at the given source line. */
function lane(line: number, ...triples: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < triples.length; i += 3) out.push(triples[i], triples[i + 1], triples[i + 2], line);
  return out;
}

function record(
  threads: { name: string; pid: number; gil: number | null; intervals: number[] }[],
  wallMs?: number,
): RunRecord {
  const pids = [...new Set(threads.map((t) => t.pid))];
  return {
    info: {
      runId: `r${Math.random()}`,
      strategy: 'threading',
      workers: 2,
      switchIntervalMs: 5,
      gil: 'new',
      timeScale: 1,
      program: 'test',
      processes: pids.map((pid) => ({ pid, name: `python ${pid}`, osPid: 100 + pid })),
      threads: threads.map((t, i) => ({ tid: i + 1, pid: t.pid, name: t.name, gil: t.gil })),
      t0EpochMs: 0,
    },
    traces: Object.fromEntries(threads.map((t, i) => [i + 1, { intervals: t.intervals, instants: [] }])),
    summary:
      wallMs === undefined
        ? undefined
        : {
            runId: 'r',
            strategy: 'threading',
            workers: 2,
            status: 'done',
            wallMs,
            speedup: null,
            handoffs: 0,
            forcedSwitches: 0,
            truncated: false,
            spawnMs: 0,
            threads: [],
          },
  };
}

describe('timeline layout', () => {
  it('puts a GIL lane above the threads that share it, and none where there is no GIL', () => {
    const kinds = (r: RunRecord) => layoutRuns([r], normalMetrics).rows.map((row) => row.kind);
    expect(kinds(syntheticRun({ kind: 'threading', workers: 2, intervals: 20 }))).toEqual([
      'run',
      'process',
      'gil',
      'thread',
      'thread',
      'thread',
    ]);
    expect(kinds(syntheticRun({ kind: 'free-threading', workers: 2, intervals: 20 }))).toEqual([
      'run',
      'process',
      'thread',
      'thread',
      'thread',
    ]);
    // One interpreter, one GIL each.
    expect(kinds(syntheticRun({ kind: 'subinterpreters', workers: 2, intervals: 20 }))).toEqual([
      'run',
      'process',
      'gil',
      'thread',
      'gil',
      'thread',
      'gil',
      'thread',
    ]);
    expect(kinds(syntheticRun({ kind: 'multiprocessing', workers: 2, intervals: 20 }))).toEqual([
      'run',
      'process',
      'gil',
      'thread',
      'process',
      'gil',
      'thread',
      'process',
      'gil',
      'thread',
    ]);
  });

  it('stacks runs one under another and finds the lane under the pointer', () => {
    const runs = [
      syntheticRun({ kind: 'threading', intervals: 20 }),
      syntheticRun({ kind: 'multiprocessing', intervals: 20 }),
    ];
    const layout = layoutRuns(runs, normalMetrics);
    expect(layout.runSpans[1].y0).toBeGreaterThan(layout.runSpans[0].y1);
    for (const lane of layout.lanes) expect(laneAt(layout, lane.y + 1)).toBe(lane);
    expect(laneAt(layout, 1)).toBeNull(); // the first run's header
    expect(laneAt(layout, layout.height + 10)).toBeNull();
  });

  it('lays out lanes about 2.5 times as thick in presenter mode, and the whole timeline taller', () => {
    const runs = [syntheticRun({ kind: 'threading', intervals: 20 })];
    const normal = layoutRuns(runs, normalMetrics);
    const presenter = layoutRuns(runs, presenterMetrics);
    const thread = (layout: typeof normal) => layout.lanes.find((lane) => lane.kind === 'thread')!;
    expect(thread(presenter).height / thread(normal).height).toBeGreaterThanOrEqual(2.3);
    expect(presenter.height / normal.height).toBeGreaterThanOrEqual(2);
    // Each lane starts below the one before it ends: thick lanes do not overlap.
    for (let i = 1; i < presenter.lanes.length; i++)
      expect(presenter.lanes[i].y).toBeGreaterThanOrEqual(presenter.lanes[i - 1].y + presenter.lanes[i - 1].height);
  });
});

describe('brushed range statistics', () => {
  // Two threads of one GIL taking turns every 10 µs, from 0 to 40 µs.
  const a = lane(7, running, 0, 10, waiting, 10, 20, running, 20, 30, io, 30, 40);
  const b = lane(0, waiting, 0, 10, running, 10, 20, waiting, 20, 30, running, 30, 40);
  const run = record([
    { name: 'Thread-1', pid: 1, gil: 1, intervals: a },
    { name: 'Thread-2', pid: 1, gil: 1, intervals: b },
  ]);

  it('counts only the time inside the range', () => {
    expect(stateTimes(a, { startUs: 5, endUs: 25 })).toEqual({
      starting: 0,
      running: 10,
      waiting: 10,
      io: 0,
      blocked: 0,
    });
    expect(stateTimes(a, { startUs: 100, endUs: 200 })).toEqual({
      starting: 0,
      running: 0,
      waiting: 0,
      io: 0,
      blocked: 0,
    });
    expect(stateTimes(lane(0, blocked, 0, 30, running, 30, 40), { startUs: 20, endUs: 35 })).toMatchObject({
      blocked: 10,
      running: 5,
    });
  });

  it('counts GIL hand-offs between different threads within the range', () => {
    expect(handoffsIn(run, 1, { startUs: 0, endUs: 40 })).toBe(3);
    expect(handoffsIn(run, 1, { startUs: 12, endUs: 28 })).toBe(1);
    const [stats] = rangeStats([run], { startUs: 0, endUs: 40 });
    expect(stats.gils).toEqual([{ gil: 1, handoffs: 3 }]);
    expect(stats.threads.map((t) => t.us.running)).toEqual([20, 20]);
  });

  it('finds the interval under the pointer, or the nearest within a pixel', () => {
    expect(intervalAt(a, 15, 0)).toEqual({ state: 'waiting', startUs: 10, endUs: 20, line: 7 });
    const sparse = lane(0, running, 0, 10, io, 50, 60);
    expect(intervalAt(sparse, 30, 1)).toBeNull();
    expect(intervalAt(sparse, 48, 3)).toEqual({ state: 'io', startUs: 50, endUs: 60, line: 0 });
  });

  it('names the program’s own line and what it says in the tooltip, through the run’s line map', () => {
    // A multiprocessing variant: line 5 added (an import), so the variant's line 9 is the program's line 8.
    const source = ['import math', '', '', '', 'import multiprocessing', '', '', '', '        math.sqrt(i)'].join('\n');
    const mp = record([{ name: 'MainThread', pid: 1, gil: 1, intervals: lane(9, running, 0, 100) }]);
    mp.info = { ...mp.info, strategy: 'multiprocessing', source, lineMap: [1, 2, 3, 4, 0, 5, 6, 7, 8] };
    const threadLane = layoutRuns([mp], normalMetrics).lanes.find((l) => l.kind === 'thread')!;
    expect(hoverInfo(threadLane, 50, 1)?.lines).toContainEqual(['line', '8: math.sqrt(i)']);
    expect(sourceLine(mp, 5)).toEqual([['line', 'added by multiprocessing: import multiprocessing']]);
    expect(sourceLine(mp, 0)).toEqual([]);
    // A run that did not record its source still names the line.
    expect(sourceLine(run, 7)).toEqual([['line', '7']]);
  });

  it('takes a finished run’s length from its summary and a live one’s from its trace', () => {
    expect(runLengthUs(run)).toBe(40);
    expect(runLengthUs({ ...run, summary: { ...record([], 2).summary! } })).toBe(2000);
  });
});

describe('time formatting', () => {
  it('reads durations in the unit that fits', () => {
    expect(formatDuration(850)).toBe('850 µs');
    expect(formatDuration(12_400)).toBe('12.4 ms');
    expect(formatDuration(4_120_000)).toBe('4.12 s');
  });

  it('labels axis ticks in one unit with the decimals the step needs', () => {
    expect([0, 200_000, 400_000].map(tickFormat(200_000, 400_000))).toEqual(['0', '200 ms', '400 ms']);
    expect([0, 500_000, 1_000_000].map(tickFormat(500_000, 2_600_000))).toEqual(['0', '0.5 s', '1.0 s']);
    expect([1_000, 1_500].map(tickFormat(500, 1_500))).toEqual(['1.0 ms', '1.5 ms']);
    expect([10, 12].map(tickFormat(2, 12))).toEqual(['10 µs', '12 µs']);
    // Zoomed in late in a long run: seconds while three decimals are enough, then milliseconds.
    expect([9_860_000, 9_880_000].map(tickFormat(20_000, 10_000_000))).toEqual(['9.86 s', '9.88 s']);
    expect([9_998_300, 9_998_320].map(tickFormat(20, 10_000_000))).toEqual(['9998.30 ms', '9998.32 ms']);
  });

  it('shows the hover time to the precision of one pixel', () => {
    expect(formatAt(1_234_567, 1000)).toBe('1.235 s');
    expect(formatAt(1_234_567, 1)).toBe('1.234567 s');
    expect(formatAt(523, 0.1)).toBe('523.0 µs');
  });
});
