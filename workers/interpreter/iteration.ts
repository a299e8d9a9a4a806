// Iterators: the for loop's view of every iterable (lists, ranges, strings, dicts, objects with __iter__).
import {
  lookupType,
  PyBytes,
  PyDict,
  PyDerived,
  PyInstance,
  PyList,
  PyObject,
  PyRange,
  PySet,
  PyTuple,
  PyType,
  type PyValue,
  typeOf,
  types,
  slot,
  slotsOf,
} from './objects';
import { exceptions, pyError, PyExc } from './errors';
import { call, callMethod } from './attributes';
import { PyDictView, viewItems } from './dict-views';

/** The builtin iterator types (list_iterator, map, callable_iterator …): what type() of an iterator shows. Their
 * __iter__ and __next__ are defined in types-containers.ts. */
const iteratorNames = [
  'list_iterator',
  'list_reverseiterator',
  'tuple_iterator',
  'str_iterator',
  'str_ascii_iterator',
  'bytes_iterator',
  'range_iterator',
  'longrange_iterator',
  'set_iterator',
  'dict_keyiterator',
  'dict_valueiterator',
  'dict_itemiterator',
  'dict_reversekeyiterator',
  'dict_reversevalueiterator',
  'dict_reverseitemiterator',
  'reversed',
  'map',
  'zip',
  'enumerate',
  'filter',
  'callable_iterator',
  'generator',
] as const;
export type IteratorName = (typeof iteratorNames)[number];
export const iteratorTypes = new Map<IteratorName, PyType>(
  iteratorNames.map((name) => {
    const t = new PyType(name, [types.object]);
    t.mro = [t, types.object];
    return [name, t];
  }),
);
export function iteratorType(name: IteratorName): PyType {
  return iteratorTypes.get(name) as PyType;
}
const listIteratorType = iteratorType('list_iterator');

/** An iterator; next() returns undefined when exhausted (StopIteration, without the exception). */
export abstract class PyIterator extends PyObject {
  abstract next(): PyValue | undefined;
  get cls(): PyType {
    return types.iterator;
  }
}

/** An iterator backed by a JavaScript iterator (dict views, zip, map, genexp …). */
export class JsIterator extends PyIterator {
  declare private readonly it: Iterator<PyValue>;
  declare private readonly type: PyType;
  constructor(it: Iterator<PyValue>, type: PyType = types.iterator) {
    super();
    this.it = it;
    this.type = type;
  }
  override get cls(): PyType {
    return this.type;
  }
  next(): PyValue | undefined {
    const r = this.it.next();
    return r.done ? undefined : r.value;
  }
}

/** A generator expression's iterator: type() says generator, its repr names <genexpr>. */
export class GenexpIterator extends JsIterator {
  constructor(
    it: Iterator<PyValue>,
    readonly qualname: string,
  ) {
    super(it, iteratorType('generator'));
  }
}

export class ListIterator extends PyIterator {
  declare private i: number;
  /** A list is read through, so that items appended while iterating are seen (as in CPython). */
  declare private readonly list: PyList | null;
  declare private readonly array: readonly PyValue[];
  declare private readonly type: PyType;
  constructor(items: readonly PyValue[] | PyList, type = listIteratorType) {
    super();
    this.i = 0;
    this.list = items instanceof PyList ? items : null;
    this.array = items instanceof PyList ? [] : items;
    this.type = type;
  }
  override get cls(): PyType {
    return this.type;
  }
  next(): PyValue | undefined {
    const items = this.list !== null ? this.list.items : this.array;
    return this.i < items.length ? items[this.i++] : undefined;
  }
}

export class RangeIterator extends PyIterator {
  declare private value: number;
  declare private left: number;
  declare private readonly step: number;
  constructor(range: PyRange, step = range.step, length = range.length) {
    super();
    this.value = range.start;
    this.left = length;
    this.step = step;
  }
  override get cls(): PyType {
    return iteratorType('range_iterator');
  }
  next(): PyValue | undefined {
    if (this.left <= 0) return undefined;
    this.left--;
    const v = this.value;
    this.value += this.step;
    return v;
  }
}

class StringIterator extends PyIterator {
  private readonly it: Iterator<string>;
  constructor(private readonly s: string) {
    super();
    this.it = s[Symbol.iterator]();
  }
  override get cls(): PyType {
    return iteratorType(/^[\0-\x7f]*$/.test(this.s) ? 'str_ascii_iterator' : 'str_iterator');
  }
  next(): PyValue | undefined {
    const r = this.it.next();
    return r.done ? undefined : r.value;
  }
}

/** An object whose class defines __next__. */
class ProtocolIterator extends PyIterator {
  constructor(private readonly obj: PyValue) {
    super();
  }
  next(): PyValue | undefined {
    try {
      return callMethod(this.obj, '__next__', []);
    } catch (e) {
      if (e instanceof PyExc && e.value.type.mro.includes(exceptions.StopIteration)) return undefined;
      throw e;
    }
  }
}

export function iterate(v: PyValue): PyIterator {
  if (v instanceof PyList) return new ListIterator(v);
  if (v instanceof PyTuple) return new ListIterator(v.items, iteratorType('tuple_iterator'));
  if (v instanceof PyRange) return new RangeIterator(v);
  if (typeof v === 'string') return new StringIterator(v);
  if (v instanceof PyIterator) return v;
  if (v instanceof PyDict) return new JsIterator(dictKeys(v), iteratorType('dict_keyiterator'));
  if (v instanceof PySet) return new JsIterator(setItems(v), iteratorType('set_iterator'));
  if (v instanceof PyDictView) return new JsIterator(viewItems(v), viewIteratorType(v, false));
  if (v instanceof PyBytes) return new ListIterator(Array.from(v.data), iteratorType('bytes_iterator'));
  if (v instanceof PyObject) {
    // An instance of a class, or a stand-in for another thread's iterator (heap-foreign.ts).
    const iter = v instanceof PyDerived ? slot(v, '__iter__') : lookupType(v.cls, '__iter__');
    if (iter !== undefined) {
      const it = call(iter, [v], null);
      if (it instanceof PyIterator) return it;
      if (lookupType(typeOf(it), '__next__') === undefined)
        throw pyError('TypeError', `iter() returned non-iterator of type '${typeOf(it).name}'`);
      return new ProtocolIterator(it);
    }
    if (v instanceof PyDerived) return iterate(v.builtin);
    if (v instanceof PyInstance && lookupType(v.type, '__getitem__') !== undefined)
      return new JsIterator(sequenceByIndex(v));
  }
  throw pyError('TypeError', `'${typeOf(v).name}' object is not iterable`);
}

/** The type of an iterator over a dict view: dict_keyiterator, dict_reversevalueiterator … */
export function viewIteratorType(v: PyDictView, reverse: boolean): PyType {
  const what = v.kind === 'keys' ? 'key' : v.kind === 'values' ? 'value' : 'item';
  return iteratorType(`dict_${reverse ? 'reverse' : ''}${what}iterator` as IteratorName);
}

function* sequenceByIndex(v: PyValue): Generator<PyValue> {
  for (let i = 0; ; i++) {
    try {
      yield callMethod(v, '__getitem__', [i]);
    } catch (e) {
      if (e instanceof PyExc && e.value.type.mro.includes(exceptions.IndexError)) return;
      throw e;
    }
  }
}

function* setItems(s: PySet): Generator<PyValue> {
  const size = s.map.size;
  for (const v of s.map.values()) {
    if (s.map.size !== size) throw pyError('RuntimeError', 'Set changed size during iteration');
    yield v;
  }
  if (s.map.size !== size) throw pyError('RuntimeError', 'Set changed size during iteration');
}

function* dictKeys(d: PyDict): Generator<PyValue> {
  const size = d.map.size;
  for (const entry of d.map.values()) {
    if (d.map.size !== size) throw pyError('RuntimeError', 'dictionary changed size during iteration');
    yield entry.k;
  }
}

/** Whether iter(v) would succeed (without calling anything). */
export function isIterable(v: PyValue): boolean {
  if (
    v instanceof PyList ||
    v instanceof PyTuple ||
    typeof v === 'string' ||
    v instanceof PyIterator ||
    v instanceof PyDict ||
    v instanceof PySet ||
    v instanceof PyRange ||
    v instanceof PyBytes ||
    v instanceof PyDictView
  )
    return true;
  if (v instanceof PyDerived) return slot(v, '__iter__') !== undefined || isIterable(v.builtin);
  const t = slotsOf(v);
  return t !== null && (lookupType(t, '__iter__') !== undefined || lookupType(t, '__getitem__') !== undefined);
}

/** All items of an iterable, as an array (lists and tuples are copied). */
export function toArray(v: PyValue): PyValue[] {
  if (v instanceof PyList) return v.items.slice();
  if (v instanceof PyTuple) return v.items.slice();
  const out: PyValue[] = [];
  const it = iterate(v);
  for (let x = it.next(); x !== undefined; x = it.next()) out.push(x);
  return out;
}
