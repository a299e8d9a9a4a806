// Floats to decimal text, correctly rounded with ties to even, as CPython's dtoa does for
// format(x, '.2f'), '%e' and round(x, n). JavaScript's toFixed and toExponential round exact
// ties away from zero (2.5 -> "3", 0.125 -> "0.13"); those ties are rare and are worked out
// here exactly, with bigints; every other value takes JavaScript's own (exact) path.

const view = new DataView(new ArrayBuffer(8));

/** |x| = mantissa * 2**exponent, mantissa odd (x finite and not zero). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt((hi & 0xfffff) | (biased === 0 ? 0 : 0x100000)) << 32n) | BigInt(lo);
  let exponent = biased === 0 ? -1074 : biased - 1075;
  while ((mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent++;
  }
  return { mantissa, exponent };
}

/** |x| = digits * 10**exp10, exactly. */
function exactDecimal(x: number): { digits: string; exp10: number } {
  const { mantissa, exponent } = decompose(x);
  if (exponent >= 0) return { digits: (mantissa << BigInt(exponent)).toString(), exp10: 0 };
  return { digits: (mantissa * 5n ** BigInt(-exponent)).toString(), exp10: exponent };
}

/** Drops the last `cut` digits of `digits`, rounding half to even. */
function roundOff(digits: string, cut: number): string {
  if (cut <= 0) return digits + '0'.repeat(-cut);
  if (cut > digits.length) return '0';
  const kept = digits.slice(0, digits.length - cut) || '0';
  const rest = digits.slice(digits.length - cut);
  const half = '5'.padEnd(cut, '0');
  const up = rest > half || (rest === half && Number(kept[kept.length - 1]) % 2 === 1);
  return up ? (BigInt(kept) + 1n).toString() : kept;
}

/** Whether |x| could lie exactly halfway at `places` digits after the point. */
function mayTieAt(x: number, places: number): boolean {
  // Rounding to tens or beyond: only an integer can end in 5 followed by zeros.
  if (places < 0) return Number.isInteger(x);
  // An odd multiple of 2**-k has exactly k digits after the point, the last a 5: a tie needs
  // k = places + 1, so x * 2**(places + 1) must be an odd integer.
  const scaled = x * 2 ** (places + 1);
  return Number.isInteger(scaled) && scaled % 2 === 1 && !Number.isInteger(x * 2 ** places);
}

/** |x| with `places` digits after the point (places may be negative: rounding to tens, hundreds …). */
export function fixedDigits(x: number, places: number): string {
  const m = Math.abs(x);
  if (m === 0) return places > 0 ? `0.${'0'.repeat(places)}` : '0';
  if (places >= 0 && places <= 100 && m < 1e21 && !mayTieAt(m, places)) return m.toFixed(places);
  const { digits, exp10 } = exactDecimal(m);
  const rounded = roundOff(digits, -exp10 - places);
  if (places <= 0) return rounded === '0' ? '0' : rounded + '0'.repeat(-places);
  const padded = rounded.padStart(places + 1, '0');
  return `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
}

/** |x| as d.ddd with `precision` digits after the point, and its decimal exponent. */
export function exponentDigits(x: number, precision: number): { mantissa: string; exponent: number } {
  const m = Math.abs(x);
  if (m === 0) return { mantissa: precision > 0 ? `0.${'0'.repeat(precision)}` : '0', exponent: 0 };
  const fast = m.toExponential(Math.min(precision, 100));
  const [fastMantissa, fastExp] = fast.split('e');
  const exponent = Number(fastExp);
  if (precision <= 100 && !mayTieAt(m, precision - exponent)) return { mantissa: fastMantissa, exponent };
  const { digits, exp10 } = exactDecimal(m);
  let rounded = roundOff(digits, digits.length - (precision + 1));
  let e = digits.length - 1 + exp10;
  if (rounded.length > precision + 1) {
    rounded = rounded.slice(0, precision + 1);
    e++;
  }
  rounded = rounded.padEnd(precision + 1, '0');
  return { mantissa: precision > 0 ? `${rounded[0]}.${rounded.slice(1)}` : rounded, exponent: e };
}

/** round(x, n) for a float: the correctly rounded decimal, read back as a float. */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  // Past 17 significant digits a float is already as exact as it gets; far below it rounds to 0.
  if (ndigits > 323) return x;
  const text = fixedDigits(x, ndigits);
  const r = Number(text);
  return x < 0 ? -r : r;
}

/** round(n, ndigits) for an int with ndigits < 0: to the nearest multiple of 10**-ndigits, ties to even. */
export function roundInt(n: bigint, ndigits: number): bigint {
  const b = 10n ** BigInt(-ndigits);
  let q = n / b;
  let r = n - q * b;
  if (r < 0n) {
    q -= 1n;
    r += b;
  }
  if (2n * r > b || (2n * r === b && (q & 1n) === 1n)) q += 1n;
  return q * b;
}
