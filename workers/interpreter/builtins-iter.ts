// The builtins that walk iterables: min, max, sum, sorted, reversed, enumerate, zip, map, filter,
// any, all, iter and next.
import { call, callMethod, findAttr } from './attributes';
import { compare, equals, truthy } from './compare';
import { exceptions, pyError, PyExc } from './errors';
import { PyGenerator, stopIteration } from './generators';
import { len } from './items';
import { iterate, iteratorType, JsIterator, PyIterator, toArray, viewIteratorType } from './iteration';
import { arity, charge, clinicArity, kwarg, onlyKwargs, unpackArity } from './native';
import {
  PyBoundMethod,
  PyBuiltin,
  PyDerived,
  PyFunction,
  PyObject,
  PyDict,
  PyInstance,
  PyList,
  PyRange,
  PyTuple,
  PyType,
  slot,
  lookupType,
  typeOf,
  type Kwargs,
  type NativeFn,
  type PyValue,
} from './objects';
import { asIndex, binaryOp } from './operators';
import { PyDictView, viewItems } from './dict-views';
import { sortValues } from './sort';

export function initIterationBuiltins(fn: (name: string, f: NativeFn) => void): void {
  fn('min', (args, kwargs) => extreme('min', args, kwargs, '<'));
  fn('max', (args, kwargs) => extreme('max', args, kwargs, '>'));
  fn('sum', (args, kwargs) => {
    if (args.length === 0) throw pyError('TypeError', 'sum() takes at least 1 positional argument (0 given)');
    clinicArity('sum', args, ['iterable', 'start'], 1);
    let total: PyValue = args.length > 1 ? args[1] : (kwarg(kwargs, 'start', 0) as PyValue);
    if (typeof total === 'string') throw pyError('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
    const it = iterate(args[0]);
    let n = 0;
    for (let v = it.next(); v !== undefined; v = it.next(), n++) total = binaryOp('+', total, v);
    charge(n);
    return total;
  });
  fn('sorted', (args, kwargs) => {
    unpackArity('sorted', args, 1);
    onlyKwargs('sorted', kwargs, ['key', 'reverse']);
    const items = toArray(args[0]);
    sortValues(items, kwarg(kwargs, 'key', null), truthy(kwarg(kwargs, 'reverse', false)));
    return new PyList(items);
  });
  fn('reversed', (args) => {
    unpackArity('reversed', args, 1);
    return reversed(args[0]);
  });
  const reversed = (v: PyValue): PyValue => {
    if (v instanceof PyList || v instanceof PyTuple || typeof v === 'string' || v instanceof PyRange)
      return new JsIterator(
        toArray(v).reverse()[Symbol.iterator](),
        iteratorType(v instanceof PyList ? 'list_reverseiterator' : v instanceof PyRange ? 'range_iterator' : 'reversed'),
      );
    if (v instanceof PyDict)
      return new JsIterator(viewItems(new PyDictView(v, 'keys'), true), iteratorType('dict_reversekeyiterator'));
    if (v instanceof PyDictView) return new JsIterator(viewItems(v, true), viewIteratorType(v, true));
    const reversedSlot = v instanceof PyInstance || v instanceof PyType ? slot(v, '__reversed__') : undefined;
    if (reversedSlot !== undefined) return call(reversedSlot, [v], null);
    // A dict or list subclass keeping dict's or list's __reversed__.
    if (v instanceof PyDerived && typeof v.builtin === 'object') return reversed(v.builtin);
    if (
      v instanceof PyInstance &&
      lookupType(v.type, '__len__') !== undefined &&
      lookupType(v.type, '__getitem__') !== undefined
    ) {
      const items: PyValue[] = [];
      for (let i = len(v) - 1; i >= 0; i--) items.push(callMethod(v, '__getitem__', [i]));
      return new JsIterator(items[Symbol.iterator](), iteratorType('reversed'));
    }
    throw pyError('TypeError', `'${typeOf(v).name}' object is not reversible`);
  };
  fn('enumerate', (args, kwargs) => {
    clinicArity('enumerate', args, ['iterable', 'start'], kwargs?.has('iterable') ? 0 : 1);
    let i = asIndex(args.length > 1 ? args[1] : kwarg(kwargs, 'start', 0));
    const it = iterate(args[0]);
    return new JsIterator(
      (function* () {
        for (let v = it.next(); v !== undefined; v = it.next()) yield new PyTuple([i++, v]);
      })(),
      iteratorType('enumerate'),
    );
  });
  fn('zip', (args, kwargs) => {
    const strict = truthy(kwarg(kwargs, 'strict', false));
    const its = args.map(iterate);
    return new JsIterator(
      (function* () {
        if (its.length === 0) return;
        for (;;) {
          const row: PyValue[] = [];
          for (const it of its) {
            const v = it.next();
            if (v === undefined) {
              if (strict && row.length > 0)
                throw pyError('ValueError', `zip() argument ${row.length + 1} is shorter than argument 1`);
              return;
            }
            row.push(v);
          }
          yield new PyTuple(row);
        }
      })(),
      iteratorType('zip'),
    );
  });
  fn('map', (args) => {
    if (args.length < 2) throw pyError('TypeError', 'map() must have at least two arguments.');
    const f = args[0];
    const its = args.slice(1).map(iterate);
    return new JsIterator(
      (function* () {
        for (;;) {
          const row: PyValue[] = [];
          for (const it of its) {
            const v = it.next();
            if (v === undefined) return;
            row.push(v);
          }
          yield call(f, row, null);
        }
      })(),
      iteratorType('map'),
    );
  });
  fn('filter', (args) => {
    arity('filter', args, 2);
    const [f, source] = args;
    const it = iterate(source);
    return new JsIterator(
      (function* () {
        for (let v = it.next(); v !== undefined; v = it.next())
          if (truthy(f === null ? v : call(f, [v], null))) yield v;
      })(),
      iteratorType('filter'),
    );
  });
  fn('any', (args) => {
    arity('any', args, 1);
    const it = iterate(args[0]);
    for (let v = it.next(); v !== undefined; v = it.next()) if (truthy(v)) return true;
    return false;
  });
  fn('all', (args) => {
    arity('all', args, 1);
    const it = iterate(args[0]);
    for (let v = it.next(); v !== undefined; v = it.next()) if (!truthy(v)) return false;
    return true;
  });
  fn('iter', (args) => {
    unpackArity('iter', args, 1, 2);
    if (args.length === 1) return iterate(args[0]);
    if (!isCallable(args[0])) throw pyError('TypeError', 'iter(v, w): v must be callable');
    return new CallableIterator(args[0], args[1]);
  });
  fn('next', (args) => {
    arity('next', args, 1, 2);
    const it = args[0];
    if (it instanceof PyGenerator) {
      const r = it.resume('send', null);
      if (!r.done) return r.value;
      if (args.length > 1) return args[1];
      throw stopIteration(r.value);
    }
    const v = it instanceof PyIterator ? it.next() : callNext(it);
    if (v !== undefined) return v;
    if (args.length > 1) return args[1];
    throw pyError('StopIteration');
  });
}

function isCallable(v: PyValue): boolean {
  if (v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyBoundMethod || v instanceof PyType) return true;
  return v instanceof PyObject && lookupType(typeOf(v), '__call__') !== undefined;
}

/** iter(callable, sentinel): calls until the result equals the sentinel (or StopIteration), then stays exhausted. */
class CallableIterator extends PyIterator {
  declare private f: PyValue | null;
  declare private readonly sentinel: PyValue;
  constructor(f: PyValue, sentinel: PyValue) {
    super();
    this.f = f;
    this.sentinel = sentinel;
  }
  override get cls(): PyType {
    return iteratorType('callable_iterator');
  }
  next(): PyValue | undefined {
    if (this.f === null) return undefined;
    let v: PyValue;
    try {
      v = call(this.f, [], null);
    } catch (e) {
      if (e instanceof PyExc && e.value.type.mro.includes(exceptions.StopIteration)) {
        this.f = null;
        return undefined;
      }
      throw e;
    }
    if (v === this.sentinel || equals(this.sentinel, v)) {
      this.f = null;
      return undefined;
    }
    return v;
  }
}

function callNext(it: PyValue): PyValue | undefined {
  const m = findAttr(it, '__next__');
  if (m === undefined) throw pyError('TypeError', `'${typeOf(it).name}' object is not an iterator`);
  try {
    return call(m, [], null);
  } catch (e) {
    if (
      e instanceof Object &&
      'value' in e &&
      (e as { value: { type: PyType } }).value.type === exceptions.StopIteration
    )
      return undefined;
    throw e;
  }
}

/** min() and max(): each item is compared with the best so far (item < best, item > best), as CPython's min_max does. */
function extreme(name: string, args: PyValue[], kwargs: Kwargs, op: '<' | '>'): PyValue {
  onlyKwargs(name, kwargs, ['key', 'default']);
  const key = kwarg(kwargs, 'key', null);
  const items = args.length === 1 ? toArray(args[0]) : args;
  if (args.length === 0) throw pyError('TypeError', `${name} expected at least 1 argument, got 0`);
  if (items.length === 0) {
    const d = kwargs?.get('default');
    if (d !== undefined) return d;
    throw pyError('ValueError', `${name}() arg is an empty sequence`);
  }
  charge(items.length);
  let best = items[0];
  let bestKey = key === null ? best : call(key, [best], null);
  for (let i = 1; i < items.length; i++) {
    const k = key === null ? items[i] : call(key, [items[i]], null);
    if (truthy(compare(op, k, bestKey))) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}
