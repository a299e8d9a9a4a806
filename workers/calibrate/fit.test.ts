// The fit recovers a cost table from timings it predicts exactly, follows a machine that is
// uniformly slower, and keeps the defaults where nothing was timed.
import { describe, expect, it } from 'vitest';
import { costNames, defaultCosts, type CostName, type CostTable } from '../interpreter/costs';
import { costBenchmarks } from './benchmarks';
import { countOperations, predictNs } from './count';
import { fitCosts } from './fit';

const counts = costBenchmarks.map((b) => countOperations(b.source));
/** The defaults with each kind's cost multiplied by factor(kind, its index). */
const scaled = (factor: (kind: CostName, i: number) => number): CostTable => {
  const table = { ...defaultCosts };
  costNames.forEach((kind, i) => (table[kind] = defaultCosts[kind] * factor(kind, i)));
  return table;
};
const observe = (truth: CostTable) => counts.map((c, i) => ({ counts: c, ns: predictNs(c, truth), weight: costBenchmarks[i].weight }));

describe('fitting the cost table', () => {
  it('counts every kind of operation in at least one calibration program', () => {
    for (const kind of costNames) expect(counts.some((c) => c[kind] > 0), kind).toBe(true);
    // The lesson's loop: one iteration, one math.sqrt call, one builtin's work per pass.
    expect(counts[0]).toMatchObject({ iteration: 3000, builtin: 3000, attribute: 3000 });
  });

  it('predicts every program within 5% when CPython is a table the counts can express', () => {
    const truth = scaled((_, i) => 0.6 + (i % 5) * 0.2);
    const fit = fitCosts(defaultCosts, observe(truth));
    for (const [i, ratio] of fit.ratios.entries()) {
      expect(ratio, costBenchmarks[i].name).toBeGreaterThan(0.95);
      expect(ratio, costBenchmarks[i].name).toBeLessThan(1.05);
    }
  });

  it('doubles every cost on a machine where CPython takes twice as long', () => {
    const slower = scaled(() => 2);
    const fit = fitCosts(defaultCosts, observe(slower));
    const calc = counts[0];
    expect(predictNs(calc, fit.costs) / predictNs(calc, slower)).toBeCloseTo(1, 1);
    // The kinds that dominate CPython's time follow the machine.
    for (const kind of ['iteration', 'builtin', 'frame', 'format'] as const) expect(fit.costs[kind] / defaultCosts[kind]).toBeGreaterThan(1.6);
  });

  it('keeps the defaults with nothing to fit', () => {
    expect(fitCosts(defaultCosts, []).costs).toEqual(defaultCosts);
  });

  it('never makes a cost negative, even from timings no table explains', () => {
    const odd = counts.map((c, i) => ({ counts: c, ns: i % 2 ? 1e3 : 1e6, weight: 1 }));
    const fit = fitCosts(defaultCosts, odd);
    for (const kind of costNames) expect(fit.costs[kind], kind).toBeGreaterThan(0);
  });
});
