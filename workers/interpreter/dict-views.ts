// dict.keys(), dict.values(), dict.items(): live views of a dict, iterable again and again,
// with len, in, reversed and (for keys and items) the set operators, as CPython's dictobject.c has them.
import { dictEntry, equals, isSubset } from './compare';
import { pyError } from './errors';
import { PyDict, PyObject, PySet, PyTuple, types, type PyType, type PyValue } from './objects';
import * as ops from './set-ops';

export type ViewKind = 'keys' | 'values' | 'items';

export class PyDictView extends PyObject {
  constructor(
    readonly dict: PyDict,
    readonly kind: ViewKind,
  ) {
    super();
  }
  get cls(): PyType {
    return this.kind === 'keys' ? types.dict_keys : this.kind === 'values' ? types.dict_values : types.dict_items;
  }
}

function item(view: PyDictView, e: { k: PyValue; v: PyValue }): PyValue {
  return view.kind === 'keys' ? e.k : view.kind === 'values' ? e.v : new PyTuple([e.k, e.v]);
}

/** The view's items, newest-last; raises as CPython does if the dict changes size meanwhile. */
export function* viewItems(view: PyDictView, reverse = false): Generator<PyValue> {
  const map = view.dict.map;
  const size = map.size;
  const entries = reverse ? [...map.values()].reverse() : map.values();
  for (const e of entries) {
    if (map.size !== size) throw pyError('RuntimeError', 'dictionary changed size during iteration');
    yield item(view, e);
  }
  if (map.size !== size) throw pyError('RuntimeError', 'dictionary changed size during iteration');
}

export function viewContains(view: PyDictView, v: PyValue): boolean {
  if (view.kind === 'keys') return dictEntry(view.dict, v) !== undefined;
  if (view.kind === 'items') {
    if (!(v instanceof PyTuple) || v.items.length !== 2) return false;
    const e = dictEntry(view.dict, v.items[0]);
    return e !== undefined && equals(e.v, v.items[1]);
  }
  for (const e of view.dict.map.values()) if (e.v === v || equals(e.v, v)) return true;
  return false;
}

/** keys and items views order like sets; values views are only equal to themselves. */
export function viewEquals(a: PyValue, b: PyValue): boolean | undefined {
  const setLike = (v: PyValue) => (v instanceof PyDictView && v.kind !== 'values') || v instanceof PySet;
  if (!(a instanceof PyDictView || b instanceof PyDictView)) return undefined;
  if (!setLike(a) || !setLike(b)) return a === b;
  const x = asSet(a);
  const y = asSet(b);
  return x.map.size === y.map.size && isSubset(x, y);
}

function asSet(v: PyValue): PySet {
  return v instanceof PySet ? v : ops.setFrom(v, false);
}

/** keys() & x, | x, - x, ^ x: a new set, built as _PyDictView_Intersect and friends build it. */
export function viewSetOp(op: '&' | '|' | '-' | '^', a: PyValue, b: PyValue): PySet | undefined {
  const isView = (v: PyValue) => v instanceof PyDictView && v.kind !== 'values';
  if (!isView(a) && !isView(b)) return undefined;
  const [left, right] = isView(a) ? [a, b] : [b, a];
  switch (op) {
    case '&':
      return ops.intersection(ops.setFrom(left, false), right);
    case '|': {
      const out = ops.setFrom(left, false);
      ops.update(out, right);
      return out;
    }
    case '-': {
      const out = ops.setFrom(a, false);
      ops.differenceUpdate(out, b);
      return out;
    }
    case '^': {
      const out = ops.setFrom(left, false);
      ops.symmetricDifferenceUpdate(out, right);
      return out;
    }
  }
}
