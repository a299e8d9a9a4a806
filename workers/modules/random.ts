// random, with CPython's Mersenne Twister and its algorithms (seed, random, getrandbits,
// randrange, choice, shuffle, sample …), so a seeded program draws the numbers CPython draws.
// The generator's state lives in the process's shared words: its threads share one, as in CPython.
import { createHash, randomBytes } from 'node:crypto';
import { call } from '../interpreter/attributes';
import { pyError } from '../interpreter/errors';
import type { Interpreter } from '../interpreter/interpreter';
import { len } from '../interpreter/items';
import { getItem } from '../interpreter/items';
import { toArray } from '../interpreter/iteration';
import { mutate } from '../interpreter/mutations';
import { charge, defineFunction, float, kwarg, toFloat } from '../interpreter/native';
import { big, normInt, PyBytes, PyFloat, PyList, PyModule, PyTuple, type PyValue } from '../interpreter/objects';
import { floatHash } from '../interpreter/stable-hash';
import { asIndex } from '../interpreter/operators';
import type { ThreadRuntime } from '../thread-runtime';
import { RANDOM_BASE } from '../words';

const N = 624;
const M = 397;

class MersenneTwister {
  constructor(
    private readonly w: Int32Array,
    private readonly base: number,
  ) {}

  private get index(): number {
    return this.w[this.base + N];
  }
  private set index(i: number) {
    this.w[this.base + N] = i;
  }
  get seeded(): boolean {
    return this.w[this.base + N + 1] === 1;
  }

  private initGenrand(s: number): void {
    const mt = this.w;
    const b = this.base;
    mt[b] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[b + i - 1] >>> 0;
      mt[b + i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.index = N;
  }

  initByArray(key: number[]): void {
    this.initGenrand(19650218);
    const mt = this.w;
    const b = this.base;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[b + i - 1] >>> 0;
      mt[b + i] = ((mt[b + i] ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[b] = mt[b + N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[b + i - 1] >>> 0;
      mt[b + i] = ((mt[b + i] ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[b] = mt[b + N - 1];
        i = 1;
      }
    }
    mt[b] = 0x80000000 | 0;
    this.w[this.base + N + 1] = 1;
  }

  uint32(): number {
    const mt = this.w;
    const b = this.base;
    if (this.index >= N) {
      let kk = 0;
      const mag = (y: number) => (y & 1 ? 0x9908b0df : 0);
      for (; kk < N - M; kk++) {
        const y = (mt[b + kk] & 0x80000000) | (mt[b + kk + 1] & 0x7fffffff);
        mt[b + kk] = mt[b + kk + M] ^ (y >>> 1) ^ mag(y);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[b + kk] & 0x80000000) | (mt[b + kk + 1] & 0x7fffffff);
        mt[b + kk] = mt[b + kk + (M - N)] ^ (y >>> 1) ^ mag(y);
      }
      const y = (mt[b + N - 1] & 0x80000000) | (mt[b] & 0x7fffffff);
      mt[b + N - 1] = mt[b + M - 1] ^ (y >>> 1) ^ mag(y);
      this.index = 0;
    }
    let y = mt[b + this.index] >>> 0;
    this.index = this.index + 1;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  random(): number {
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  getrandbits(k: number): bigint {
    if (k < 0) throw pyError('ValueError', 'number of bits must be non-negative');
    if (k === 0) return 0n;
    if (k <= 32) return BigInt(this.uint32() >>> (32 - k));
    let result = 0n;
    let shift = 0n;
    for (let bits = k; bits > 0; bits -= 32) {
      let r = this.uint32();
      if (bits < 32) r >>>= 32 - bits;
      result |= BigInt(r) << shift;
      shift += 32n;
    }
    return result;
  }

  below(n: bigint): bigint {
    if (n <= 0n) return 0n;
    const k = n.toString(2).length;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }
}

/** CPython's seed(): ints by their 32-bit words; str, bytes by their bytes and their SHA-512; a float by its hash. */
function seedKey(a: PyValue): number[] {
  let n: bigint;
  if (a === null) n = BigInt(`0x${randomBytes(32).toString('hex')}`);
  else if (typeof a === 'string' || a instanceof PyBytes) {
    const bytes = typeof a === 'string' ? Buffer.from(a, 'utf8') : Buffer.from(a.data);
    n = BigInt(`0x${Buffer.concat([bytes, createHash('sha512').update(bytes).digest()]).toString('hex')}`);
  } else if (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean') n = big(a);
  else if (a instanceof PyFloat) {
    // random_seed() takes hash(a) as a size_t: a negative hash wraps around 2**64.
    const h = floatHash(a.v);
    if (h === null) return seedKey(null);
    return seedKey(BigInt.asUintN(64, BigInt(h)));
  } else throw pyError('TypeError', 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
  if (n < 0n) n = -n;
  const key: number[] = [];
  do {
    key.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return key;
}

export function makeRandom(rt: () => ThreadRuntime): (interp: Interpreter) => PyModule {
  return () => {
    const r = rt();
    const mt = new MersenneTwister(r.words, RANDOM_BASE);
    if (!mt.seeded) mt.initByArray(seedKey(null));
    const m = new PyModule('random', true);
    const d = m.dict;
    let gaussNext: number | null = null;
    const fn = (name: string, f: (args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue) =>
      defineFunction(d, name, (args, kwargs) => {
        charge();
        return f(args, kwargs);
      }, 'random');
    const below = (n: number | bigint) => normInt(mt.below(big(n)));
    // Bounds of any size (randint(1, 2**70)), as CPython's randrange takes them.
    const bigIndex = (v: PyValue): bigint => (typeof v === 'bigint' ? v : big(asIndex(v)));
    const randrange = (start: PyValue, stop: PyValue = null, step: PyValue = 1): PyValue => {
      const a = bigIndex(start);
      if (stop === null) {
        if (a > 0n) return below(a);
        throw pyError('ValueError', 'empty range for randrange()');
      }
      const b = bigIndex(stop);
      const s = bigIndex(step);
      const width = b - a;
      if (s === 1n) {
        if (width > 0n) return normInt(a + mt.below(width));
        throw pyError('ValueError', `empty range for randrange (${a}, ${b}, ${width})`);
      }
      const n = s > 0n ? (width + s - 1n) / s : (width + s + 1n) / s;
      if (n <= 0n) throw pyError('ValueError', 'empty range for randrange()');
      return normInt(a + s * mt.below(n));
    };
    fn('seed', (args) => {
      mt.initByArray(seedKey(args[0] ?? null));
      gaussNext = null;
      return null;
    });
    fn('random', () => float(mt.random()));
    fn('getrandbits', (args) => normInt(mt.getrandbits(asIndex(args[0]))));
    fn('randrange', (args) => randrange(args[0], args[1] ?? null, args[2] ?? 1));
    fn('randint', (args) => randrange(args[0], normInt(bigIndex(args[1]) + 1n)));
    fn('uniform', (args) => {
      const [a, b] = [toFloat(args[0]), toFloat(args[1])];
      return float(a + (b - a) * mt.random());
    });
    fn('choice', (args) => {
      const n = len(args[0]);
      if (n === 0) throw pyError('IndexError', 'Cannot choose from an empty sequence');
      return getItem(args[0], below(n));
    });
    fn('shuffle', (args) => {
      const x = args[0];
      if (!(x instanceof PyList)) throw pyError('TypeError', "'shuffle' needs a list here");
      const items = x.items.slice();
      for (let i = items.length - 1; i > 0; i--) {
        const j = Number(mt.below(BigInt(i + 1)));
        [items[i], items[j]] = [items[j], items[i]];
      }
      mutate.listReplace(x, items);
      return null;
    });
    fn('sample', (args, kwargs) => {
      const population = toArray(args[0]);
      const k = asIndex(args[1] ?? kwarg(kwargs, 'k', 0));
      const n = population.length;
      if (k < 0 || k > n) throw pyError('ValueError', 'Sample larger than population or is negative');
      const result: PyValue[] = new Array(k);
      let setsize = 21;
      if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
      if (n <= setsize) {
        const pool = population.slice();
        for (let i = 0; i < k; i++) {
          const j = Number(mt.below(BigInt(n - i)));
          result[i] = pool[j];
          pool[j] = pool[n - i - 1];
        }
      } else {
        const selected = new Set<number>();
        for (let i = 0; i < k; i++) {
          let j = Number(mt.below(BigInt(n)));
          while (selected.has(j)) j = Number(mt.below(BigInt(n)));
          selected.add(j);
          result[i] = population[j];
        }
      }
      return new PyList(result);
    });
    fn('choices', (args, kwargs) => {
      const population = toArray(args[0]);
      const weights = args[1] ?? kwarg(kwargs, 'weights', null);
      const k = asIndex(kwarg(kwargs, 'k', 1));
      const n = population.length;
      if (weights === null) return new PyList(Array.from({ length: k }, () => population[Math.floor(mt.random() * n)]));
      const cum: number[] = [];
      let total = 0;
      for (const w of toArray(weights)) cum.push((total += toFloat(w)));
      return new PyList(
        Array.from({ length: k }, () => {
          const x = mt.random() * total;
          let lo = 0;
          let hi = n - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (x < cum[mid]) hi = mid;
            else lo = mid + 1;
          }
          return population[lo];
        }),
      );
    });
    fn('gauss', (args) => {
      const [mu, sigma] = [toFloat(args[0] ?? float(0)), toFloat(args[1] ?? float(1))];
      let z = gaussNext;
      gaussNext = null;
      if (z === null) {
        const x2pi = mt.random() * 2 * Math.PI;
        const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - mt.random()));
        z = Math.cos(x2pi) * g2rad;
        gaussNext = Math.sin(x2pi) * g2rad;
      }
      return float(mu + z * sigma);
    });
    void call;
    void PyTuple;
    return m;
  };
}
