// Correctly rounded pow, exp, log and the trigonometric functions, as glibc's libm (which
// CPython calls) returns them. JavaScript's Math.pow, exp, sin … are off by one bit for some 5 to
// 10 % of arguments, and repr() prints every bit. Each function is evaluated in double-double
// arithmetic (about 106 bits) and rounded once at the end.

/** A double-double: the value hi + lo, |lo| <= ulp(hi) / 2. */
type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2 ** 27 + 1

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

const neg = (a: DD): DD => [-a[0], -a[1]];
const sub = (a: DD, b: DD): DD => add(a, neg(b));

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function mulD(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = sub(a, mulD(b, q1));
  const q2 = r[0] / b[0];
  r = sub(r, mulD(b, q2));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

function sqrtDD(a: DD): DD {
  if (a[0] <= 0) return [0, 0];
  const x = Math.sqrt(a[0]);
  // One Newton step from the double square root doubles its bits.
  const [p, e] = twoProd(x, x);
  const correction = (a[0] - p - e + a[1]) / (2 * x);
  return quickTwoSum(x, correction);
}

const dd = (x: number): DD => [x, 0];

/** 1/n as double-doubles, so the series multiply where they would divide. */
const INVERSE: DD[] = [dd(0)];
for (let n = 1; n <= 240; n++) INVERSE.push(div(dd(1), dd(n)));

/** 2 * atanh(s) = s + s^3/3 + s^5/5 …, times 2: log((1 + s) / (1 - s)). */
function twiceAtanh(s: DD): DD {
  const s2 = mul(s, s);
  let power = s;
  let sum = s;
  for (let n = 3; n < 240; n += 2) {
    power = mul(power, s2);
    const term = mul(power, INVERSE[n]);
    sum = add(sum, term);
    if (Math.abs(term[0]) < Math.abs(sum[0]) * 2 ** -110) break;
  }
  return mulD(sum, 2);
}

const LN2 = twiceAtanh(div(dd(1), dd(3)));
const TABLE_STEPS = 64;
/** log(1 + j / 64) for j in -20 … 28, by index j + 20. */
const LOG_TABLE: DD[] = [];
for (let j = -20; j <= 28; j++) {
  const c = 1 + j / TABLE_STEPS;
  LOG_TABLE.push(twiceAtanh(div(dd(c - 1), dd(c + 1))));
}

/** π/2 to about 160 bits (Machin's formula in 200-bit fixed point), as three doubles that add up to it. */
function halfPiParts(): [number, number, number] {
  const bits = 200n;
  const one = 1n << bits;
  const arctanInverse = (n: bigint): bigint => {
    let power = one / n;
    let sum = power;
    const n2 = n * n;
    for (let k = 3n; power !== 0n; k += 2n) {
      power /= n2;
      sum += (k % 4n === 1n ? 1n : -1n) * (power / k);
    }
    return sum;
  };
  let rest = 8n * arctanInverse(5n) - 2n * arctanInverse(239n);
  const parts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const part = Number(rest) / 2 ** Number(bits);
    parts.push(part);
    rest -= BigInt(part * 2 ** Number(bits));
  }
  return parts as [number, number, number];
}

const [HALF_PI1, HALF_PI2, HALF_PI3] = halfPiParts();
const HALF_PI: DD = add(quickTwoSum(HALF_PI1, HALF_PI2), dd(HALF_PI3));
const PI: DD = mulD(HALF_PI, 2);

const view = new DataView(new ArrayBuffer(8));

/** x = m * 2**k with m in [sqrt(1/2), sqrt(2)), for x > 0 finite. */
function frexp(x: number): [number, number] {
  let k = 0;
  if (x < 2 ** -1000) {
    x *= 2 ** 100;
    k = -100;
  }
  view.setFloat64(0, x);
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  let e = biased - 1023;
  let m = x / 2 ** e;
  if (m < Math.SQRT1_2) {
    m *= 2;
    e--;
  } else if (m >= Math.SQRT2) {
    m /= 2;
    e++;
  }
  return [m, e + k];
}

/** log(x) for x > 0 finite, as a double-double. */
function logDD(x: number): DD {
  const [m, k] = frexp(x);
  const j = Math.round((m - 1) * TABLE_STEPS);
  const c = 1 + j / TABLE_STEPS;
  const t = div(dd(m - c), dd(c));
  const u = div(t, add(dd(2), t));
  return add(add(mulD(LN2, k), LOG_TABLE[j + 20]), twiceAtanh(u));
}

/** exp(z) as a double-double, without the final scaling by 2**k (returned apart). */
function expParts(z: DD): [DD, number] {
  const k = Math.round(z[0] / LN2[0]);
  let r = sub(z, mulD(LN2, k));
  r = mulD(r, 2 ** -10);
  let term: DD = dd(1);
  let sum: DD = dd(1);
  for (let n = 1; n < 14; n++) {
    term = mul(mul(term, r), INVERSE[n]);
    sum = add(sum, term);
  }
  for (let i = 0; i < 10; i++) sum = mul(sum, sum);
  return [sum, k];
}

function scale(x: number, k: number): number {
  // Two steps, so 2**k stays a normal double for every k of a finite result.
  const half = Math.trunc(k / 2);
  return x * 2 ** half * 2 ** (k - half);
}

function expOf(z: DD): number {
  if (z[0] > 709.8) return Infinity;
  if (z[0] < -745.2) return 0;
  const [s, k] = expParts(z);
  if (k < -1021) {
    // A subnormal result rounds once, at its own precision.
    return scale(s[0] + s[1], k);
  }
  return scale(s[0], k);
}

export function exp(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : x > 0 ? x : 0;
  return expOf(dd(x));
}

export function log(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log(x);
  const r = logDD(x);
  return r[0];
}

export function log2(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log2(x);
  return div(logDD(x), LN2)[0];
}

/** x ** n for a small integer n, by squaring in double-double. */
function intPower(x: number, n: number): number {
  let base: DD = dd(x);
  let result: DD = dd(1);
  for (let e = Math.abs(n); e > 0; e >>= 1) {
    if (e & 1) result = mul(result, base);
    base = mul(base, base);
  }
  return n < 0 ? div(dd(1), result)[0] : result[0];
}

/** pow(x, y) for x > 0 finite and y finite, y not 0 (the caller handles the special cases). */
export function powPositive(x: number, y: number): number {
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === 0.5) return Math.sqrt(x);
  if (y === -1) return 1 / x;
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    const r = intPower(x, y);
    if (Number.isFinite(r) && r !== 0) return r;
  }
  return expOf(mulD(logDD(x), y));
}

/** sin and cos of x, as double-doubles, after reducing x by multiples of π/2. */
function sinCos(x: number): [DD, DD] {
  const n = Math.round(x / HALF_PI[0]);
  // x - n π/2 with exact products of n and each part of π/2.
  const r = add(add(add(dd(x), neg(twoProd(n, HALF_PI1))), neg(twoProd(n, HALF_PI2))), dd(-n * HALF_PI3));
  const r2 = mul(r, r);
  let sinSum = r;
  let cosSum: DD = dd(1);
  let sinTerm = r;
  let cosTerm: DD = dd(1);
  for (let k = 1; k < 16; k++) {
    sinTerm = neg(mul(mul(mul(sinTerm, r2), INVERSE[2 * k]), INVERSE[2 * k + 1]));
    cosTerm = neg(mul(mul(mul(cosTerm, r2), INVERSE[2 * k - 1]), INVERSE[2 * k]));
    sinSum = add(sinSum, sinTerm);
    cosSum = add(cosSum, cosTerm);
  }
  switch (((n % 4) + 4) % 4) {
    case 0:
      return [sinSum, cosSum];
    case 1:
      return [cosSum, neg(sinSum)];
    case 2:
      return [neg(sinSum), neg(cosSum)];
    default:
      return [neg(cosSum), sinSum];
  }
}

/** Beyond this, reducing by three parts of π loses bits: JavaScript's own result is used. */
const TRIG_LIMIT = 2 ** 28;

export function sin(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > TRIG_LIMIT) return Math.sin(x);
  if (x === 0) return x;
  return sinCos(x)[0][0];
}

export function cos(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > TRIG_LIMIT) return Math.cos(x);
  return sinCos(x)[1][0];
}

export function tan(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > TRIG_LIMIT) return Math.tan(x);
  if (x === 0) return x;
  const [s, c] = sinCos(x);
  return div(s, c)[0];
}

/** atan of a double-double: two half-angle reductions, then the series. */
function atanDD(a: DD): DD {
  const negative = a[0] < 0;
  let t: DD = negative ? neg(a) : a;
  const inverted = t[0] > 1;
  if (inverted) t = div(dd(1), t);
  for (let i = 0; i < 2; i++) t = div(t, add(dd(1), sqrtDD(add(dd(1), mul(t, t)))));
  const t2 = mul(t, t);
  let power = t;
  let sum = t;
  for (let n = 3; n < 240; n += 2) {
    power = mul(power, neg(t2));
    const term = mul(power, INVERSE[n]);
    sum = add(sum, term);
    if (Math.abs(term[0]) < Math.abs(sum[0]) * 2 ** -110) break;
  }
  let r = mulD(sum, 4);
  if (inverted) r = sub(HALF_PI, r);
  return negative ? neg(r) : r;
}

export function atan(x: number): number {
  if (!Number.isFinite(x)) return Math.atan(x);
  if (x === 0) return x;
  return atanDD(dd(x))[0];
}

export function asin(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.asin(x);
  if (x === 0) return x;
  return atanDD(div(dd(x), sqrtDD(sub(dd(1), mul(dd(x), dd(x))))))[0];
}

export function acos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  // acos(x) = 2 atan(sqrt((1 - x) / (1 + x))), exact in its parts for every x in (-1, 1).
  return mulD(atanDD(sqrtDD(div(sub(dd(1), dd(x)), add(dd(1), dd(x))))), 2)[0];
}

export function atan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Math.atan2(y, x);
  const r = atanDD(div(dd(y), dd(x)));
  if (x > 0) return r[0];
  return (y >= 0 ? add(r, PI) : sub(r, PI))[0];
}

/** math.hypot: the square root of the exact sum of squares, rounded once (CPython's vector_norm is as close). */
export function hypot(values: number[]): number {
  let sum: DD = dd(0);
  let scaleBy = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) return Number.isNaN(v) && !values.some((w) => Math.abs(w) === Infinity) ? NaN : Infinity;
    scaleBy = Math.max(scaleBy, Math.abs(v));
  }
  if (scaleBy === 0) return 0;
  // Scale by a power of two near the largest value, so squares neither overflow nor underflow.
  const k = Math.floor(Math.log2(scaleBy));
  for (const v of values) {
    const w = v * 2 ** -k;
    sum = add(sum, twoProd(w, w));
  }
  return sqrtDD(sum)[0] * 2 ** k;
}

/** log10 as glibc computes it (fdlibm's e_log10.c over its log): y log10(2) + log(m) / ln(10). */
export function log10(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log10(x);
  const ivln10 = 4.34294481903251816668e-1;
  const log10_2hi = 3.01029995663611771306e-1;
  const log10_2lo = 3.69423907715893078616e-13;
  let k = 0;
  if (x < 2 ** -1022) {
    k -= 54;
    x *= 2 ** 54;
  }
  view.setFloat64(0, x);
  const hx = view.getUint32(0);
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  view.setUint32(0, (hx & 0x000fffff) | ((0x3ff - i) << 20));
  const m = view.getFloat64(0);
  const y = k + i;
  const z = y * log10_2lo + ivln10 * log(m);
  return z + y * log10_2hi;
}

/** sinh as glibc computes it (e_sinh.c): from expm1 below 22, from exp above. */
export function sinh(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const h = x < 0 ? -0.5 : 0.5;
  const a = Math.abs(x);
  if (a < 22) {
    if (a < 2 ** -28) return x;
    const t = Math.expm1(a);
    return a < 1 ? h * (2 * t - (t * t) / (t + 1)) : h * (t + t / (t + 1));
  }
  if (a < 709.782712893384) return h * exp(a);
  return Math.sinh(x);
}

/** cosh as glibc computes it (e_cosh.c). */
export function cosh(x: number): number {
  if (!Number.isFinite(x)) return Math.abs(x);
  const a = Math.abs(x);
  if (a < 0.34657359027997264) {
    if (a < 2 ** -55) return 1;
    const t = Math.expm1(a);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (a < 22) {
    const t = exp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (a < 709.782712893384) return 0.5 * exp(a);
  return Math.cosh(x);
}
