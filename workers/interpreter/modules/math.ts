// math: the functions and constants the lesson's programs use, with CPython's domain errors.
import { setName } from '../compare';
import { exceptions, pyError, PyExc } from '../errors';
import { arity, charge, defineFunction, defineUnary, float, toFloat } from '../native';
import * as dd from '../dd-math';
import * as num from '../numbers';
import { big, normInt, PyFloat, PyModule, type PyValue } from '../objects';
import { asIndex } from '../operators';

function domain(ok: boolean): void {
  if (!ok) throw pyError('ValueError', 'math domain error');
}

export function makeMath(): PyModule {
  const m = new PyModule('math', true);
  const d = m.dict;
  const unary = (name: string, f: (x: number) => number, valid: (x: number) => boolean = () => true) =>
    defineUnary(
      d,
      name,
      (arg) => {
        charge();
        const x = toFloat(arg);
        domain(valid(x));
        const r = f(x);
        if (!Number.isFinite(r) && Number.isFinite(x)) {
          if (Number.isNaN(r)) domain(false);
          throw pyError('OverflowError', 'math range error');
        }
        return float(r);
      },
      'math',
    );
  // libm's results, bit for bit in nearly every case (dd-math.ts); JavaScript's where they already agree.
  unary('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
  unary('exp', dd.exp);
  unary('sin', dd.sin, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('cos', dd.cos, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('tan', dd.tan, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('asin', dd.asin, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
  unary('acos', dd.acos, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
  unary('atan', dd.atan);
  unary('sinh', dd.sinh);
  unary('cosh', dd.cosh);
  unary('tanh', Math.tanh);
  unary('fabs', Math.abs);
  unary('log2', dd.log2, (x) => x > 0 || Number.isNaN(x));
  unary('log10', dd.log10, (x) => x > 0 || Number.isNaN(x));
  unary('log1p', Math.log1p, (x) => x > -1 || Number.isNaN(x));
  unary('expm1', Math.expm1);
  // Modules/mathmodule.c multiplies by one constant: x * (180 / pi).
  unary('degrees', (x) => x * (180 / Math.PI));
  unary('radians', (x) => x * (Math.PI / 180));
  defineFunction(d, 'log', (args) => {
    arity('log', args, 1, 2);
    charge();
    const x = toFloat(args[0]);
    domain(x > 0 || Number.isNaN(x));
    if (args.length === 1) return float(dd.log(x));
    const base = toFloat(args[1]);
    domain(base > 0 || Number.isNaN(base));
    if (base === 1) throw pyError('ZeroDivisionError', 'float division by zero');
    return float(dd.log(x) / dd.log(base));
  }, 'math');
  defineFunction(d, 'atan2', (args) => {
    arity('atan2', args, 2);
    charge();
    return float(dd.atan2(toFloat(args[0]), toFloat(args[1])));
  }, 'math');
  defineFunction(d, 'hypot', (args) => {
    charge(args.length);
    return float(dd.hypot(args.map((a) => toFloat(a))));
  }, 'math');
  defineFunction(d, 'pow', (args) => {
    arity('pow', args, 2);
    charge();
    return float(mathPow(toFloat(args[0]), toFloat(args[1])));
  }, 'math');
  const rounding = (name: string, f: (x: number) => number) =>
    defineFunction(d, name, (args) => {
      arity(name, args, 1);
      const v = args[0];
      if (typeof v === 'number' || typeof v === 'bigint') return v;
      return num.floatToInt(f(toFloat(v)));
    }, 'math');
  rounding('floor', Math.floor);
  rounding('ceil', Math.ceil);
  rounding('trunc', Math.trunc);
  defineFunction(d, 'factorial', (args) => {
    const n = asIndex(args[0]);
    if (n < 0) throw pyError('ValueError', 'factorial() not defined for negative values');
    let r = 1n;
    for (let i = 2n; i <= BigInt(n); i++) r *= i;
    charge(n);
    return normInt(r);
  }, 'math');
  defineFunction(d, 'gcd', (args) => {
    let g = 0n;
    for (const a of args) {
      let x = big(a as number);
      if (x < 0n) x = -x;
      let y = g;
      while (y) [x, y] = [y, x % y];
      g = x;
    }
    return normInt(g);
  }, 'math');
  defineFunction(d, 'isqrt', (args) => {
    const n = typeof args[0] === 'bigint' ? args[0] : big(asIndex(args[0]));
    if (n < 0n) throw pyError('ValueError', 'isqrt() argument must be nonnegative');
    const approx = Math.sqrt(Number(n));
    // Past 2**1024 the float square root is Infinity: Newton's method from a power of two above the root.
    let x = Number.isFinite(approx) ? BigInt(Math.floor(approx)) : 1n << BigInt(Math.ceil(n.toString(2).length / 2));
    if (!Number.isFinite(approx))
      for (let y = (x + n / x) >> 1n; y < x; y = (x + n / x) >> 1n) x = y;
    while (x * x > n) x--;
    while ((x + 1n) * (x + 1n) <= n) x++;
    return normInt(x);
  }, 'math');
  defineFunction(d, 'isclose', (args, kwargs) => {
    const [a, b] = [toFloat(args[0]), toFloat(args[1])];
    const rel = kwargs?.get('rel_tol') ?? new PyFloat(1e-9);
    const abs = kwargs?.get('abs_tol') ?? new PyFloat(0);
    return a === b || Math.abs(a - b) <= Math.max(toFloat(rel) * Math.max(Math.abs(a), Math.abs(b)), toFloat(abs));
  }, 'math');
  defineFunction(d, 'isnan', (args) => Number.isNaN(toFloat(args[0])), 'math');
  defineFunction(d, 'isinf', (args) => Math.abs(toFloat(args[0])) === Infinity, 'math');
  defineFunction(d, 'isfinite', (args) => Number.isFinite(toFloat(args[0])), 'math');
  defineFunction(d, 'fsum', (args) => float(fsum(toArrayNumbers(args[0]))), 'math');
  defineFunction(d, 'prod', (args) => {
    let r: PyValue = 1;
    for (const v of toArrayValues(args[0])) r = num.mul(r as num.Num, v as num.Num);
    return r;
  }, 'math');
  defineFunction(d, 'comb', (args) => {
    const [n, k] = [BigInt(asIndex(args[0])), BigInt(asIndex(args[1]))];
    if (k < 0n || k > n) return 0;
    let r = 1n;
    for (let i = 0n; i < k; i++) r = (r * (n - i)) / (i + 1n);
    return normInt(r);
  }, 'math');
  setName(d, 'pi', float(Math.PI));
  setName(d, 'e', float(Math.E));
  setName(d, 'tau', float(2 * Math.PI));
  setName(d, 'inf', float(Infinity));
  setName(d, 'nan', float(NaN));
  return m;
}

import { toArray } from '../iteration';
function toArrayValues(v: PyValue): PyValue[] {
  return toArray(v);
}
/** math.pow: like float ** float, but a domain error where ** makes a complex number or divides by zero. */
function mathPow(x: number, y: number): number {
  if (x === 0 && y < 0 && Number.isFinite(y)) throw pyError('ValueError', 'math domain error');
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) throw pyError('ValueError', 'math domain error');
  try {
    return num.floatPow(x, y);
  } catch (e) {
    if (e instanceof PyExc && e.value.type === exceptions.OverflowError) throw pyError('OverflowError', 'math range error');
    throw e;
  }
}

/** math.fsum: Shewchuk's exact partial sums, rounded once at the end as CPython's msum does. */
function fsum(values: number[]): number {
  const partials: number[] = [];
  let special = 0;
  let infinities = 0;
  for (let x of values) {
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x)) special = NaN;
      else infinities += x;
      special += x;
      continue;
    }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special !== 0 || Number.isNaN(special)) {
    if (Number.isNaN(infinities)) throw pyError('ValueError', '-inf + inf in fsum');
    return special;
  }
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

function toArrayNumbers(v: PyValue): number[] {
  return toArray(v).map((x) => toFloat(x));
}
