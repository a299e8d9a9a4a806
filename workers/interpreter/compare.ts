// Truth, equality, ordering and hashing with CPython's rules, and the dict helpers built on hashing.
import {
  Ellipsis,
  type HashKey,
  lookupType,
  NotImplemented,
  objectId,
  builtinValue,
  PyBytes,
  PyDerived,
  PyDict,
  PyFloat,
  PyInstance,
  PyList,
  PyObject,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  PyType,
  type PyValue,
  slot,
  typeOf,
  types,
} from './objects';
import { pyError } from './errors';
import * as num from './numbers';
import { toArray } from './iteration';
import { pyRepr } from './text';
import { call } from './attributes';
import { viewEquals } from './dict-views';

export function truthy(v: PyValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'string':
      return v.length > 0;
    case 'bigint':
      return v !== 0n;
    default:
      break;
  }
  if (v === null) return false;
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.map.size > 0;
  if (v instanceof PyRange) return v.length > 0;
  if (v instanceof PyBytes) return v.data.length > 0;
  if (v instanceof PyInstance || v instanceof PyType) {
    const b = slot(v, '__bool__');
    if (b !== undefined) return truthy(call(b, [v], null));
    const l = slot(v, '__len__');
    if (l !== undefined) return truthy(call(l, [v], null));
    if (v instanceof PyDerived) return truthy(v.builtin);
  }
  return true;
}

export function equals(a: PyValue, b: PyValue): boolean {
  if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'string' && !(b instanceof PyInstance)) || (tb === 'string' && !(a instanceof PyInstance))) return false;
  if (num.isNum(a) && num.isNum(b)) return num.numEquals(a, b);
  if (a === null || b === null) return false;
  if (a instanceof PyList && b instanceof PyList) return seqEquals(a.items, b.items);
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEquals(a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.map.size !== b.map.size) return false;
    for (const [key, entry] of a.map) {
      const other = b.map.get(key);
      if (!other || !equals(entry.v, other.v)) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.map.size !== b.map.size) return false;
    for (const key of a.map.keys()) if (!b.map.has(key)) return false;
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange) return seqEquals(toArray(a), toArray(b));
  if (a instanceof PyBytes && b instanceof PyBytes)
    return a.data.length === b.data.length && a.data.every((x, i) => x === b.data[i]);
  const views = viewEquals(a, b);
  if (views !== undefined) return views;
  if (a instanceof PyInstance || b instanceof PyInstance) {
    const r = binaryDunder('__eq__', '__eq__', a, b);
    if (r !== NotImplemented) return truthy(r);
    if (a instanceof PyDerived || b instanceof PyDerived) return equals(builtinValue(a), builtinValue(b));
  }
  return false;
}

function seqEquals(x: readonly PyValue[], y: readonly PyValue[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !equals(x[i], y[i])) return false;
  return true;
}

const reflected: Record<string, string> = {
  __lt__: '__gt__',
  __gt__: '__lt__',
  __le__: '__ge__',
  __ge__: '__le__',
  __eq__: '__eq__',
  __ne__: '__ne__',
};

/**
 * An operator's methods on instances: a's `method` with b, then b's `reflectedMethod` with a;
 * NotImplemented when neither has one that answers (binary operators and rich comparisons).
 */
export function binaryDunder(method: string, reflectedMethod: string, a: PyValue, b: PyValue): PyValue {
  if (a instanceof PyInstance) {
    const f = slot(a, method);
    if (f !== undefined) {
      const r = call(f, [a, b], null);
      if (r !== NotImplemented) return r;
    }
  }
  if (b instanceof PyInstance) {
    const f = slot(b, reflectedMethod);
    if (f !== undefined) return call(f, [b, a], null);
  }
  return NotImplemented;
}

export type CompareOp = '<' | '<=' | '>' | '>=';
const compareMethods: Record<CompareOp, string> = { '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__' };

/** a < b and friends; raises TypeError for unorderable types, as CPython does. */
export function compare(op: CompareOp, a: PyValue, b: PyValue): PyValue {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
    }
  }
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    // The first items that differ decide, compared with the same operator (list_richcompare).
    const x = a.items;
    const y = b.items;
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i] && !equals(x[i], y[i])) return compare(op, x[i], y[i]);
    return compare(op, x.length, y.length);
  }
  const c = order(a, b);
  if (c === undefined) {
    const m = compareMethods[op];
    const r = binaryDunder(m, reflected[m], a, b);
    if (r !== NotImplemented) return r;
    if (a instanceof PyDerived || b instanceof PyDerived) return compare(op, builtinValue(a), builtinValue(b));
    throw pyError(
      'TypeError',
      `'${op}' not supported between instances of '${typeOf(a).name}' and '${typeOf(b).name}'`,
    );
  }
  if (c === null) return false;
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** -1/0/1 for values of builtin types that order; null for NaN; undefined when the types do not order. */
function order(a: PyValue, b: PyValue): number | null | undefined {
  if (num.isNum(a) && num.isNum(b)) return num.compareNum(a, b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof PySet && b instanceof PySet) {
    const sub = [...a.map.keys()].every((k) => b.map.has(k));
    const sup = [...b.map.keys()].every((k) => a.map.has(k));
    return sub && sup ? 0 : sub ? -1 : sup ? 1 : null;
  }
  return undefined;
}

/** The ordering sorted() and min()/max() use: a < b. */
export function lessThan(a: PyValue, b: PyValue): boolean {
  return truthy(compare('<', a, b));
}

const noneKey = Symbol('None');
const ellipsisKey = Symbol('Ellipsis');

/** The key a dict or set files `v` under; raises TypeError for unhashable values. */
export function hashKey(v: PyValue): HashKey {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    default:
      break;
  }
  if (v === null) return noneKey;
  if (v instanceof PyFloat)
    return Number.isInteger(v.v) && Number.isSafeInteger(v.v)
      ? v.v
      : v.v === Math.trunc(v.v) && Number.isFinite(v.v)
        ? BigInt(v.v)
        : v.v;
  if (v instanceof PyTuple) return `\u0001(${v.items.map(keyText).join('\u0002')}`;
  if (v instanceof PySet && v.frozen)
    return `\u0001{${[...v.map.keys()]
      .map((k) => keyText(k as PyValue))
      .sort()
      .join('\u0002')}`;
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet || v instanceof PySlice)
    throw pyError('TypeError', `unhashable type: '${v.cls.name}'`);
  if (v === Ellipsis) return ellipsisKey;
  if (v instanceof PyInstance) {
    const eq = slot(v, '__eq__');
    const hash = slot(v, '__hash__');
    if (hash === null || (eq !== undefined && eq !== lookupType(types.object, '__eq__') && hash === undefined))
      throw pyError('TypeError', `unhashable type: '${v.type.name}'`);
    if (hash !== undefined && hash !== null) return `\u0001#${pyRepr(call(hash, [v], null))}`;
    // Equal to the int or str it holds, so filed under the same key.
    if (v instanceof PyDerived) {
      if (typeof v.builtin === 'object') throw pyError('TypeError', `unhashable type: '${v.type.name}'`); // a dict's or list's
      return hashKey(v.builtin);
    }
  }
  return v;
}

/** A key's text inside a compound (tuple) key: tells types apart where Python does. */
function keyText(v: PyValue | HashKey): string {
  const k = typeof v === 'object' && v !== null && !(v instanceof PyObject) ? v : hashKey(v as PyValue);
  switch (typeof k) {
    case 'string':
      return `s${k}`;
    case 'number':
    case 'bigint':
      return `n${k}`;
    case 'symbol':
      return `y${k.description}`;
    default:
      return `o${objectId(k)}`;
  }
}

export function dictGet(d: PyDict, key: PyValue): PyValue | undefined {
  return d.map.get(hashKey(key))?.v;
}

export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  const k = hashKey(key);
  const entry = d.map.get(k);
  if (entry) entry.v = value;
  else {
    d.map.set(k, { k: key, v: value });
    d.shape++;
  }
}

/** dictSet for a str key (names: globals, attributes). */
export function setName(d: PyDict, name: string, value: PyValue): void {
  const entry = d.map.get(name);
  if (entry) entry.v = value;
  else {
    d.map.set(name, { k: name, v: value });
    d.shape++;
  }
}

export function dictDelete(d: PyDict, key: PyValue): boolean {
  const removed = d.map.delete(hashKey(key));
  if (removed) d.shape++;
  return removed;
}

export function dictClear(d: PyDict): void {
  d.map.clear();
  d.shape++;
}

export function newDict(entries: [PyValue, PyValue][] = []): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) dictSet(d, k, v);
  return d;
}
