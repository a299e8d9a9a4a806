// Fits the cost table to CPython's timings of the calibration programs. What a program charges
// is linear in the table (counts · costs), so the fit is a linear least-squares problem: minimise
// each program's relative error (weighted), plus a small pull of every cost towards its default so
// a kind that no program isolates stays near it rather than swinging to fit noise. Solved in closed
// form (normal equations, 15 unknowns); a cost driven below a tenth of its default is held there
// and the rest solved again.
import { costNames, type CostName, type CostTable } from '../interpreter/costs';
import { predictNs, type OperationCounts } from './count';

export interface Observation {
  counts: OperationCounts;
  /** CPython's time for the program, ns. */
  ns: number;
  weight: number;
}

export interface Fit {
  costs: CostTable;
  /** Per observation, predicted / measured after the fit. */
  ratios: number[];
}

/** How strongly each cost is pulled towards its default, against one program's relative error. */
const pull = 0.01;
const floor = 0.1;

/** Solves the square system m·x = b by Gaussian elimination with partial pivoting. */
function solve(m: number[][], b: number[]): number[] {
  const n = b.length;
  const a = m.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let c = r + 1; c < n; c++) s -= a[r][c] * x[c];
    x[r] = s / a[r][r];
  }
  return x;
}

export function fitCosts(defaults: CostTable, observations: readonly Observation[]): Fit {
  const held = new Map<CostName, number>();
  let costs = { ...defaults };
  for (let round = 0; round <= costNames.length; round++) {
    const free = costNames.filter((k) => !held.has(k));
    // Unknowns are factors f_k = cost_k / default_k, so the pull is the same for every kind.
    const ata = free.map(() => new Array<number>(free.length).fill(0));
    const atb = new Array<number>(free.length).fill(0);
    for (const o of observations) {
      const fixed = [...held].reduce((s, [k, v]) => s + o.counts[k] * v, 0);
      const row = free.map((k) => (o.counts[k] * defaults[k]) / o.ns);
      const target = 1 - fixed / o.ns;
      for (let i = 0; i < free.length; i++) {
        atb[i] += o.weight * row[i] * target;
        for (let j = 0; j < free.length; j++) ata[i][j] += o.weight * row[i] * row[j];
      }
    }
    for (let i = 0; i < free.length; i++) {
      ata[i][i] += pull;
      atb[i] += pull;
    }
    const factors = solve(ata, atb);
    costs = { ...defaults };
    for (const [k, v] of held) costs[k] = v;
    free.forEach((k, i) => (costs[k] = defaults[k] * factors[i]));
    const low = free.filter((k) => costs[k] < floor * defaults[k]);
    if (low.length === 0) break;
    for (const k of low) held.set(k, floor * defaults[k]);
  }
  return { costs, ratios: observations.map((o) => predictNs(o.counts, costs) / o.ns) };
}
