// Subscripts, slices, membership and len().
import {
  lookupType,
  PyBytes,
  PyClassMethod,
  PyDict,
  PyDerived,
  PyInstance,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  PyType,
  type PyValue,
  typeOf,
  types,
  slot,
} from './objects';
import { pyError, PyExc } from './errors';
import { isIterable, iterate, toArray } from './iteration';
import { dictEntry, equals, findKey, hashKey, truthy } from './compare';
import { isCustom } from './key-index';
import { call, callMethod, findAttr } from './attributes';
import { mutate } from './mutations';
import { chargeHash } from './native';
import { cpLength } from './code-points';
import { PyDictView, viewContains } from './dict-views';
import { bytesContains } from './types-bytes';

/** A sequence index: negative counts from the end; out of range raises IndexError. */
export function seqIndex(i: PyValue, length: number, what: string, typeName = what): number {
  if (i instanceof PyDerived && typeof i.builtin !== 'string') i = i.builtin;
  if (typeof i === 'boolean') i = Number(i);
  if (typeof i !== 'number') {
    if (typeof i === 'bigint') throw pyError('IndexError', `cannot fit 'int' into an index-sized integer`);
    throw pyError('TypeError', `${typeName} indices must be integers or slices, not ${typeOf(i).name}`);
  }
  const j = i < 0 ? i + length : i;
  if (j < 0 || j >= length) throw pyError('IndexError', `${what} index out of range`);
  return j;
}

/** start, stop, step of a slice over a sequence of `length`, as slice.indices() gives them. */
/** A slice bound: None, an int, or an object with __index__. */
function sliceBound(v: PyValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  if (v instanceof PyDerived && typeof v.builtin !== 'string') return sliceBound(v.builtin);
  if (v instanceof PyInstance && lookupType(v.type, '__index__') !== undefined)
    return sliceBound(callMethod(v, '__index__', []));
  throw pyError('TypeError', 'slice indices must be integers or None or have an __index__ method');
}

export function sliceIndices(s: PySlice, length: number): [number, number, number] {
  const [startBound, stopBound, stepBound] = [sliceBound(s.start), sliceBound(s.stop), sliceBound(s.step)];
  const step = stepBound ?? 1;
  if (step === 0) throw pyError('ValueError', 'slice step cannot be zero');
  const clamp = (v: number | null, dflt: number, lo: number, hi: number) => {
    if (v === null) return dflt;
    let n = v;
    if (n < 0) n += length;
    return Math.min(Math.max(n, lo), hi);
  };
  if (step > 0) return [clamp(startBound, 0, 0, length), clamp(stopBound, length, 0, length), step];
  return [clamp(startBound, length - 1, -1, length - 1), clamp(stopBound, -1, -1, length - 1), step];
}

export function sliceArray<T>(items: readonly T[], s: PySlice): T[] {
  const [start, stop, step] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, Math.max(start, stop));
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
  else for (let i = start; i > stop; i += step) out.push(items[i]);
  return out;
}

export function getItem(o: PyValue, k: PyValue): PyValue {
  if (o instanceof PyList)
    return k instanceof PySlice ? new PyList(sliceArray(o.items, k)) : o.items[seqIndex(k, o.items.length, 'list')];
  if (o instanceof PyDict) {
    chargeHash();
    const entry = dictEntry(o, k);
    if (entry) return entry.v;
    if (o.cls !== types.dict) {
      const missing = findAttr(o, '__missing__');
      if (missing !== undefined) return call(missing, [k], null);
    }
    throw new PyExc(keyError(k));
  }
  if (o instanceof PyTuple)
    return k instanceof PySlice ? new PyTuple(sliceArray(o.items, k)) : o.items[seqIndex(k, o.items.length, 'tuple')];
  if (typeof o === 'string') {
    if (k instanceof PySlice) return sliceArray([...o], k).join('');
    if (typeof k !== 'number' && typeof k !== 'boolean' && typeof k !== 'bigint')
      throw pyError('TypeError', `string indices must be integers, not '${typeOf(k).name}'`);
    const chars = o.length === [...o].length ? null : [...o];
    return chars ? chars[seqIndex(k, chars.length, 'string')] : o[seqIndex(k, o.length, 'string')];
  }
  if (o instanceof PyRange) {
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(k, o.length);
      return new PyRange(o.start + start * o.step, o.start + stop * o.step, o.step * step);
    }
    return o.start + seqIndex(k, o.length, 'range object') * o.step;
  }
  if (o instanceof PyBytes) {
    if (k instanceof PySlice) return new PyBytes(Uint8Array.from(sliceArray(Array.from(o.data), k)));
    return o.data[seqIndex(k, o.data.length, 'index')];
  }
  if (o instanceof PyInstance && slot(o, '__getitem__') !== undefined) return callMethod(o, '__getitem__', [k]);
  if (o instanceof PyDerived) return o.builtin instanceof PyDict ? derivedDictItem(o, o.builtin, k) : getItem(o.builtin, k);
  if (o instanceof PyType) {
    const meta = o.metaclass !== null ? lookupType(o.metaclass, '__getitem__') : undefined;
    if (meta !== undefined) return call(meta, [o, k], null);
    // cls[item] calls __class_getitem__, a classmethod without the decorator (typing.Generic's).
    const classGetItem = lookupType(o, '__class_getitem__');
    if (classGetItem !== undefined) return call(classGetItem instanceof PyClassMethod ? classGetItem.func : classGetItem, [o, k], null);
    if (o.module === 'builtins') return o; // list[int] annotations
    throw pyError('TypeError', `type '${o.name}' is not subscriptable`);
  }
  throw pyError('TypeError', `'${typeOf(o).name}' object is not subscriptable`);
}

/** d[k] of a dict subclass that keeps dict's __getitem__: a missing key goes to its __missing__, if it has one. */
function derivedDictItem(o: PyDerived, d: PyDict, k: PyValue): PyValue {
  chargeHash();
  const entry = dictEntry(d, k);
  if (entry) return entry.v;
  const missing = findAttr(o, '__missing__');
  if (missing !== undefined) return call(missing, [k], null);
  throw new PyExc(keyError(k));
}

function keyError(k: PyValue): PyInstance {
  return pyError('KeyError', undefined, k).value;
}

export function setItem(o: PyValue, k: PyValue, v: PyValue): void {
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      mutate.listSplice(o, ...sliceSpan(o, k), toArray(v));
      return;
    }
    mutate.listSet(o, seqIndex(k, o.items.length, 'list assignment', 'list'), v);
    return;
  }
  if (o instanceof PyDict) {
    chargeHash();
    mutate.dictSet(o, k, v);
    return;
  }
  if (o instanceof PyInstance && instanceSetItem(o, k, v)) return;
  throw pyError('TypeError', `'${typeOf(o).name}' object does not support item assignment`);
}

/** o[k] = v of an instance: its __setitem__, or the dict or list a subclass of one holds. Apart, so setItem stays small. */
function instanceSetItem(o: PyInstance, k: PyValue, v: PyValue): boolean {
  if (o instanceof PyDerived && typeof o.builtin === 'object' && slot(o, '__setitem__') === undefined) {
    setItem(o.builtin, k, v);
    return true;
  }
  if (lookupType(o.type, '__setitem__') === undefined) return false;
  callMethod(o, '__setitem__', [k, v]);
  return true;
}

function sliceSpan(o: PyList, k: PySlice): [number, number] {
  const [start, stop, step] = sliceIndices(k, o.items.length);
  if (step !== 1) throw pyError('ValueError', 'extended slice assignment is not supported here');
  return [start, Math.max(0, stop - start)];
}

export function delItem(o: PyValue, k: PyValue): void {
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      mutate.listSplice(o, ...sliceSpan(o, k), []);
      return;
    }
    mutate.listSplice(o, seqIndex(k, o.items.length, 'list assignment', 'list'), 1, []);
    return;
  }
  if (o instanceof PyDict) {
    const entry = dictEntry(o, k);
    if (!entry) throw new PyExc(keyError(k));
    // The key as the dict holds it: found again by identity, without another __eq__.
    mutate.dictDelete(o, entry.k);
    return;
  }
  if (o instanceof PyInstance && instanceDelItem(o, k)) return;
  throw pyError('TypeError', `'${typeOf(o).name}' object doesn't support item deletion`);
}

function instanceDelItem(o: PyInstance, k: PyValue): boolean {
  if (o instanceof PyDerived && typeof o.builtin === 'object' && slot(o, '__delitem__') === undefined) {
    delItem(o.builtin, k);
    return true;
  }
  if (lookupType(o.type, '__delitem__') === undefined) return false;
  callMethod(o, '__delitem__', [k]);
  return true;
}

export function contains(container: PyValue, item: PyValue): boolean {
  if (container instanceof PyDict) return dictEntry(container, item) !== undefined;
  if (container instanceof PySet) {
    // setHas, inlined: a miss of a set without an index costs two checks more than the Map's.
    const k = hashKey(item);
    const t = container.map;
    return t.has(k) || ((t.index !== null || isCustom(k)) && findKey(t, k, item) !== undefined);
  }
  if (container instanceof PyDictView) return viewContains(container, item);
  if (container instanceof PyBytes) return bytesContains(container, item);
  if (typeof container === 'string') {
    if (typeof item !== 'string')
      throw pyError('TypeError', `'in <string>' requires string as left operand, not ${typeOf(item).name}`);
    return container.includes(item);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    for (const x of container.items) if (x === item || equals(x, item)) return true;
    return false;
  }
  if (container instanceof PyRange) {
    if (typeof item !== 'number') return false;
    const { start, step } = container;
    const i = (item - start) / step;
    return Number.isInteger(i) && i >= 0 && i < container.length;
  }
  if ((container instanceof PyInstance || container instanceof PyType) && slot(container, '__contains__') !== undefined)
    return truthy(call(slot(container, '__contains__')!, [container, item], null));
  if (container instanceof PyDerived) return contains(container.builtin, item);
  if (!isIterable(container))
    throw pyError('TypeError', `argument of type '${typeOf(container).name}' is not iterable`);
  const it = iterate(container);
  for (let x = it.next(); x !== undefined; x = it.next()) if (equals(x, item)) return true;
  return false;
}

export function len(o: PyValue): number {
  if (typeof o === 'string') return cpLength(o);
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (o instanceof PyDict || o instanceof PySet) return o.map.size;
  if (o instanceof PyRange) {
    if (o.exactStop !== null && o.length > 0)
      throw pyError('OverflowError', 'Python int too large to convert to C ssize_t');
    return o.length;
  }
  if (o instanceof PyBytes) return o.data.length;
  if (o instanceof PyDictView) return o.dict.map.size;
  if (o instanceof PyDerived && slot(o, '__len__') === undefined) return len(o.builtin);
  const lenSlot = slot(o, '__len__');
  if (lenSlot !== undefined) {
    const n = call(lenSlot, [o], null);
    if (typeof n !== 'number')
      throw pyError('TypeError', `'${typeOf(n).name}' object cannot be interpreted as an integer`);
    return n;
  }
  throw pyError('TypeError', `object of type '${typeOf(o).name}' has no len()`);
}
