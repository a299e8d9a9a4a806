// Truth, equality, ordering and hashing with CPython's rules, and the dict helpers built on hashing.
import {
  type DictEntry,
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
import { call } from './attributes';
import { viewEquals } from './dict-views';
import { frozensetHash, instanceHash, pyHash } from './hash';
import { CustomKey, isCustom, KeyIndex } from './key-index';
import type { SetTable } from './set-table';
import { tupleHash, type Hash } from './stable-hash';

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
      const other = dictEntryFor(b, key, entry.k);
      if (!other || !equals(entry.v, other.v)) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) return a.map.size === b.map.size && isSubset(a, b);
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
    const sub = isSubset(a, b);
    const sup = isSubset(b, a);
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

/**
 * The key a dict or set files `v` under; raises TypeError for unhashable values. Equal values
 * get equal keys, except a value whose class defines __hash__ (or a tuple or frozenset holding
 * one): its key is a CustomKey of its own, to be compared with the container's keys of equal
 * hash (findKey), so dicts and sets go through the functions below for those.
 */
export function hashKey(v: PyValue): HashKey {
  // Small, so that it inlines where a str or int key is looked up; the rest is objectKey's.
  return typeof v === 'string' || typeof v === 'number' ? v : objectKey(v);
}

function objectKey(v: PyValue): HashKey {
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
  if (v instanceof PyFloat) {
    const x = v.v;
    if (Number.isInteger(x) && Number.isSafeInteger(x)) return x;
    if (x === Math.trunc(x) && Number.isFinite(x)) return BigInt(x);
    // A NaN equals no other NaN (CPython hashes each by its address): the float itself is its key.
    return Number.isNaN(x) ? v : x;
  }
  if (v instanceof PyTuple) {
    const items = v.items;
    const parts = new Array<string>(items.length);
    for (let i = 0; i < items.length; i++) {
      const k = hashKey(items[i]);
      if (isCustom(k)) return customTuple(v, i, k);
      parts[i] = keyText(k);
    }
    return `\u0001(${parts.join('\u0002')}`;
  }
  if (v instanceof PySet && v.frozen) {
    const parts: string[] = [];
    for (const k of v.map.keys()) {
      if (k instanceof CustomKey) return new CustomKey(frozensetHash(v), v);
      parts.push(keyText(k));
    }
    return `\u0001{${parts.sort().join('\u0002')}`;
  }
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet || v instanceof PySlice)
    throw pyError('TypeError', `unhashable type: '${v.cls.name}'`);
  if (v === Ellipsis) return ellipsisKey;
  if (v instanceof PyInstance) {
    const eq = slot(v, '__eq__');
    const hash = slot(v, '__hash__');
    if (hash === null || (eq !== undefined && eq !== lookupType(types.object, '__eq__') && hash === undefined))
      throw pyError('TypeError', `unhashable type: '${v.type.name}'`);
    if (hash !== undefined) return new CustomKey(instanceHash(v, hash), v);
    // Equal to the int or str it holds, so filed under the same key.
    if (v instanceof PyDerived) {
      if (typeof v.builtin === 'object') throw pyError('TypeError', `unhashable type: '${v.type.name}'`); // a dict's or list's
      return hashKey(v.builtin);
    }
  }
  return v;
}

/** The key of a tuple whose item `at` has the CustomKey `k`: hashed as hash() hashes it, each item's __hash__ called once. */
function customTuple(t: PyTuple, at: number, k: CustomKey): CustomKey {
  const items = t.items;
  const lanes: Hash[] = new Array<Hash>(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i < at) lanes[i] = pyHash(items[i]);
    else if (i === at) lanes[i] = k.hash;
    else {
      const ki = hashKey(items[i]);
      lanes[i] = ki instanceof CustomKey ? ki.hash : pyHash(items[i]);
    }
  }
  return new CustomKey(
    tupleHash(lanes, (h) => h as Hash)!,
    t,
  );
}

/** A key's text inside a compound (tuple, frozenset) key: tells types apart where Python does. */
function keyText(k: HashKey): string {
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

/** A dict (its map) or a set's table: what findKey looks in. */
type Table = PyDict | SetTable;

/**
 * The key `t` files a value equal to `v` under, or undefined: `k` is v's key (hashKey(v), or the
 * key another container files v under). A plain key is found in the Map; a CustomKey, or a plain
 * key missing from a table that holds CustomKeys, is compared with the keys of equal hash: the
 * same key first, then ==, the stored key's __eq__ asked first, as CPython's lookdict does.
 */
export function findKey(t: Table, k: HashKey, v: PyValue): HashKey | undefined {
  const map = t instanceof PyDict ? t.map : t;
  if (map.has(k)) return k;
  return compareAlong(t, k, v);
}

/** findKey once the Map missed `k`. */
function compareAlong(t: Table, k: HashKey, v: PyValue): HashKey | undefined {
  const isDict = t instanceof PyDict;
  let index = t.index;
  if (k instanceof CustomKey) {
    if ((isDict ? t.map.size : t.size) === 0) return undefined;
    index ??= isDict ? dictIndex(t) : t.keyIndex();
    const bucket = index.bucket(k.hash);
    if (bucket === undefined) return undefined;
    for (const stored of bucket) {
      const other = stored instanceof CustomKey ? stored.value : isDict ? t.map.get(stored)?.k : t.get(stored);
      if (other === undefined) continue;
      if (other === v || equals(other, v)) return stored;
    }
    return undefined;
  }
  if (index === null || index.customs === 0) return undefined;
  const bucket = index.bucket(pyHash(v));
  if (bucket === undefined) return undefined;
  // A plain key of equal hash is another value (its Map key differs): only CustomKeys may be equal.
  for (const stored of bucket)
    if (stored instanceof CustomKey && (stored.value === v || equals(stored.value, v))) return stored;
  return undefined;
}

function dictIndex(d: PyDict): KeyIndex {
  return (d.index ??= KeyIndex.of(dictKeys(d)));
}

function* dictKeys(d: PyDict): Generator<[HashKey, PyValue]> {
  for (const [k, e] of d.map) yield [k, e.k];
}

/** The entry of `d` for `key`. */
export function dictEntry(d: PyDict, key: PyValue): DictEntry | undefined {
  const k = hashKey(key);
  const entry = d.map.get(k);
  if (entry !== undefined || (d.index === null && !isCustom(k))) return entry;
  const found = compareAlong(d, k, key);
  return found === undefined ? undefined : d.map.get(found);
}

/** The entry of `d` for `key`, whose key is `k` (the key another dict or set files it under). */
export function dictEntryFor(d: PyDict, k: HashKey, key: PyValue): DictEntry | undefined {
  const entry = d.map.get(k);
  if (entry !== undefined || (d.index === null && !isCustom(k))) return entry;
  const found = compareAlong(d, k, key);
  return found === undefined ? undefined : d.map.get(found);
}

export function dictGet(d: PyDict, key: PyValue): PyValue | undefined {
  return dictEntry(d, key)?.v;
}

export function dictHas(d: PyDict, key: PyValue): boolean {
  return dictEntry(d, key) !== undefined;
}

export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  dictSetKey(d, hashKey(key), key, value);
}

/** dictSet with the key's HashKey known (`k`: the key another dict or set files it under). */
export function dictSetKey(d: PyDict, k: HashKey, key: PyValue, value: PyValue): void {
  const entry = d.map.get(k);
  if (entry) {
    entry.v = value;
    return;
  }
  if (d.index !== null || isCustom(k)) {
    const found = compareAlong(d, k, key);
    if (found !== undefined) {
      d.map.get(found)!.v = value;
      return;
    }
    d.map.set(k, { k: key, v: value });
    d.shape++;
    if (d.index !== null) d.index.add(k, key);
    else dictIndex(d);
    return;
  }
  d.map.set(k, { k: key, v: value });
  d.shape++;
}

/** dictSet for a str key (names: globals, attributes). */
export function setName(d: PyDict, name: string, value: PyValue): void {
  const entry = d.map.get(name);
  if (entry) entry.v = value;
  else if (d.index !== null) dictSetKey(d, name, name, value);
  else {
    d.map.set(name, { k: name, v: value });
    d.shape++;
  }
}

export function dictDelete(d: PyDict, key: PyValue): boolean {
  const k = hashKey(key);
  if (d.index === null && !isCustom(k)) {
    if (!d.map.delete(k)) return false;
    d.shape++;
    return true;
  }
  const found = findKey(d, k, key);
  if (found === undefined) return false;
  const entry = d.map.get(found)!;
  d.map.delete(found);
  d.index?.remove(found, entry.k);
  d.shape++;
  return true;
}

export function dictClear(d: PyDict): void {
  d.map.clear();
  d.index = null;
  d.shape++;
}

/** A new dict with the entries of `d`, keys as they are (dict.copy(), CPython's clone of the table). */
export function dictCopy(d: PyDict): PyDict {
  const out = new PyDict();
  for (const [k, e] of d.map) out.map.set(k, { k: e.k, v: e.v });
  out.index = d.index === null ? null : d.index.clone();
  out.shape = out.map.size;
  return out;
}

/** `v` in the set `s`. */
export function setHas(s: PySet, v: PyValue): boolean {
  const k = hashKey(v);
  const t = s.map;
  if (t.has(k)) return true;
  return (t.index !== null || isCustom(k)) && compareAlong(t, k, v) !== undefined;
}

/** Whether the table `t` holds a value equal to `v`, whose key is `k` (the key another dict or set files it under). */
export function tableHasKey(t: PyDict | SetTable, k: HashKey, v: PyValue): boolean {
  const map = t instanceof PyDict ? t.map : t;
  if (map.has(k)) return true;
  return (t.index !== null || isCustom(k)) && compareAlong(t, k, v) !== undefined;
}

/** Every item of `a` is in `b` (`b` a set, or a dict's keys). */
export function isSubset(a: PySet, b: PySet | PyDict): boolean {
  const into = b instanceof PyDict ? b : b.map;
  if (a.map.size > b.map.size) return false;
  for (const [k, v] of a.map) if (!tableHasKey(into, k, v)) return false;
  return true;
}

/** Adds `v` to the table unless an equal value is there. */
export function setAdd(t: SetTable, v: PyValue): void {
  setAddKey(t, hashKey(v), v);
}

/** setAdd with the value's key known (`k`: the key another dict or set files it under). */
export function setAddKey(t: SetTable, k: HashKey, v: PyValue): void {
  if (t.has(k)) return;
  if ((t.index !== null || isCustom(k)) && compareAlong(t, k, v) !== undefined) return;
  t.set(k, v);
}

/** Removes the value equal to `v` from the table; whether there was one. */
export function setDiscard(t: SetTable, v: PyValue): boolean {
  const k = hashKey(v);
  if (t.delete(k)) return true;
  if (t.index === null && !isCustom(k)) return false;
  const found = compareAlong(t, k, v);
  return found !== undefined && t.delete(found);
}

export function newDict(entries: [PyValue, PyValue][] = []): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) dictSet(d, k, v);
  return d;
}
