// list, tuple, dict, set, frozenset, range, generator and coroutine: constructors and methods.
// Every change goes through `mutate`, so that objects other threads see stay in step.
import { sortValues } from './sort';
import { dictCopy, dictEntry, dictGet, equals, newDict, setName, truthy } from './compare';
import { pyError, PyExc } from './errors';
import { PyGenerator } from './generators';
import { contains, delItem, getItem, len, seqIndex, setItem } from './items';
import { pyRepr } from './text';
import { registerType } from './heap-types';
import { iterate, iteratorTypes, toArray } from './iteration';
import { mutate } from './mutations';
import { arity, charge, chargedMethods, defineMethod, kwarg, onlyKwargs, toInt } from './native';
import {
  builtinValue,
  NotImplemented,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyList,
  PyProperty,
  PyRange,
  PyTuple,
  typeOf,
  types,
  type PyType,
  type PyValue,
} from './objects';
import { asIndex, itemsOf } from './operators';
import { exceptionToRaise } from './compile-try';
import { initSetTypes } from './types-set';
import { PyDictView } from './dict-views';

function indexOf(items: readonly PyValue[], v: PyValue, args: PyValue[], what: string): number {
  const n = items.length;
  let start = args.length > 1 ? asIndex(args[1]) : 0;
  let stop = args.length > 2 ? asIndex(args[2]) : n;
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop += n;
  for (let i = start; i < Math.min(stop, n); i++) if (items[i] === v || equals(items[i], v)) return i;
  throw pyError('ValueError', what);
}

function count(items: readonly PyValue[], v: PyValue): number {
  let n = 0;
  for (const x of items) if (x === v || equals(x, v)) n++;
  return n;
}

/** range(start, stop, step); a stop too large for a double-exact int is clamped (the loop ends long before). */
function makeRange(start: number, stop: PyValue, step: number): PyRange {
  if (typeof stop !== 'bigint') return new PyRange(start, toInt(stop, 'range'), step);
  const r = new PyRange(start, stop > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER, step);
  r.exactStop = stop;
  return r;
}

/**
 * list's and dict's special methods as attributes, for super().__getitem__(k) and the like in a
 * subclass (the interpreter runs d[k], len(d)… natively, without looking these up).
 */
function containerDunders(t: PyType): void {
  defineMethod(t, '__getitem__', (self, a) => getItem(self, a[0]));
  defineMethod(t, '__setitem__', (self, a) => {
    setItem(self, a[0], a[1]);
    return null;
  });
  defineMethod(t, '__delitem__', (self, a) => {
    delItem(self, a[0]);
    return null;
  });
  defineMethod(t, '__contains__', (self, a) => contains(self, a[0]));
  defineMethod(t, '__len__', (self) => len(self));
  defineMethod(t, '__iter__', (self) => iterate(self));
  defineMethod(t, '__repr__', (self) => pyRepr(self));
  // dict.__eq__(self, other) as an OrderedDict's __eq__ calls it: NotImplemented for other types.
  const same = (v: PyValue) => typeOf(builtinValue(v)) === t;
  defineMethod(t, '__eq__', (self, a) => (same(a[0]) ? equals(self, builtinValue(a[0])) : NotImplemented));
  defineMethod(t, '__ne__', (self, a) => (same(a[0]) ? !equals(self, builtinValue(a[0])) : NotImplemented));
}

export function initContainerTypes(): void {
  const { list, tuple, dict, range } = types;

  list.construct = (_cls, args) => {
    arity('list', args, 0, 1);
    const items = args.length ? toArray(args[0]) : [];
    charge(items.length);
    return new PyList(items);
  };
  const lm = chargedMethods<PyList>(list, () => 0);
  const append = (l: PyList, v: PyValue): PyValue => {
    mutate.listAppend(l, v);
    return null;
  };
  lm(
    'append',
    (l, a) => {
      arity('list.append', a, 1);
      return append(l, a[0]);
    },
    append,
  );
  lm('extend', (l, a) => {
    const items = toArray(a[0]);
    charge(items.length);
    mutate.listSplice(l, l.items.length, 0, items);
    return null;
  });
  lm('insert', (l, a) => {
    arity('list.insert', a, 2);
    let i = asIndex(a[0]);
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    mutate.listSplice(l, Math.min(i, n), 0, [a[1]]);
    return null;
  });
  lm('pop', (l, a) => {
    arity('list.pop', a, 0, 1);
    if (l.items.length === 0) throw pyError('IndexError', 'pop from empty list');
    const i = a.length ? seqIndex(a[0], l.items.length, 'pop') : l.items.length - 1;
    const v = l.items[i];
    mutate.listSplice(l, i, 1, []);
    return v;
  });
  lm('remove', (l, a) => {
    const i = indexOf(l.items, a[0], [a[0]], 'list.remove(x): x not in list');
    mutate.listSplice(l, i, 1, []);
    return null;
  });
  lm('clear', (l) => {
    mutate.listReplace(l, []);
    return null;
  });
  lm('copy', (l) => new PyList(l.items.slice()));
  lm('count', (l, a) => count(l.items, a[0]));
  lm('index', (l, a) =>
    indexOf(l.items, a[0], a, `${typeof a[0] === 'string' ? `'${a[0]}'` : String(a[0])} is not in list`),
  );
  lm('reverse', (l) => {
    mutate.listReplace(l, l.items.slice().reverse());
    return null;
  });
  lm('sort', (l, a, kw) => {
    onlyKwargs('sort', kw, ['key', 'reverse']);
    if (a.length) throw pyError('TypeError', 'sort() takes no positional arguments');
    const items = l.items.slice();
    sortValues(items, kwarg(kw, 'key', null), truthy(kwarg(kw, 'reverse', false)));
    mutate.listReplace(l, items);
    return null;
  });

  lm('__init__', (l, a) => {
    arity('list', a, 0, 1);
    mutate.listReplace(l, a.length ? toArray(a[0]) : []);
    return null;
  });
  containerDunders(list);

  tuple.construct = (_cls, args) => {
    arity('tuple', args, 0, 1);
    return new PyTuple(args.length ? toArray(args[0]) : []);
  };
  defineMethod(tuple, 'count', (self, a) => count((self as PyTuple).items, a[0]));
  defineMethod(tuple, 'index', (self, a) =>
    indexOf((self as PyTuple).items, a[0], a, 'tuple.index(x): x not in tuple'),
  );

  dict.construct = (_cls, args, kwargs) => {
    arity('dict', args, 0, 1);
    const d =
      args.length === 0 ? new PyDict() : args[0] instanceof PyDict ? dictCopy(args[0]) : newDict(itemsOf(args[0]));
    if (kwargs) for (const [k, v] of kwargs) setName(d, k, v);
    return d;
  };
  const dm = chargedMethods<PyDict>(dict, () => 0);
  dm(
    'get',
    (d, a) => {
      arity('dict.get', a, 1, 2);
      return dictGet(d, a[0]) ?? (a.length > 1 ? a[1] : null);
    },
    (d, k) => dictGet(d, k) ?? null,
  );
  dm('keys', (d) => new PyDictView(d, 'keys'));
  dm('values', (d) => new PyDictView(d, 'values'));
  dm('items', (d) => new PyDictView(d, 'items'));
  dm('pop', (d, a) => {
    arity('dict.pop', a, 1, 2);
    const entry = dictEntry(d, a[0]);
    if (entry === undefined) {
      if (a.length > 1) return a[1];
      throw pyError('KeyError', undefined, a[0]);
    }
    // The key as the dict holds it: found again by identity, without another __eq__.
    mutate.dictDelete(d, entry.k);
    return entry.v;
  });
  dm('popitem', (d) => {
    const last = [...d.map.values()].pop();
    if (!last) throw pyError('KeyError', 'popitem(): dictionary is empty');
    mutate.dictDelete(d, last.k);
    return new PyTuple([last.k, last.v]);
  });
  dm('setdefault', (d, a) => {
    const v = dictGet(d, a[0]);
    if (v !== undefined) return v;
    const dflt = a.length > 1 ? a[1] : null;
    mutate.dictSet(d, a[0], dflt);
    return dflt;
  });
  dm('update', (d, a, kw) => {
    const pairs = a.length ? itemsOf(a[0]) : [];
    charge(pairs.length);
    for (const [k, v] of pairs) mutate.dictSet(d, k, v);
    if (kw) for (const [k, v] of kw) mutate.dictSet(d, k, v);
    return null;
  });
  dm('__init__', (d, a, kw) => {
    arity('dict', a, 0, 1);
    const pairs = a.length ? itemsOf(a[0]) : [];
    charge(pairs.length);
    for (const [k, v] of pairs) mutate.dictSet(d, k, v);
    if (kw) for (const [k, v] of kw) mutate.dictSet(d, k, v);
    return null;
  });
  containerDunders(dict);
  dm('clear', (d) => {
    mutate.dictClear(d);
    return null;
  });
  dm('copy', (d) => dictCopy(d));
  // A classmethod: called through the class or an instance, it receives the class first.
  setName(
    dict.dict,
    'fromkeys',
    new PyClassMethod(new PyBuiltin('fromkeys', (a) => newDict(toArray(a[1]).map((k) => [k, a[2] ?? null])), 'dict')),
  );

  initSetTypes();

  range.construct = (_cls, args) => {
    arity('range', args, 1, 3);
    const [start, stop, step] = args.length === 1 ? [0, args[0], 1] : [args[0], args[1], args.length > 2 ? args[2] : 1];
    const c = toInt(step, 'range');
    if (c === 0) throw pyError('ValueError', 'range() arg 3 must not be zero');
    return makeRange(toInt(start, 'range'), stop, c);
  };
  defineMethod(range, 'index', (self, a) => {
    const r = self as PyRange;
    if (!contains(r, a[0])) throw pyError('ValueError', `${String(a[0])} is not in range`);
    return ((a[0] as number) - r.start) / r.step;
  });
  for (const field of ['start', 'stop', 'step'] as const)
    setName(range.dict, field, new PyProperty(new PyBuiltin(field, (args) => (args[0] as PyRange)[field], 'range')));
  defineMethod(range, 'count', (self, a) => (contains(self as PyRange, a[0]) ? 1 : 0));

  for (const t of [types.generator, types.coroutine]) {
    defineMethod(t, 'send', (self, a) => (self as PyGenerator).send(a[0] ?? null));
    defineMethod(t, 'throw', (self, a) => {
      const e = a[0];
      return (self as PyGenerator).throw(e instanceof PyExc ? e : new PyExc(exceptionToRaise(e)));
    });
    defineMethod(t, 'close', (self) => {
      (self as PyGenerator).close();
      return null;
    });
  }
  defineMethod(types.generator, '__next__', (self) => (self as PyGenerator).send(null));
  defineMethod(types.generator, '__iter__', (self) => self);
  // Known by name to every thread (a stand-in for another thread's iterator has its type); a
  // generator expression's stands in as a generator.
  for (const t of iteratorTypes.values()) if (t.name !== 'generator') registerType(t);
  for (const t of [types.iterator, ...iteratorTypes.values()]) {
    defineMethod(t, '__iter__', (self) => self);
    defineMethod(t, '__next__', (self) => {
      const v = iterate(self).next();
      if (v === undefined) throw pyError('StopIteration');
      return v;
    });
  }
  defineMethod(types.coroutine, '__await__', (self) => self);
}
