// What every benchmark section hands back: its rows for the summary table and its raw numbers
// for bench-results.json. A missed goal is reported, never thrown.

export interface GoalRow {
  section: string;
  what: string;
  measured: string;
  goal: string;
  /** null: not measured (skipped, or no goal of its own). */
  met: boolean | null;
}

export interface SectionResult {
  rows: GoalRow[];
  /** Everything measured, as plain JSON. */
  data: unknown;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** "[min–max]" of the values, for a median's spread. */
export const spread = (values: number[], unit = ''): string => {
  if (values.length === 0) return '';
  const f = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3));
  return `[${f(Math.min(...values))}–${f(Math.max(...values))}${unit}]`;
};
