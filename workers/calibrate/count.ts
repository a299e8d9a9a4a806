// How many of each kind of operation a program charges: what it charges is linear in the cost
// table, so running it once with each kind costing 1 and the rest 0 counts that kind.
import { costNames, defaultCosts, type CostName, type CostTable } from '../interpreter/costs';
import { runStandalone } from '../interpreter/standalone';

export type OperationCounts = Record<CostName, number>;

function unitTable(kind: CostName): CostTable {
  const table = { ...defaultCosts };
  for (const name of costNames) table[name] = name === kind ? 1 : 0;
  return table;
}

export function countOperations(source: string): OperationCounts {
  const counts = {} as OperationCounts;
  for (const kind of costNames) {
    const run = runStandalone(source, { costs: unitTable(kind) });
    if (run.failure) throw new Error(`the calibration program failed: ${run.stderr}`);
    counts[kind] = run.interp.cost;
  }
  return counts;
}

/** What a program costs under a table, in ns. */
export function predictNs(counts: OperationCounts, costs: CostTable): number {
  let total = 0;
  for (const kind of costNames) total += counts[kind] * costs[kind];
  return total;
}
