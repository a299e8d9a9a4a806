// Frames and code objects: what a call creates, how arguments bind to parameters, and the
// thread state compiled code reads (its cost counter, the eval breaker, the current frame).
import type { CostTable } from './costs';
import { pyError, PyExc, setContext, tracebacks } from './errors';
import { PyCell, PyDict, PyFunction, PyTuple, type Code, type Kwargs, type PyValue } from './objects';

/** A statement's outcome: fall through, break, continue or return (the value is in frame.ret). */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Signal = 0 | 1 | 2 | 3;

export type StmtFn = (f: Frame) => Signal;
export type ExprFn = (f: Frame) => PyValue;
export type GenStmtFn = (f: Frame) => Generator<PyValue, Signal, PyValue>;

/** The thread state compiled code talks to: one per Python thread. */
export interface ThreadState {
  frame: Frame | null;
  /** Nanoseconds of CPython time charged so far. */
  cost: number;
  /** breaker() is due once cost reaches this. */
  checkAt: number;
  depth: number;
  /** What depth raises RecursionError: sys.setrecursionlimit's, capped at what the JavaScript stack holds. */
  depthLimit: number;
  readonly costs: CostTable;
  /** The eval breaker: pays for computed time, gives up the GIL when asked, flushes the trace. */
  breaker(): void;
  /** How many iterations of a `for` over a range of n items run (time scale < 1 shortens long loops). */
  loopLength(n: number): number;
  /** Exceptions being handled, innermost last (for a bare `raise`). */
  readonly handling: PyExc[];
}

export const RECURSION_LIMIT = 1000;
/**
 * The deepest Python recursion a thread may reach whatever sys.setrecursionlimit says, so that the
 * JavaScript stack of a Python thread's worker (16 MB, ../python-process.ts) does not overflow first:
 * measured there, plain recursion overflows near depth 25,000, a method recursing through a list
 * comprehension or a decorator's wrapper near 20,000. Beyond the cap, RecursionError as CPython's.
 */
export const MAX_DEPTH = 10_000;
/** Finished frames kept per code object (deeper recursion allocates the rest). */
const SPARE_FRAMES = 16;

export class Frame {
  // Assigned in the constructor rather than as class fields: a call makes a frame, and V8 makes
  // plain assignments faster than field definitions.
  declare line: number;
  declare back: Frame | null;
  declare ret: PyValue;
  declare readonly locals: (PyValue | undefined)[];
  /** The namespace of a class body being executed. */
  declare ns: PyDict | null;
  declare readonly code: CodeObject;
  /** Set again when a finished frame is reused for another call of its code (CodeObject.frameFor). */
  declare globals: PyDict;
  declare cells: PyCell[];

  constructor(code: CodeObject, globals: PyDict, cells: PyCell[]) {
    this.code = code;
    this.globals = globals;
    this.cells = cells;
    this.line = 0;
    this.back = null;
    this.ret = null;
    this.locals = new Array<PyValue | undefined>(code.nslots);
    this.ns = null;
  }
}

export interface Signature {
  /** Positional parameters (positional-only ones first). */
  positional: string[];
  posonlyCount: number;
  vararg: string | null;
  kwonly: string[];
  kwarg: string | null;
}

/** Compiled code of a def, lambda, class body or module. */
export class CodeObject implements Code {
  kind: Code['kind'] = 'function';
  doc: string | null = null;
  /** Set by the compiler once the body is compiled. */
  body: StmtFn = () => NORMAL;
  /** Generator and coroutine bodies. */
  genBody: GenStmtFn | null = null;
  /** How a call's bound arguments reach fast slots or cells: per parameter, its slot (>= 0) or ~cellIndex. */
  paramTargets: number[] = [];
  nslots = 0;
  /** Cell names: this scope's cellvars, then its freevars. */
  cellNames: string[] = [];
  /** co_varnames: parameters, then the other locals that are not cells (NameError suggestions). */
  varnames: string[] = [];
  /** The name of each fast slot (locals()). */
  slotNames: string[] = [];
  cellvarCount = 0;
  /** Make a generator/coroutine object for a frame ready to run (installed by compile-gen). */
  makeGenerator: ((code: CodeObject, frame: Frame, fn: PyFunction) => PyValue) | null = null;
  /** Positional parameters only, in slots 0 … n-1 (none is a cell): a call with n arguments just stores them. */
  simple = false;
  /** How many positional parameters. */
  argcount = 0;
  /**
   * Set by the compiler for a plain function without cells whose frame nothing reads after the
   * call (no generator expression in it): a finished frame is kept for the next call, which then
   * allocates nothing.
   */
  poolable = false;
  /** The frame the last call finished with: a call that is not recursive takes it, without the array. */
  private free: Frame | null = null;
  private readonly spare: Frame[] = [];
  private readonly frameCost: number;

  constructor(
    readonly name: string,
    readonly qualname: string,
    readonly file: string,
    readonly firstLine: number,
    readonly id: number,
    readonly signature: Signature,
    private readonly ts: ThreadState,
  ) {
    this.frameCost = ts.costs.frame;
  }

  get paramCount(): number {
    const s = this.signature;
    return s.positional.length + (s.vararg ? 1 : 0) + s.kwonly.length + (s.kwarg ? 1 : 0);
  }

  /** A new frame for a call of `fn` (its cells made, its arguments still to be stored). */
  frameFor(fn: PyFunction): Frame {
    if (this.poolable) {
      let f = this.free;
      if (f !== null) this.free = null;
      else f = this.spare.pop() ?? null;
      if (f === null) return new Frame(this, fn.globals, fn.closure ?? noCells);
      f.globals = fn.globals;
      f.cells = fn.closure ?? noCells;
      return f;
    }
    return new Frame(this, fn.globals, this.cellvarCount === 0 && fn.closure === null ? noCells : this.newCells(fn));
  }

  private recycle(f: Frame): void {
    if (this.free !== null && this.spare.length >= SPARE_FRAMES) return;
    // A loop, not locals.fill(undefined): fill is a call into the runtime, slower than the whole call for a few slots.
    const locals = f.locals;
    for (let i = 0; i < locals.length; i++) locals[i] = undefined;
    f.ret = null;
    f.back = null;
    if (this.free === null) this.free = f;
    else this.spare.push(f);
  }

  invoke(fn: PyFunction, args: PyValue[], kwargs: Kwargs): PyValue {
    const f = this.frameFor(fn);
    if (kwargs === null && this.simple && args.length === this.argcount) {
      const locals = f.locals;
      for (let i = 0; i < args.length; i++) locals[i] = args[i];
    } else this.bind(f, fn, args, kwargs);
    if (this.kind !== 'function') return this.makeGenerator!(this, f, fn);
    return this.run(f);
  }

  /** Runs a frame to completion (a call, a module body, a class body). */
  run(f: Frame): PyValue {
    const ts = this.ts;
    if (++ts.depth > ts.depthLimit) {
      ts.depth--;
      throw pyError('RecursionError', 'maximum recursion depth exceeded');
    }
    f.back = ts.frame;
    ts.frame = f;
    f.line = this.firstLine;
    ts.cost += this.frameCost;
    if (ts.cost >= ts.checkAt) ts.breaker();
    try {
      this.body(f);
      return f.ret;
    } catch (e) {
      throw addTraceback(e, this, f);
    } finally {
      ts.frame = f.back;
      ts.depth--;
      if (this.poolable) this.recycle(f);
    }
  }

  private newCells(fn: PyFunction): PyCell[] {
    const cells: PyCell[] = [];
    for (let i = 0; i < this.cellvarCount; i++) cells.push(new PyCell());
    if (fn.closure) for (const c of fn.closure) cells.push(c);
    return cells;
  }

  private store(f: Frame, param: number, v: PyValue): void {
    const t = this.paramTargets[param];
    if (t >= 0) f.locals[t] = v;
    else f.cells[~t].v = v;
  }

  private bind(f: Frame, fn: PyFunction, args: PyValue[], kwargs: Kwargs): void {
    const s = this.signature;
    const n = s.positional.length;
    const name = `${fn.qualname}()`;
    const filled: (PyValue | undefined)[] = new Array(this.paramCount);
    if (args.length > n && s.vararg === null) {
      const atLeast = n - fn.defaults.length;
      const takes = fn.defaults.length > 0 ? `from ${atLeast} to ${n}` : `${n}`;
      throw pyError(
        'TypeError',
        `${name} takes ${takes} positional argument${n === 1 && fn.defaults.length === 0 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`,
      );
    }
    for (let i = 0; i < Math.min(n, args.length); i++) filled[i] = args[i];
    let next = n;
    if (s.vararg !== null) filled[next++] = new PyTuple(args.slice(n));
    const kwStart = next;
    let extra: PyDict | null = null;
    if (s.kwarg !== null) extra = new PyDict();
    if (kwargs) {
      for (const [key, value] of kwargs) {
        let at = s.positional.indexOf(key);
        if (at >= 0 && at < s.posonlyCount) at = -1;
        if (at < 0) {
          const k = s.kwonly.indexOf(key);
          if (k >= 0) at = kwStart + k;
        }
        if (at < 0) {
          if (extra) {
            extra.map.set(key, { k: key, v: value });
            continue;
          }
          throw pyError('TypeError', `${name} got an unexpected keyword argument '${key}'`);
        }
        if (filled[at] !== undefined) throw pyError('TypeError', `${name} got multiple values for argument '${key}'`);
        filled[at] = value;
      }
    }
    const firstDefault = n - fn.defaults.length;
    const missing: string[] = [];
    for (let i = 0; i < n; i++) {
      if (filled[i] !== undefined) continue;
      if (i >= firstDefault) filled[i] = fn.defaults[i - firstDefault];
      else missing.push(s.positional[i]);
    }
    if (missing.length > 0) throw missingArguments(name, missing, 'positional');
    const missingKw: string[] = [];
    s.kwonly.forEach((k, i) => {
      const at = kwStart + i;
      if (filled[at] !== undefined) return;
      const d = fn.kwdefaults?.get(k);
      if (d !== undefined) filled[at] = d;
      else missingKw.push(k);
    });
    if (missingKw.length > 0) throw missingArguments(name, missingKw, 'keyword-only');
    if (extra) filled[kwStart + s.kwonly.length] = extra;
    for (let i = 0; i < filled.length; i++) this.store(f, i, filled[i]!);
  }
}

const noCells: PyCell[] = [];

function missingArguments(name: string, names: string[], kind: string): PyExc {
  const quoted = names.map((n) => `'${n}'`);
  // CPython's wording: 'a' and 'b'; 'a', 'b', and 'c'.
  const last = quoted[quoted.length - 1];
  const list =
    quoted.length === 1
      ? last
      : quoted.length === 2
        ? `${quoted[0]} and ${last}`
        : `${quoted.slice(0, -1).join(', ')}, and ${last}`;
  return pyError(
    'TypeError',
    `${name} missing ${names.length} required ${kind} argument${names.length === 1 ? '' : 's'}: ${list}`,
  );
}

/** As an exception leaves a frame, the frame adds its line to the traceback (as CPython's does). */
export function addTraceback(e: unknown, code: CodeObject, f: Frame): unknown {
  const exc = asPyExc(e);
  if (exc) exc.enter(f, code.file, f.line, code.name);
  return exc ?? e;
}

/** An exception caught in `f` (by except, finally or with): it gets f's entry with the line it was raised at. */
export function caughtIn(e: unknown, f: Frame, ts: ThreadState): PyExc | null {
  const exc = asPyExc(e);
  if (!exc) return null;
  exc.enter(f, f.code.file, f.line, f.code.name);
  tracebacks.set(exc.value, exc.traceback);
  setContext(exc, ts.handling);
  return exc;
}

/** A Python exception, or a JavaScript stack overflow turned into RecursionError; null for internal errors. */
export function asPyExc(e: unknown): PyExc | null {
  if (e instanceof PyExc) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return pyError('RecursionError', 'maximum recursion depth exceeded');
  return null;
}
