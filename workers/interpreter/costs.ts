// What CPython spends on each kind of operation, in nanoseconds of one core. The interpreter
// charges these as it executes, and the thread burns the difference between what it charged
// and the CPU it really used, so a CPU-bound cell takes about as long as in CPython.
// Defaults are CPython 3.11.7 on the project's 2-core Linux machine, fitted by workers/calibrate/;
// where a machine has python3, the engine fits them to it once and caches the table.

export interface CostTable {
  /** A statement: dispatch and the line event. */
  statement: number;
  /** One iteration of a for loop (FOR_ITER and storing the target). */
  iteration: number;
  /** Reading or writing a local variable. */
  local: number;
  /** Reading a global or builtin name inside a function (LOAD_GLOBAL, cached by CPython). */
  global: number;
  /** Reading or writing a name at module level or in a class body (LOAD_NAME / STORE_NAME: dict lookups). */
  name: number;
  constant: number;
  /** A binary operator on ints or floats. */
  arithmetic: number;
  compare: number;
  attribute: number;
  subscript: number;
  /** Extra for a subscript of a dict: hashing the key and probing the table. */
  hash: number;
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
  statement: 1.75,
  iteration: 7.2,
  local: 0.4,
  global: 0.15,
  name: 8.3,
  constant: 0.4,
  arithmetic: 8,
  compare: 0.85,
  attribute: 4.3,
  subscript: 0.25,
  hash: 15,
  call: 0.6,
  frame: 13.2,
  element: 8.8,
  format: 50,
  builtin: 16.5,
  perItem: 1.5,
};

export type CostName = keyof CostTable;
export const costNames = Object.keys(defaultCosts) as CostName[];
