// int, float and bool arithmetic with Python's semantics: ints never overflow (number, then
// bigint), `//` and `%` floor, `/` is true division, bool is an int, mixing with float floats.
import { pyError } from './errors';
import { powPositive } from './dd-math';
import { big, normInt, PyFloat, type PyValue } from './objects';

export type Num = number | bigint | boolean | PyFloat;

export function isNum(v: PyValue): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat;
}

/** The value as a JavaScript number (floats and ints; bigints may lose precision). */
export function toNumber(v: Num): number {
  if (v instanceof PyFloat) return v.v;
  const x = Number(v);
  if (!Number.isFinite(x)) throw pyError('OverflowError', 'int too large to convert to float');
  return x;
}

function intOf(v: number | bigint | boolean): number | bigint {
  return typeof v === 'boolean' ? Number(v) : v;
}

const float = (v: number) => new PyFloat(v);

/** Below this, a quotient computed in doubles floors exactly. */
const EXACT_DIVISION = 2 ** 52;

export function add(a: Num, b: Num): Num {
  if (a instanceof PyFloat || b instanceof PyFloat) return float(toNumber(a) + toNumber(b));
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x + y;
    return Number.isSafeInteger(r) ? r : normInt(BigInt(x) + BigInt(y));
  }
  return normInt(big(x) + big(y));
}

export function sub(a: Num, b: Num): Num {
  if (a instanceof PyFloat || b instanceof PyFloat) return float(toNumber(a) - toNumber(b));
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x - y;
    return Number.isSafeInteger(r) ? r : normInt(BigInt(x) - BigInt(y));
  }
  return normInt(big(x) - big(y));
}

export function mul(a: Num, b: Num): Num {
  if (a instanceof PyFloat || b instanceof PyFloat) return float(toNumber(a) * toNumber(b));
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x * y;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    return normInt(BigInt(x) * BigInt(y));
  }
  return normInt(big(x) * big(y));
}

export function truediv(a: Num, b: Num): PyFloat {
  const floats = a instanceof PyFloat || b instanceof PyFloat;
  if (!floats && (typeof a === 'bigint' || typeof b === 'bigint')) {
    if (Number(b) === 0) throw pyError('ZeroDivisionError', 'division by zero');
    return float(bigDivide(big(a as bigint), big(b as bigint)));
  }
  const y = toNumber(b);
  if (y === 0) throw pyError('ZeroDivisionError', floats ? 'float division by zero' : 'division by zero');
  return float(toNumber(a) / y);
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** int / int beyond 2**53: the quotient scaled to 64 significant bits, then scaled back in doubles. */
function bigDivide(x: bigint, y: bigint): number {
  const negative = x < 0n !== y < 0n;
  const a = x < 0n ? -x : x;
  const b = y < 0n ? -y : y;
  if (Number.isSafeInteger(Number(a)) && Number.isSafeInteger(Number(b)) && a < 2n ** 53n && b < 2n ** 53n)
    return (negative ? -1 : 1) * (Number(a) / Number(b));
  const shift = bitLength(b) - bitLength(a) + 64;
  const q = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
  let r = Number(q);
  // 2 ** -shift in two steps: each stays a normal double.
  const half = Math.trunc(shift / 2);
  r = r / 2 ** half / 2 ** (shift - half);
  if (!Number.isFinite(r)) throw pyError('OverflowError', 'integer division result too large for a float');
  return negative ? -r : r;
}

/** float_divmod of CPython: the floor quotient from (x - fmod(x, y)) / y, corrected, and the remainder with y's sign. */
export function floatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floordiv(a: Num, b: Num): Num {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const y = toNumber(b);
    if (y === 0) throw pyError('ZeroDivisionError', 'float floor division by zero');
    return float(floatDivmod(toNumber(a), y)[0]);
  }
  const x = intOf(a);
  const y = intOf(b);
  if (y === 0 || y === 0n) throw pyError('ZeroDivisionError', 'integer division or modulo by zero');
  if (typeof x === 'number' && typeof y === 'number' && Math.abs(x) < EXACT_DIVISION) return Math.floor(x / y) || 0;
  const bx = big(x);
  const by = big(y);
  let q = bx / by;
  if (bx % by !== 0n && bx < 0n !== by < 0n) q -= 1n;
  return normInt(q);
}

export function mod(a: Num, b: Num): Num {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const y = toNumber(b);
    if (y === 0) throw pyError('ZeroDivisionError', 'float modulo');
    return float(floatDivmod(toNumber(a), y)[1]);
  }
  const x = intOf(a);
  const y = intOf(b);
  if (y === 0 || y === 0n) throw pyError('ZeroDivisionError', 'integer modulo by zero');
  if (typeof x === 'number' && typeof y === 'number') {
    let r = x % y;
    if (r !== 0 && r < 0 !== y < 0) r += y;
    return r || 0;
  }
  const bx = big(x);
  const by = big(y);
  let r = bx % by;
  if (r !== 0n && r < 0n !== by < 0n) r += by;
  return normInt(r);
}

/** float ** float as CPython's float_pow: its special cases, then a correctly rounded pow. */
export function floatPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return x === 1 ? 1 : y;
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  const yOdd = Number.isInteger(y) && Math.abs(y % 2) === 1;
  if (!Number.isFinite(x)) {
    if (y > 0) return yOdd ? x : Math.abs(x);
    return yOdd ? (x < 0 ? -0 : 0) : 0;
  }
  if (x === 0) {
    if (y < 0) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return yOdd ? x : 0;
  }
  let negate = false;
  if (x < 0) {
    // CPython's answer is a complex number, which GIL Lab does not have.
    if (!Number.isInteger(y))
      throw pyError('ValueError', 'complex numbers are not supported here (a negative number to a fractional power)');
    x = -x;
    negate = yOdd;
  }
  if (x === 1) return negate ? -1 : 1;
  const r = powPositive(x, y);
  if (!Number.isFinite(r)) throw pyError('OverflowError', "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

/** Results beyond this many bits are refused (CPython would compute them, slowly, and print them for pages). */
const MAX_POWER_BITS = 2 ** 24;

export function pow(a: Num, b: Num): Num {
  if (a instanceof PyFloat || b instanceof PyFloat) return float(floatPow(toNumber(a), toNumber(b)));
  const x = intOf(a);
  const y = intOf(b);
  if (y < 0) {
    if (x === 0 || x === 0n) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return float(floatPow(toNumber(x), toNumber(y)));
  }
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x ** y;
    if (Math.abs(r) < 2 ** 31) return r;
  }
  if (x === 0 || x === 1 || x === 0n || x === 1n) return x;
  if (x === -1 || x === -1n) return big(y) % 2n === 0n ? 1 : -1;
  if (Number(y) * bitLength(big(x) < 0n ? -big(x) : big(x)) > MAX_POWER_BITS) throw pyError('MemoryError');
  return normInt(big(x) ** big(y));
}

/** pow(b, e, m) of ints, as CPython's long_pow: a negative exponent inverts b modulo m; the result has m's sign. */
export function powMod(b: number | bigint | boolean, e: number | bigint | boolean, m: number | bigint | boolean): number | bigint {
  let mod = BigInt(m);
  let exp = BigInt(e);
  if (mod === 0n) throw pyError('ValueError', 'pow() 3rd argument cannot be 0');
  const negative = mod < 0n;
  if (negative) mod = -mod;
  if (mod === 1n) return 0;
  let base = ((BigInt(b) % mod) + mod) % mod;
  if (exp < 0n) {
    base = inverseMod(base, mod);
    exp = -exp;
  }
  let r = 1n;
  for (; exp > 0n; exp >>= 1n) {
    if (exp & 1n) r = (r * base) % mod;
    base = (base * base) % mod;
  }
  if (negative && r !== 0n) r -= mod;
  return normInt(r);
}

/** The inverse of a (0 <= a < m) modulo m, by the extended Euclidean algorithm. */
function inverseMod(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw pyError('ValueError', 'base is not invertible for the given modulus');
  return ((s0 % m) + m) % m;
}

export function neg(a: Num): Num {
  if (a instanceof PyFloat) return float(-a.v);
  const x = intOf(a);
  return typeof x === 'number' ? -x || 0 : normInt(-x);
}

export function abs(a: Num): Num {
  if (a instanceof PyFloat) return float(Math.abs(a.v));
  const x = intOf(a);
  return typeof x === 'number' ? Math.abs(x) : normInt(x < 0n ? -x : x);
}

/** Bitwise operators and shifts (ints only). */
export function bitop(
  op: '&' | '|' | '^' | '<<' | '>>',
  a: number | bigint | boolean,
  b: number | bigint | boolean,
): number | bigint | boolean {
  if (typeof a === 'boolean' && typeof b === 'boolean' && op !== '<<' && op !== '>>') {
    return op === '&' ? a && b : op === '|' ? a || b : a !== b;
  }
  const x = big(a);
  const y = big(b);
  switch (op) {
    case '&':
      return normInt(x & y);
    case '|':
      return normInt(x | y);
    case '^':
      return normInt(x ^ y);
    case '<<':
      if (y < 0n) throw pyError('ValueError', 'negative shift count');
      if (x === 0n) return 0;
      if (y > 2n ** 62n) throw pyError('OverflowError', 'too many digits in integer');
      if (y > BigInt(MAX_POWER_BITS)) throw pyError('MemoryError');
      return normInt(x << y);
    case '>>':
      if (y < 0n) throw pyError('ValueError', 'negative shift count');
      if (y > 2n ** 62n) return x < 0n ? -1 : 0;
      return normInt(x >> y);
  }
}

export function invert(a: number | bigint | boolean): number | bigint {
  return normInt(-big(a) - 1n);
}

function compareFloatInt(x: number, n: bigint): number {
  if (!Number.isFinite(x)) return x > 0 ? 1 : -1;
  const whole = BigInt(Math.trunc(x));
  if (whole !== n) return whole < n ? -1 : 1;
  const fraction = x - Math.trunc(x);
  return fraction > 0 ? 1 : fraction < 0 ? -1 : 0;
}

/** -1, 0 or 1; NaN compares as unordered (null). */
export function compareNum(a: Num, b: Num): number | null {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const x = a instanceof PyFloat ? a.v : Number(a);
    const y = b instanceof PyFloat ? b.v : Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return null;
    // A float against a huge int compares by exact value where doubles would round.
    if (typeof b === 'bigint') return compareFloatInt(x, b);
    if (typeof a === 'bigint') return -compareFloatInt(y, a);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = intOf(a);
  const y = intOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function numEquals(a: Num, b: Num): boolean {
  return compareNum(a, b) === 0;
}

/** int(x) of a float: truncation toward zero. */
export function floatToInt(x: number): number | bigint {
  if (Number.isNaN(x)) throw pyError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyError('OverflowError', 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t || 0 : BigInt(t);
}

/** round(x) with banker's rounding, as Python 3 does. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
