// Python's values as the interpreter holds them. The common ones are plain JavaScript values,
// so a loop over ints allocates nothing:
//   int   -> number (always a safe integer) or bigint (only beyond ±2^53)
//   str   -> string        bool -> boolean        None -> null
//   float -> PyFloat (a JavaScript number cannot tell 1.0 from 1)
// Everything else is a PyObject. `sid` is the object's id in its process's shared heap
// (0 = not shared with another thread yet; see heap.ts).

import type { KeyIndex } from './key-index';
import { SetTable } from './set-table';

export type PyValue = number | bigint | string | boolean | null | PyObject;

export abstract class PyObject {
  /** Set by heap.ts when the object becomes shared; absent (falsy) until then, so allocation stays cheap. */
  declare sid: number;
  abstract get cls(): PyType;
}

// Hot classes declare their fields and assign them in the constructor: with class fields (the
// project's useDefineForClassFields), a constructor parameter property would define the field as
// undefined first, then assign it, at every allocation.

export class PyFloat extends PyObject {
  declare readonly v: number;
  constructor(v: number) {
    super();
    this.v = v;
  }
  get cls(): PyType {
    return types.float;
  }
}

export class PyList extends PyObject {
  declare items: PyValue[];
  constructor(items: PyValue[] = []) {
    super();
    this.items = items;
  }
  get cls(): PyType {
    return types.list;
  }
}

export class PyTuple extends PyObject {
  declare readonly items: PyValue[];
  constructor(items: PyValue[]) {
    super();
    this.items = items;
  }
  get cls(): PyType {
    return types.tuple;
  }
}

/**
 * The key a dict or set files a value under: equal Python values get equal keys, except values
 * whose equality is the program's (key-index.ts CustomKey), found through the container's index.
 */
export type HashKey = number | bigint | string | symbol | object;

export interface DictEntry {
  k: PyValue;
  v: PyValue;
}

export class PyDict extends PyObject {
  declare readonly map: Map<HashKey, DictEntry>;
  /** Changes on every insertion or removal of a key (not on a new value): lookups cached by compiled code check it. */
  declare shape: number;
  /** The keys by hash, once a key or probe with a user-defined __hash__ met this dict (key-index.ts); else null. */
  declare index: KeyIndex | null;
  constructor() {
    super();
    this.map = new Map();
    this.shape = 0;
    this.index = null;
  }
  get cls(): PyType {
    return types.dict;
  }
}

export class PySet extends PyObject {
  declare readonly map: SetTable;
  declare readonly frozen: boolean;
  constructor(frozen = false) {
    super();
    this.map = new SetTable();
    this.frozen = frozen;
  }
  get cls(): PyType {
    return this.frozen ? types.frozenset : types.set;
  }
}

export class PyBytes extends PyObject {
  constructor(readonly data: Uint8Array) {
    super();
  }
  get cls(): PyType {
    return types.bytes;
  }
}

export class PyRange extends PyObject {
  /** A stop beyond ±2**53 (range(10 ** 20)): `stop` is clamped for iterating, this one is shown. */
  declare exactStop: bigint | null;
  declare readonly start: number;
  declare readonly stop: number;
  declare readonly step: number;
  constructor(start: number, stop: number, step: number) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.exactStop = null;
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  get cls(): PyType {
    return types.range;
  }
}

export class PySlice extends PyObject {
  declare readonly start: PyValue;
  declare readonly stop: PyValue;
  declare readonly step: PyValue;
  constructor(start: PyValue, stop: PyValue, step: PyValue) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  get cls(): PyType {
    return types.slice;
  }
}

export class PyCell extends PyObject {
  declare v: PyValue | undefined;
  constructor(v: PyValue | undefined = undefined) {
    super();
    this.v = v;
  }
  get cls(): PyType {
    return types.cell;
  }
}

export type Kwargs = Map<string, PyValue> | null;
export type NativeFn = (args: PyValue[], kwargs: Kwargs) => PyValue;
/** A method of a builtin type, called with its object apart from the other arguments. */
export type MethodFn = (self: PyValue, args: PyValue[], kwargs: Kwargs) => PyValue;

/** Compiled code of a def, lambda or module body (see compile.ts). */
export interface Code {
  name: string;
  qualname: string;
  file: string;
  firstLine: number;
  /** Index of the defining node in its module: the same in every thread and process that compiled the module. */
  id: number;
  kind: 'function' | 'generator' | 'coroutine';
  /** The docstring of the def (a function's __doc__ unless set), or null. */
  doc: string | null;
  /** Runs a call: binds the arguments and evaluates the body. */
  invoke(fn: PyFunction, args: PyValue[], kwargs: Kwargs): PyValue;
}

export class PyFunction extends PyObject {
  dict: PyDict | null = null;
  constructor(
    readonly code: Code,
    readonly globals: PyDict,
    public defaults: PyValue[],
    public kwdefaults: Map<string, PyValue> | null,
    readonly closure: PyCell[] | null,
    public name: string,
    public qualname: string,
    readonly module: string,
  ) {
    super();
  }
  get cls(): PyType {
    return types.function;
  }
}

/** A function written in TypeScript (a builtin, or a method of a builtin type taking self first). */
export class PyBuiltin extends PyObject {
  constructor(
    readonly name: string,
    readonly fn: NativeFn,
    /** The owner's qualified name, for reprs and pickling: "math", "list", "builtins". */
    readonly owner = 'builtins',
    /** For a method of a builtin type: the same function taking self apart (obj.name(…) calls it without a new array). */
    readonly method: MethodFn | null = null,
    /** For a function of exactly one argument: the same function taking it alone (f(x) calls it without an array). */
    readonly one: ((arg: PyValue) => PyValue) | null = null,
    /** For a method of exactly one argument: the same taking self and it (obj.name(x) calls it without an array). */
    readonly methodOne: ((self: PyValue, arg: PyValue) => PyValue) | null = null,
  ) {
    super();
  }
  get cls(): PyType {
    return types.builtin_function_or_method;
  }
}

export class PyBoundMethod extends PyObject {
  declare readonly self: PyValue;
  declare readonly func: PyValue;
  constructor(self: PyValue, func: PyValue) {
    super();
    this.self = self;
    this.func = func;
  }
  get cls(): PyType {
    return types.method;
  }
}

export class PyStaticMethod extends PyObject {
  constructor(readonly func: PyValue) {
    super();
  }
  get cls(): PyType {
    return types.staticmethod;
  }
}

export class PyClassMethod extends PyObject {
  constructor(readonly func: PyValue) {
    super();
  }
  get cls(): PyType {
    return types.classmethod;
  }
}

export class PyProperty extends PyObject {
  /** The attribute it was assigned to in its class (__set_name__), for error messages. */
  name: string | null = null;
  constructor(
    readonly fget: PyValue,
    readonly fset: PyValue = null,
    readonly fdel: PyValue = null,
  ) {
    super();
  }
  get cls(): PyType {
    return types.property;
  }
}

export class PySuper extends PyObject {
  constructor(
    readonly thisType: PyType,
    readonly obj: PyValue,
  ) {
    super();
  }
  get cls(): PyType {
    return types.super;
  }
}

export class PyModule extends PyObject {
  /** Its globals. A module that crossed threads takes the dict that came with it (heap.ts). */
  dict = new PyDict();
  constructor(
    readonly name: string,
    /** Written in TypeScript and stateless per thread: other threads and processes use their own copy. */
    readonly native = false,
  ) {
    super();
  }
  get cls(): PyType {
    return types.module;
  }
}

/** An instance of a class written in Python (exceptions included). */
export class PyInstance extends PyObject {
  declare readonly type: PyType;
  declare readonly dict: PyDict;
  constructor(type: PyType) {
    super();
    this.type = type;
    this.dict = new PyDict();
  }
  get cls(): PyType {
    return this.type;
  }
}

/**
 * An instance of a class derived from int, str, dict or list: it holds the builtin value itself
 * (CPython's ob_digit, the str's data, the dict's table, the list's items), which the builtin
 * type's behaviour applies to. A dict or list held here is a plain PyDict or PyList, so the hot
 * paths' `instanceof PyDict`/`PyList` checks stay as they are; a derived instance takes the slower
 * paths that unwrap it.
 */
export class PyDerived extends PyInstance {
  declare readonly builtin: PyValue;
  constructor(type: PyType, builtin: PyValue) {
    super(type);
    this.builtin = builtin;
  }
}

/** A singleton of its own type (NotImplemented, Ellipsis). */
export class PySingleton extends PyObject {
  constructor(
    readonly name: string,
    private readonly typeName: 'NotImplementedType' | 'ellipsis',
  ) {
    super();
  }
  get cls(): PyType {
    return types[this.typeName];
  }
}

/** How a builtin type makes its instances; user subclasses inherit it from their nearest builtin base. */
export type Constructor = (cls: PyType, args: PyValue[], kwargs: Kwargs) => PyValue;

export class PyType extends PyObject {
  mro: PyType[] = [];
  readonly dict = new PyDict();
  qualname: string;
  /** The class's class when it is not `type` (class C(metaclass=M), or derived from a class that has one). */
  metaclass: PyType | null = null;
  constructor(
    public name: string,
    public bases: PyType[],
    /** Module of the class, for reprs: "builtins", "__main__", "threading". */
    public module = 'builtins',
    /** Builtin types: how __new__ makes an instance. Classes written in Python inherit their base's. */
    public construct: Constructor | null = null,
  ) {
    super();
    this.mro = [this];
    this.qualname = name;
  }
  get cls(): PyType {
    return this.metaclass ?? types.type;
  }
}

/** The builtin types, created once per interpreter module load and filled in by types.ts. */
function builtinType(name: string, ...bases: PyType[]): PyType {
  return new PyType(name, bases);
}

const object = builtinType('object');
const int = builtinType('int', object);

export const types = {
  object,
  type: builtinType('type', object),
  int,
  bool: builtinType('bool', int),
  float: builtinType('float', object),
  str: builtinType('str', object),
  bytes: builtinType('bytes', object),
  list: builtinType('list', object),
  tuple: builtinType('tuple', object),
  dict: builtinType('dict', object),
  set: builtinType('set', object),
  frozenset: builtinType('frozenset', object),
  range: builtinType('range', object),
  slice: builtinType('slice', object),
  NoneType: builtinType('NoneType', object),
  NotImplementedType: builtinType('NotImplementedType', object),
  ellipsis: builtinType('ellipsis', object),
  function: builtinType('function', object),
  builtin_function_or_method: builtinType('builtin_function_or_method', object),
  method: builtinType('method', object),
  staticmethod: builtinType('staticmethod', object),
  classmethod: builtinType('classmethod', object),
  property: builtinType('property', object),
  super: builtinType('super', object),
  module: builtinType('module', object),
  cell: builtinType('cell', object),
  iterator: builtinType('iterator', object),
  generator: builtinType('generator', object),
  coroutine: builtinType('coroutine', object),
  dict_keys: builtinType('dict_keys', object),
  dict_values: builtinType('dict_values', object),
  dict_items: builtinType('dict_items', object),
};
for (const t of Object.values(types)) if (t !== object) t.mro = [t, ...t.bases.flatMap((b) => b.mro)];
types.bool.mro = [types.bool, int, object];

export const None = null;
export const NotImplemented = new PySingleton('NotImplemented', 'NotImplementedType');
export const Ellipsis = new PySingleton('Ellipsis', 'ellipsis');

/** The type of any value. */
export function typeOf(v: PyValue): PyType {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return types.int;
    case 'string':
      return types.str;
    case 'boolean':
      return types.bool;
    case 'object':
      return v === null ? types.NoneType : v.cls;
    default:
      throw new Error(`not a Python value: ${String(v)}`);
  }
}

export function isSubtype(t: PyType, of: PyType): boolean {
  return t === of || t.mro.includes(of);
}

/** Looks a name up along a type's MRO. */
export function lookupType(t: PyType, name: string): PyValue | undefined {
  for (const k of t.mro) {
    const entry = k.dict.map.get(name);
    if (entry) return entry.v;
  }
  return undefined;
}

/**
 * Where Python-level special methods of `v` are looked up (CPython's tp_* slots): an instance's
 * class, or a class's metaclass; null for the builtin types' values, whose behaviour is built in.
 */
export function slotsOf(v: PyValue): PyType | null {
  if (v instanceof PyInstance) return v.type;
  if (v instanceof PyType) return v.metaclass;
  return null;
}

/**
 * A special method of `v`, as its type's slot holds it. An instance derived from int or str
 * keeps the builtin's slot unless a class before the builtin in the MRO overrides the method.
 */
export function slot(v: PyValue, name: string): PyValue | undefined {
  const t = slotsOf(v);
  if (t === null) return undefined;
  if (!(v instanceof PyDerived)) return lookupType(t, name);
  for (const k of t.mro) {
    if (k === types.int || k === types.str || k === types.dict || k === types.list) {
      if (builtinSlots[k.name as BuiltinBase].has(name)) return undefined;
      continue;
    }
    const entry = k.dict.map.get(name);
    if (entry) return entry.v;
  }
  return undefined;
}

const comparisons = ['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__hash__', '__repr__', '__str__', '__format__'];
const arithmetic = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'and', 'or', 'xor', 'lshift', 'rshift'];
const containerSlots = ['__len__', '__iter__', '__contains__', '__getitem__', '__setitem__', '__delitem__', '__reversed__'];
type BuiltinBase = 'int' | 'str' | 'dict' | 'list';
const notStr = (name: string) => name !== '__str__' && name !== '__format__';
/** The special methods int, str, dict and list implement (their tp_* slots), which the interpreter runs natively. */
const builtinSlots: Record<BuiltinBase, Set<string>> = {
  int: new Set([
    ...comparisons,
    ...arithmetic.flatMap((m) => [`__${m}__`, `__r${m}__`]),
    ...['__bool__', '__index__', '__int__', '__float__', '__neg__', '__pos__', '__abs__', '__invert__'],
  ]),
  str: new Set([...comparisons, '__add__', '__mul__', '__rmul__', '__mod__', '__len__', '__iter__', '__contains__', '__getitem__']),
  // str() and format() of a dict or list are object's, which call the subclass's __repr__.
  dict: new Set([...comparisons.filter(notStr), ...containerSlots, '__init__', '__or__', '__ror__', '__ior__']),
  list: new Set([...comparisons.filter(notStr), ...containerSlots, '__init__', '__add__', '__mul__', '__rmul__', '__iadd__', '__imul__']),
};

/** The int, str, dict or list an instance of a class derived from one holds; any other value itself. */
export function builtinValue(v: PyValue): PyValue {
  return v instanceof PyDerived ? v.builtin : v;
}

/** C3 linearisation, as CPython computes __mro__. */
export function computeMro(t: PyType): PyType[] {
  if (t.bases.length === 0) return [t];
  const seqs = [...t.bases.map((b) => [...b.mro]), [...t.bases]];
  const out: PyType[] = [t];
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    const head = live.map((s) => s[0]).find((c) => !live.some((s) => s.indexOf(c) > 0));
    if (!head)
      throw new Error(
        `Cannot create a consistent method resolution order (MRO) for bases ${t.bases.map((b) => b.name).join(', ')}`,
      );
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

// ---- ints ----

/** An int result back into the canonical form: number when it fits, bigint beyond. */
export function normInt(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export function isInt(v: PyValue): v is number | bigint | boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

export function big(v: number | bigint | boolean): bigint {
  return typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? Number(v) : v);
}

let nextObjectId = 1;
const objectIds = new WeakMap<object, number>();

/** id(): a stable number per object (CPython's is an address; ours only needs to be unique). */
export function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = 0x7f0000000000 + 16 * nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}
