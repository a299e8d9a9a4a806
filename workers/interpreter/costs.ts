// What CPython spends on each kind of operation, in nanoseconds of one core. The interpreter
// charges these as it executes, and the thread burns the difference between what it charged
// and the CPU it really used, so a CPU-bound cell takes about as long as in CPython.
// Defaults are CPython 3.11 on the project's 2-core Linux machine; `calibrate-costs.ts`
// measures the machine's own python3 and replaces them.

export interface CostTable {
  /** A statement: dispatch and the line event. */
  statement: number;
  /** One iteration of a for loop (FOR_ITER and storing the target). */
  iteration: number;
  /** Reading or writing a local variable. */
  local: number;
  /** Reading a global or builtin name. */
  global: number;
  constant: number;
  /** A binary operator on ints or floats. */
  arithmetic: number;
  compare: number;
  attribute: number;
  subscript: number;
  /** Calling anything (CALL): a builtin's own work is charged by the builtin. */
  call: number;
  /** Extra for calling a function written in Python (a new frame). */
  frame: number;
  /** Each element of a list, tuple, dict or set display. */
  element: number;
  /** Each replacement field of an f-string or format(). */
  format: number;
  /** A builtin's own work: a simple one (math.sqrt, len, list.append). */
  builtin: number;
  /** A builtin's work per item it touches (sorted, sum, join, list copies). */
  perItem: number;
}

export const defaultCosts: CostTable = {
  statement: 1,
  iteration: 9,
  local: 0.5,
  global: 1.5,
  constant: 0.3,
  arithmetic: 8,
  compare: 2,
  attribute: 2,
  subscript: 2.5,
  call: 6,
  frame: 5,
  element: 3,
  format: 35,
  builtin: 12,
  perItem: 4,
};

export type CostName = keyof CostTable;
export const costNames = Object.keys(defaultCosts) as CostName[];
