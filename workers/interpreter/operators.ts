// Binary, in-place and unary operators, isinstance and index().
import {
  lookupType,
  NotImplemented,
  PyBytes,
  PyDict,
  PyFloat,
  builtinValue,
  PyDerived,
  PyInstance,
  PyList,
  PySet,
  PyTuple,
  PyType,
  type PyValue,
  typeOf,
  slot,
} from './objects';
import { pyError, type PyExc } from './errors';
import * as num from './numbers';
import { isIterable, toArray } from './iteration';
import { binaryDunder, dictCopy, dictSetKey, truthy } from './compare';
import { call, callMethod } from './attributes';
import { mutate } from './mutations';
import { viewSetOp } from './dict-views';
import { bytesPercent, fromLatin1, latin1 } from './types-bytes';
import {
  difference,
  differenceUpdate,
  intersection,
  intersectionUpdate,
  symmetricDifference,
  symmetricDifferenceUpdate,
  union,
  update,
} from './set-ops';

export type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '&' | '|' | '^' | '<<' | '>>' | '@';

const dunder: Record<BinOp, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'],
  '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'],
  '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'],
  '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'],
  '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'],
  '^': ['__xor__', '__rxor__', '__ixor__'],
  '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
};

let percent: ((template: string, values: PyValue) => string) | null = null;
export function setPercentFormat(f: (template: string, values: PyValue) => string): void {
  percent = f;
}

/** a op b; `symbol` is what an error calls the operator ("+=" for a += b). */
export function binaryOp(op: BinOp, a: PyValue, b: PyValue, symbol: string = op): PyValue {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': {
        const r = a + b;
        if (Number.isSafeInteger(r)) return r;
        break;
      }
      case '-': {
        const r = a - b;
        if (Number.isSafeInteger(r)) return r;
        break;
      }
      case '*': {
        const r = a * b;
        if (Number.isSafeInteger(r)) return r || 0;
        break;
      }
      default:
        break;
    }
  }
  if (num.isNum(a) && num.isNum(b)) return numericOp(op, a, b, symbol);
  const builtin = sequenceOp(op, a, b);
  if (builtin !== undefined) return builtin;
  const [method, rmethod] = dunder[op];
  const r = binaryDunder(method, rmethod, a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyDerived || b instanceof PyDerived) return binaryOp(op, builtinValue(a), builtinValue(b), symbol);
  throw unsupportedOperands(symbol, a, b);
}

export function unsupportedOperands(op: string, a: PyValue, b: PyValue): PyExc {
  return pyError(
    'TypeError',
    `unsupported operand type(s) for ${op === '**' ? '** or pow()' : op}: '${typeOf(a).name}' and '${typeOf(b).name}'`,
  );
}

function numericOp(op: BinOp, a: num.Num, b: num.Num, symbol: string): PyValue {
  switch (op) {
    case '+':
      return num.add(a, b);
    case '-':
      return num.sub(a, b);
    case '*':
      return num.mul(a, b);
    case '/':
      return num.truediv(a, b);
    case '//':
      return num.floordiv(a, b);
    case '%':
      return num.mod(a, b);
    case '**':
      return num.pow(a, b);
    case '@':
      break;
    default:
      if (a instanceof PyFloat || b instanceof PyFloat) break;
      return num.bitop(op, a as number, b as number);
  }
  throw unsupportedOperands(symbol, a, b);
}

function repeatCount(n: PyValue): number | null {
  if (typeof n === 'number') return Math.max(0, n);
  if (typeof n === 'boolean') return Number(n);
  if (typeof n === 'bigint') throw pyError('OverflowError', "cannot fit 'int' into an index-sized integer");
  return null;
}

/** The most items (or characters) a repetition may make: CPython would run out of memory long before. */
const MAX_REPEAT = 2 ** 28;

function checkedRepeat(length: number, n: number): number {
  if (length * n > MAX_REPEAT) throw pyError('MemoryError');
  return n;
}

function sequenceOp(op: BinOp, a: PyValue, b: PyValue): PyValue | undefined {
  switch (op) {
    case '+':
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (a instanceof PyList && b instanceof PyList) return new PyList(a.items.concat(b.items));
      if (a instanceof PyTuple && b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
      if (a instanceof PyBytes && b instanceof PyBytes) {
        const out = new Uint8Array(a.data.length + b.data.length);
        out.set(a.data);
        out.set(b.data, a.data.length);
        return new PyBytes(out);
      }
      if (a instanceof PyBytes && !(b instanceof PyInstance))
        throw pyError('TypeError', `can't concat ${typeOf(b).name} to bytes`);
      if (typeof a === 'string' || typeof b === 'string') {
        if (typeof a === 'string' && !(b instanceof PyInstance))
          throw pyError('TypeError', `can only concatenate str (not "${typeOf(b).name}") to str`);
      }
      if (a instanceof PyList && !(b instanceof PyInstance))
        throw pyError('TypeError', `can only concatenate list (not "${typeOf(b).name}") to list`);
      if (a instanceof PyTuple && !(b instanceof PyInstance))
        throw pyError('TypeError', `can only concatenate tuple (not "${typeOf(b).name}") to tuple`);
      return undefined;
    case '*': {
      const [seq, n] = num.isNum(a) ? [b, repeatCount(a)] : [a, repeatCount(b)];
      if (n === null) {
        const other = isSequence(a) ? b : isSequence(b) ? a : undefined;
        if (other !== undefined && !(other instanceof PyInstance))
          throw pyError('TypeError', `can't multiply sequence by non-int of type '${typeOf(other).name}'`);
        return undefined;
      }
      if (typeof seq === 'string') return seq.repeat(checkedRepeat(seq.length, n));
      if (seq instanceof PyList) return new PyList(repeat(seq.items, checkedRepeat(seq.items.length, n)));
      if (seq instanceof PyTuple) return new PyTuple(repeat(seq.items, checkedRepeat(seq.items.length, n)));
      if (seq instanceof PyBytes) return fromLatin1(latin1(seq.data).repeat(checkedRepeat(seq.data.length, n)));
      return undefined;
    }
    case '%':
      if (typeof a === 'string') return percent!(a, b);
      if (a instanceof PyBytes) return bytesPercent(a, b, percent!);
      return undefined;
    case '|':
      if (a instanceof PyDict && b instanceof PyDict) {
        // dict_merge: the left dict's keys stay, taking the right one's values.
        const d = dictCopy(a);
        for (const [k, e] of b.map) dictSetKey(d, k, e.k, e.v);
        return d;
      }
      if (a instanceof PySet && b instanceof PySet) return union(a, [b]);
      return viewSetOp('|', a, b);
    case '&':
      if (a instanceof PySet && b instanceof PySet) return intersection(a, b);
      return viewSetOp('&', a, b);
    case '-':
      if (a instanceof PySet && b instanceof PySet) return difference(a, b);
      return viewSetOp('-', a, b);
    case '^':
      if (a instanceof PySet && b instanceof PySet) return symmetricDifference(a, b);
      return viewSetOp('^', a, b);
      return undefined;
    default:
      return undefined;
  }
}

function isSequence(v: PyValue): boolean {
  return typeof v === 'string' || v instanceof PyList || v instanceof PyTuple || v instanceof PyBytes;
}

function repeat<T>(items: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) for (const x of items) out.push(x);
  return out;
}

/** a op= b: lists, dicts and sets change in place; everything else rebinds. */
export function inplaceOp(op: BinOp, a: PyValue, b: PyValue): PyValue {
  if (a instanceof PyList && op === '+') {
    const items = toArray(b);
    mutate.listSplice(a, a.items.length, 0, items);
    return a;
  }
  if (a instanceof PyList && op === '*') {
    const n = repeatCount(b);
    if (n !== null) {
      mutate.listReplace(a, repeat(a.items, checkedRepeat(a.items.length, n)));
      return a;
    }
  }
  if (a instanceof PyDict && op === '|') {
    for (const [k, v] of itemsOf(b)) mutate.dictSet(a, k, v);
    return a;
  }
  if (a instanceof PySet && !a.frozen && b instanceof PySet && (op === '|' || op === '&' || op === '-' || op === '^')) {
    if (op === '|') update(a, b);
    else if (op === '&') intersectionUpdate(a, b);
    else if (op === '-') differenceUpdate(a, b);
    else symmetricDifferenceUpdate(a, b);
    return a;
  }
  if (a instanceof PyInstance) {
    const f = slot(a, dunder[op][2]);
    if (f !== undefined) {
      const r = call(f, [a, b], null);
      if (r !== NotImplemented) return r;
    }
    // A list or dict subclass keeping list's += and *= or dict's |= changes in place and stays itself.
    if (a instanceof PyDerived && (a.builtin instanceof PyList ? op === '+' || op === '*' : a.builtin instanceof PyDict && op === '|')) {
      const r = inplaceOp(op, a.builtin, b);
      return r === a.builtin ? a : r;
    }
  }
  return binaryOp(op, a, b, `${op}=`);
}

/** {**m}: the (key, value) pairs of a mapping other than a plain dict (a dict subclass, anything with keys()). */
export function mappingItems(m: PyValue): [PyValue, PyValue][] {
  if (m instanceof PyInstance && lookupType(m.type, 'keys') !== undefined) return itemsOf(m);
  throw pyError('TypeError', `'${typeOf(m).name}' object is not a mapping`);
}

/** (key, value) pairs of a mapping or an iterable of pairs. */
export function itemsOf(v: PyValue): [PyValue, PyValue][] {
  if (v instanceof PyDict) return [...v.map.values()].map((e) => [e.k, e.v]);
  // A dict subclass is read as a dict unless it changes how it iterates (CPython's dict_merge).
  if (v instanceof PyDerived && v.builtin instanceof PyDict && slot(v, '__iter__') === undefined) return itemsOf(v.builtin);
  // A mapping as CPython's dict.update takes one: anything with keys(), read with [].
  if (v instanceof PyInstance && lookupType(v.type, 'keys') !== undefined)
    return toArray(callMethod(v, 'keys', [])).map((k) => [k, callMethod(v, '__getitem__', [k])]);
  return toArray(v).map((pair, i) => {
    if (!isIterable(pair))
      throw pyError('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
    const kv = toArray(pair);
    if (kv.length !== 2)
      throw pyError('ValueError', `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
    return [kv[0], kv[1]];
  });
}

export function unaryOp(op: '-' | '+' | '~' | 'not', v: PyValue): PyValue {
  if (op === 'not') return !truthy(v);
  if (num.isNum(v)) {
    if (op === '-') return num.neg(v);
    if (op === '+') return typeof v === 'boolean' ? Number(v) : v;
    if (v instanceof PyFloat) throw pyError('TypeError', "bad operand type for unary ~: 'float'");
    return num.invert(v);
  }
  const method = op === '-' ? '__neg__' : op === '+' ? '__pos__' : '__invert__';
  if (v instanceof PyInstance && slot(v, method) !== undefined) return callMethod(v, method, []);
  if (v instanceof PyDerived) return unaryOp(op, v.builtin);
  throw pyError('TypeError', `bad operand type for unary ${op}: '${typeOf(v).name}'`);
}

export function isInstance(v: PyValue, t: PyValue): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => isInstance(v, x));
  if (!(t instanceof PyType))
    throw pyError('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
  return typeOf(v).mro.includes(t);
}

/** index(): ints and bools as a JavaScript number (for ranges, repeats, indices). */
export function asIndex(v: PyValue, what = 'an integer'): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyDerived && typeof v.builtin !== 'string') return asIndex(v.builtin, what);
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') throw pyError('OverflowError', 'Python int too large to convert to C ssize_t');
  throw pyError('TypeError', `'${typeOf(v).name}' object cannot be interpreted as ${what}`);
}
