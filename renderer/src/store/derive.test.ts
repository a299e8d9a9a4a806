import { describe, expect, it } from 'vitest';
import { scalingSeries, sessionSummaries, threadTotals } from './derive';
import { summary } from './fixtures';

describe('derived numbers', () => {
  const summaries = [
    summary('a', 'sequential', 2, 2000, 'done', 1),
    summary('b', 'threading', 2, 2050, 'done', 2000 / 2050),
    summary('c', 'multiprocessing', 2, 1000, 'done', 2),
    summary('d', 'multiprocessing', 4, 1500, 'done', 4000 / 1500),
    summary('e', 'sequential', 4, 4000, 'done', 1),
    summary('f', 'threading', 4, 900, 'cancelled'),
  ];

  it("plots the engine's speed-up as it is, and none where the engine had no baseline", () => {
    // A speed-up the window would compute differently (another baseline) still shows as the engine said.
    const given = [summary('y', 'threading', 2, 2000, 'done', 1.1), summary('z', 'sequential', 2, 1000, 'done', 1)];
    expect(scalingSeries(given).get('threading')).toEqual([{ workers: 2, wallMs: 2000, speedup: 1.1 }]);
    expect(scalingSeries([summary('x', 'threading', 2, 2000)]).get('threading')?.[0].speedup).toBeNull();
  });

  it('keeps runs measured in CPython out of the simulated lines, in lines of their own', () => {
    const measured = { ...summary('m', 'threading', 2, 1900, 'done', 1.05), measured: true as const };
    expect(scalingSeries([...summaries, measured]).get('threading')).toEqual(scalingSeries(summaries).get('threading'));
    expect(scalingSeries([...summaries, measured], { measured: true }).get('threading')).toEqual([
      { workers: 2, wallMs: 1900, speedup: 1.05 },
    ]);
  });

  it('lines up finished runs per strategy by worker count for the scaling chart', () => {
    const series = scalingSeries(summaries);
    expect(series.get('multiprocessing')).toEqual([
      { workers: 2, wallMs: 1000, speedup: 2 },
      { workers: 4, wallMs: 1500, speedup: 4000 / 1500 },
    ]);
    expect(series.get('threading')?.map((p) => p.workers)).toEqual([2]);
  });

  it('totals the threads of a run', () => {
    expect(threadTotals(summaries[1])).toEqual({
      threads: 2,
      processes: 1,
      runningMs: 2000,
      waitMs: 2000,
      ioMs: 0,
      blockedMs: 0,
    });
    expect(threadTotals(summaries[2]).processes).toBe(2);
    // A thread that never reported makes the run's total unknown, not smaller.
    const cancelled = {
      ...summaries[1],
      threads: [...summaries[1].threads, { ...summaries[1].threads[0], waitMs: null }],
    };
    expect(threadTotals(cancelled)).toMatchObject({ runningMs: 3000, waitMs: null });
  });

  it('has no summaries without a session', () => {
    expect(sessionSummaries(null)).toEqual([]);
  });
});
