// Helpers for functions and methods written in TypeScript: registering them, checking their
// arguments with CPython's messages, and charging their cost to the running thread.
import { setName } from './compare';
import type { CostTable } from './costs';
import { pyError } from './errors';
import { perSite } from './per-site';
import type { ThreadState } from './frame';
import {
  PyBuiltin,
  PyDerived,
  PyDict,
  PyFloat,
  PyType,
  typeOf,
  types,
  type Kwargs,
  type MethodFn,
  type NativeFn,
  type PyValue,
} from './objects';

/** The Python thread running on this JavaScript thread (one per worker; tests make one at a time). */
export const running: { ts: ThreadState | null } = { ts: null };

/** Charges a builtin's own work: `base` of the builtin cost, plus `items` × the per-item cost. */
export function charge(items = 0, base = 1): void {
  const ts = running.ts;
  if (!ts) return;
  const c: CostTable = ts.costs;
  ts.cost += base * c.builtin + items * c.perItem;
}

/** A dict subscript's lookup by key (the subscript itself is charged where it is compiled). */
export function chargeHash(): void {
  const ts = running.ts;
  if (ts) ts.cost += ts.costs.hash;
}

/** A replacement field formatted by `%` or str.format (an f-string's are charged where it is compiled). */
export function chargeField(): void {
  const ts = running.ts;
  if (ts) ts.cost += ts.costs.format;
}

export function defineFunction(dict: PyDict, name: string, fn: NativeFn, owner = 'builtins'): PyBuiltin {
  const b = new PyBuiltin(name, fn, owner);
  setName(dict, name, b);
  return b;
}

/** A function of exactly one positional argument: a call with one calls `one(arg)`, with no array to build. */
export function defineUnary(dict: PyDict, name: string, one: (arg: PyValue) => PyValue, owner = 'builtins'): PyBuiltin {
  const b = new PyBuiltin(
    name,
    (args) => {
      arity(name, args, 1);
      return one(args[0]);
    },
    owner,
    null,
    one,
  );
  setName(dict, name, b);
  return b;
}

/**
 * A method of a builtin type: `fn(self, args, kwargs)`; `one(self, arg)`, for a method of exactly
 * one argument, is the same method called with one (obj.name(x) calls it without an array).
 */
export function defineMethod(
  type: PyType,
  name: string,
  fn: MethodFn,
  one: ((self: PyValue, arg: PyValue) => PyValue) | null = null,
): void {
  const owner = type.module === 'builtins' ? type.name : `${type.module}.${type.name}`;
  // list.append(self, x) called through the class gets the list a subclass's instance holds, as a bound method does.
  const unwraps = type === types.int || type === types.str || type === types.dict || type === types.list;
  const many: NativeFn = unwraps
    ? (args, kwargs) => fn(args[0] instanceof PyDerived ? args[0].builtin : args[0], args.slice(1), kwargs)
    : (args, kwargs) => fn(args[0], args.slice(1), kwargs);
  setName(type.dict, name, new PyBuiltin(name, many, owner, fn, null, one));
}

/**
 * A definer of a builtin type's methods that each charge a builtin call before they run, plus
 * `items(self)` items (str: by its length; list and dict: none), with an optional one-argument
 * entry (see PyBuiltin.one). Each method's wrappers are code of their own (perSite): one shared
 * wrapper would make its calls of `f` and `items` megamorphic across every method of every type
 * (d.get and str.startswith ran 20% slower that way).
 */
export function chargedMethods<T extends PyValue>(type: PyType, items: (self: T) => number) {
  return (
    name: string,
    f: (self: T, args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue,
    one: ((self: T, arg: PyValue) => PyValue) | null = null,
  ): void => {
    const [many, single] = perSite(chargedWrappers)(f, one, items, charge);
    defineMethod(type, name, many, single);
  };
}

/** Evaluated again for each method (perSite): it uses nothing but its parameters. */
function chargedWrappers<T extends PyValue>(
  f: (self: T, args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue,
  one: ((self: T, arg: PyValue) => PyValue) | null,
  items: (self: T) => number,
  chargeItems: (items: number) => void,
): [MethodFn, ((self: PyValue, arg: PyValue) => PyValue) | null] {
  return [
    (self, args, kwargs) => {
      chargeItems(items(self as T));
      return f(self as T, args, kwargs);
    },
    one &&
      ((self, v) => {
        chargeItems(items(self as T));
        return one(self as T, v);
      }),
  ];
}

/**
 * Checks how many arguments a builtin got, with CPython's messages: "len() takes exactly one
 * argument (2 given)" for one-argument functions (METH_O, named with their type: "list.append"),
 * "divmod expected 2 arguments, got 1" and "range expected at most 3 arguments, got 4" for the rest.
 */
export function arity(name: string, args: PyValue[], min: number, max = min): void {
  const n = args.length;
  if (n < min || n > max) arityError(name, args, min, max);
}

/** Kept out of arity(): V8 inlines a short check into every builtin, not the messages. */
function arityError(name: string, args: PyValue[], min: number, max: number): never {
  const n = args.length;
  if (min === max && min <= 1)
    throw pyError('TypeError', `${name}() takes ${min === 0 ? 'no arguments' : 'exactly one argument'} (${n} given)`);
  unpackArity(name.slice(name.lastIndexOf('.') + 1), args, min, max);
  throw new Error('internal: unpackArity accepted what arity refused');
}

/** "sorted expected 1 argument, got 0": PyArg_UnpackTuple's messages. */
export function unpackArity(name: string, args: PyValue[], min: number, max = min): void {
  const n = args.length;
  if (n >= min && n <= max) return;
  const s = (k: number) => `${k} argument${k === 1 ? '' : 's'}`;
  if (min === max) throw pyError('TypeError', `${name} expected ${s(min)}, got ${n}`);
  throw pyError(
    'TypeError',
    n < min ? `${name} expected at least ${s(min)}, got ${n}` : `${name} expected at most ${s(max)}, got ${n}`,
  );
}

/** Argument Clinic's messages: "round() missing required argument 'number' (pos 1)", "round() takes at most 2 arguments (3 given)". */
export function clinicArity(name: string, args: PyValue[], params: string[], required: number): void {
  const n = args.length;
  if (n < required) throw pyError('TypeError', `${name}() missing required argument '${params[n]}' (pos ${n + 1})`);
  if (n > params.length)
    throw pyError(
      'TypeError',
      `${name}() takes at most ${params.length} argument${params.length === 1 ? '' : 's'} (${n} given)`,
    );
}

export function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs && kwargs.size > 0) throw pyError('TypeError', `${name}() takes no keyword arguments`);
}

/** A keyword argument, or `fallback`; unknown keywords are refused naming the function. */
export function kwarg(kwargs: Kwargs, name: string, fallback: PyValue): PyValue {
  return kwargs?.get(name) ?? fallback;
}

export function onlyKwargs(fname: string, kwargs: Kwargs, allowed: string[]): void {
  if (!kwargs) return;
  for (const k of kwargs.keys())
    if (!allowed.includes(k)) throw pyError('TypeError', `${fname}() got an unexpected keyword argument '${k}'`);
}

/** A float argument (ints and bools accepted) as a JavaScript number. */
export function toFloat(v: PyValue, what = 'must be real number'): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.v;
  if (v instanceof PyDerived) return derivedFloat(v, what);
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') return Number(v);
  return notReal(v, what);
}

/**
 * An instance of a class derived from int (an IntEnum's member): its int. Apart, so that toFloat and
 * toInt, inlined into every math call, stay small and not recursive: with the recursion inline, a
 * sqrt loop that ran after code making instances stayed 5x slower in 7 of 8 runs (2 of 8 before).
 */
function derivedFloat(v: PyDerived, what: string): number {
  return typeof v.builtin === 'string' ? notReal(v, what) : toFloat(v.builtin, what);
}

function notReal(v: PyValue, what: string): never {
  throw pyError('TypeError', `${what}, not ${typeOf(v).name}`);
}

export function toInt(v: PyValue, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') throw pyError('OverflowError', `${what}: Python int too large to convert to C long`);
  if (v instanceof PyDerived && typeof v.builtin !== 'string') return derivedInt(v, what);
  throw pyError('TypeError', `'${typeOf(v).name}' object cannot be interpreted as an integer`);
}

function derivedInt(v: PyDerived, what: string): number {
  return toInt(v.builtin, what);
}

/** A str argument; `what` names it in the TypeError ("replace() argument 1"), or '' for a bare "must be str, not int". */
export function toStr(v: PyValue, what: string): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyDerived && typeof v.builtin === 'string') return v.builtin;
  throw pyError('TypeError', `${what ? `${what} ` : ''}must be str, not ${typeOf(v).name}`);
}

export const float = (v: number): PyFloat => new PyFloat(v);
