import { describe, expect, it } from 'vitest';
import { scalingSeries, sessionSummaries, speedupOf, threadTotals } from './derive';
import { summary } from './fixtures';

describe('derived numbers', () => {
  const summaries = [
    summary('a', 'sequential', 2, 2000),
    summary('b', 'threading', 2, 2050),
    summary('c', 'multiprocessing', 2, 1000),
    summary('d', 'multiprocessing', 4, 1500),
    summary('e', 'sequential', 4, 4000),
    summary('f', 'threading', 4, 900, 'cancelled'),
  ];

  it('derives the speed-up from the sequential run with the same workers', () => {
    expect(speedupOf(summaries, summaries[2])).toBe(2);
    expect(speedupOf(summaries, summaries[1])).toBeCloseTo(0.976, 3);
    expect(speedupOf(summaries, summaries[3])).toBeCloseTo(2.667, 3);
    expect(speedupOf(summaries, summaries[0])).toBe(1);
  });

  it('has no speed-up for a cancelled run, nor without a sequential baseline unless the engine gave one', () => {
    expect(speedupOf(summaries, summaries[5])).toBeNull();
    const alone = [summary('x', 'threading', 2, 2000)];
    expect(speedupOf(alone, alone[0])).toBeNull();
    const given = [{ ...summary('y', 'threading', 2, 2000), speedup: 1.1 }];
    expect(speedupOf(given, given[0])).toBe(1.1);
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
