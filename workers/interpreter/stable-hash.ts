// The hashes CPython gives numbers and tuples: numbers by value modulo the Mersenne prime
// 2**61 - 1 (so 1, 1.0 and True agree), tuples with xxHash. They are the same in every CPython
// process, which is what lets set iteration order match CPython's (set-table.ts).
import { PyFloat, PyTuple, type PyValue } from './objects';

/** A hash as CPython's Py_hash_t: a JavaScript number while it is exact, else a bigint. */
export type Hash = number | bigint;

const MODULUS = (1n << 61n) - 1n;
const BITS = 61n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
export const U64 = (1n << 64n) - 1n;

function exact(h: bigint): Hash {
  return h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h;
}

export function intHash(n: number | bigint): Hash {
  if (typeof n === 'number') return n === -1 ? -2 : n;
  const m = (n < 0n ? -n : n) % MODULUS;
  const h = n < 0n ? -m : m;
  return h === -1n ? -2 : exact(h);
}

/** A float hashes as the rational it is: p * inverse(q) modulo 2**61 - 1, q a power of two. */
export function floatHash(x: number): Hash | null {
  if (Number.isNaN(x)) return null;
  if (!Number.isFinite(x)) return x > 0 ? 314159 : -314159;
  if (Number.isInteger(x)) return intHash(Number.isSafeInteger(x) ? x : BigInt(x));
  let m = Math.abs(x);
  let k = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  const inverse = (1n << ((BITS - (k % BITS)) % BITS)) % MODULUS;
  let h = ((BigInt(m) % MODULUS) * inverse) % MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2 : exact(h);
}

export function tupleHash(items: readonly PyValue[], hashOf: (v: PyValue) => Hash | null): Hash | null {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = hashOf(item);
    if (lane === null) return null;
    acc = (acc + BigInt.asUintN(64, BigInt(lane)) * XXPRIME_2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * XXPRIME_1) & U64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & U64;
  if (acc === U64) return 1546275796;
  return exact(BigInt.asIntN(64, acc));
}

/** The hash CPython gives `v` in every process, or null where CPython's varies (str, None, objects). */
export function stableHash(v: PyValue): Hash | null {
  switch (typeof v) {
    case 'number':
      return v === -1 ? -2 : v;
    case 'bigint':
      return intHash(v);
    case 'boolean':
      return v ? 1 : 0;
    default:
      break;
  }
  if (v instanceof PyFloat) return floatHash(v.v);
  if (v instanceof PyTuple) return tupleHash(v.items, stableHash);
  return null;
}
