// The table behind a set or frozenset, laid out as CPython's Objects/setobject.c lays it out
// (open addressing, 9 linear probes then perturbation, resized at 3/5 full), so that a set of
// ints, floats or tuples iterates and prints in CPython's order: {3, 1, 2} prints {1, 2, 3}.
// Membership goes through a Map keyed by hashKey. Once a value whose CPython hash is salted per
// process (a str, None, an object) joins, the table falls back to insertion order: CPython's
// order is then different in every run anyway. A value whose class defines __hash__ is such a
// value too, and its key a CustomKey: the table then keeps a KeyIndex of its keys by hash
// (key-index.ts), which compare.ts's lookups compare along. The table itself files keys as
// given: a caller adds a value only once it knows no equal one is there.
import { isCustom, KeyIndex } from './key-index';
import type { HashKey, PyValue } from './objects';
import { stableHash, type Hash } from './stable-hash';

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
const MINSIZE = 8;
const DUMMY = Symbol('dummy');

type Slot = HashKey | typeof DUMMY | undefined;

/** The low 32 bits of a hash, as (size_t)hash & mask reads them. */
function low(h: Hash): number {
  return typeof h === 'number' ? h | 0 : Number(BigInt.asUintN(32, h)) | 0;
}

/** perturb = (size_t)hash: a number while it stays exact, else a bigint. */
function perturbOf(h: Hash): number | bigint {
  return typeof h === 'number' && h >= 0 ? h : BigInt.asUintN(64, BigInt(h));
}

function nextSlot(i: number, perturb: number | bigint, mask: number): [number, number | bigint] {
  const p = typeof perturb === 'number' ? Math.floor(perturb / 32) : perturb >> BigInt(PERTURB_SHIFT);
  const pLow = typeof p === 'number' ? p % (mask + 1) : Number(p & BigInt(mask));
  return [(i * 5 + 1 + pLow) & mask, p];
}

export class SetTable {
  /** The keys by hash: always once a CustomKey is filed; before, once a lookup needed it. */
  index: KeyIndex | null = null;
  private slotKeys: Slot[] = new Array<Slot>(MINSIZE);
  private slotValues: PyValue[] = new Array<PyValue>(MINSIZE);
  private slotHashes: Hash[] = new Array<Hash>(MINSIZE);
  private mask = MINSIZE - 1;
  private fill = 0;
  private used = 0;
  private finger = 0;
  /** Where each key sits in the table. */
  private readonly slotOf = new Map<HashKey, number>();
  /** Insertion order, once a value without a stable hash joined. */
  private loose: Map<HashKey, PyValue> | null = null;

  get size(): number {
    return this.loose ? this.loose.size : this.used;
  }

  has(k: HashKey): boolean {
    return this.loose ? this.loose.has(k) : this.slotOf.has(k);
  }

  get(k: HashKey): PyValue | undefined {
    if (this.loose) return this.loose.get(k);
    const slot = this.slotOf.get(k);
    return slot === undefined ? undefined : this.slotValues[slot];
  }

  /**
   * Adds `v` under `k` unless `k` is there already (a set keeps the first of 1, 1.0, True). A
   * CustomKey is compared by identity here: compare.ts's setAdd finds an equal one first.
   */
  set(k: HashKey, v: PyValue): this {
    if (this.loose) {
      if (!this.loose.has(k)) {
        this.loose.set(k, v);
        this.indexAdded(k, v);
      }
      return this;
    }
    if (this.slotOf.has(k)) return this;
    const h = stableHash(v);
    if (h === null) {
      this.loosen();
      this.loose!.set(k, v);
      this.indexAdded(k, v);
      return this;
    }
    this.add(k, v, h);
    if (this.index !== null) this.index.add(k, v);
    return this;
  }

  private indexAdded(k: HashKey, v: PyValue): void {
    if (this.index !== null) this.index.add(k, v);
    else if (isCustom(k)) this.index = KeyIndex.of(this.entries());
  }

  /** The index, made now if the table has none. */
  keyIndex(): KeyIndex {
    return (this.index ??= KeyIndex.of(this.entries()));
  }

  delete(k: HashKey): boolean {
    if (this.loose) {
      if (this.index === null) return this.loose.delete(k);
      const v = this.loose.get(k);
      if (!this.loose.delete(k)) return false;
      this.index.remove(k, v as PyValue);
      return true;
    }
    const slot = this.slotOf.get(k);
    if (slot === undefined) return false;
    if (this.index !== null) this.index.remove(k, this.slotValues[slot]);
    this.slotOf.delete(k);
    this.slotKeys[slot] = DUMMY;
    this.slotValues[slot] = null;
    this.slotHashes[slot] = -1;
    this.used--;
    return true;
  }

  clear(): void {
    this.slotKeys = new Array<Slot>(MINSIZE);
    this.slotValues = new Array<PyValue>(MINSIZE);
    this.slotHashes = new Array<Hash>(MINSIZE);
    this.mask = MINSIZE - 1;
    this.fill = this.used = 0;
    this.slotOf.clear();
    this.loose = null;
    this.index = null;
  }

  /** set.pop(): the entry at CPython's search finger. */
  pop(): PyValue | undefined {
    if (this.loose) {
      const first = this.loose.entries().next();
      if (first.done) return undefined;
      this.delete(first.value[0]);
      return first.value[1];
    }
    if (this.used === 0) return undefined;
    let i = this.finger & this.mask;
    while (this.slotKeys[i] === undefined || this.slotKeys[i] === DUMMY) i = i === this.mask ? 0 : i + 1;
    const v = this.slotValues[i];
    this.delete(this.slotKeys[i] as HashKey);
    this.finger = i + 1;
    return v;
  }

  *entries(): IterableIterator<[HashKey, PyValue]> {
    if (this.loose) {
      yield* this.loose.entries();
      return;
    }
    const keys = this.slotKeys;
    const values = this.slotValues;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined && k !== DUMMY) yield [k, values[i]];
    }
  }

  [Symbol.iterator](): IterableIterator<[HashKey, PyValue]> {
    return this.entries();
  }

  *keys(): IterableIterator<HashKey> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): IterableIterator<PyValue> {
    for (const [, v] of this.entries()) yield v;
  }

  /**
   * set_merge: the entries of `other`, copied slot for slot into an empty table of the same size.
   * Keys are taken as they are, so a table that is not empty takes them only if neither table
   * holds a CustomKey (set-ops.ts addAll compares them one by one otherwise).
   */
  merge(other: SetTable): void {
    if (other === this || other.size === 0) return;
    if (this.loose || other.loose) {
      for (const [k, v] of other.entries()) this.set(k, v);
      return;
    }
    // No CustomKey here (one makes a table loose): an index is only a lookup's, made again when needed.
    this.index = null;
    this.reserve(other.used);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      this.slotKeys = other.slotKeys.slice();
      this.slotValues = other.slotValues.slice();
      this.slotHashes = other.slotHashes.slice();
      this.fill = other.fill;
      this.used = other.used;
      for (const [k, slot] of other.slotOf) this.slotOf.set(k, slot);
      return;
    }
    if (this.fill === 0) {
      for (let i = 0; i <= other.mask; i++) {
        const k = other.slotKeys[i];
        if (k !== undefined && k !== DUMMY) this.insertClean(k, other.slotValues[i], other.slotHashes[i]);
      }
      this.fill = this.used = other.used;
      return;
    }
    for (let i = 0; i <= other.mask; i++) {
      const k = other.slotKeys[i];
      if (k !== undefined && k !== DUMMY && !this.slotOf.has(k)) this.add(k, other.slotValues[i], other.slotHashes[i]);
    }
  }

  /** One resize ahead of `n` insertions, as set_merge and set.update(dict) do. */
  reserve(n: number): void {
    if (!this.loose && (this.fill + n) * 5 >= this.mask * 3) this.resize((this.used + n) * 2);
  }

  /** Takes over the other table's layout (set_swap_bodies, for intersection_update). */
  adopt(other: SetTable): void {
    this.clear();
    this.index = other.index === null ? null : other.index.clone();
    if (other.loose) {
      this.loose = new Map(other.loose);
      return;
    }
    this.slotKeys = other.slotKeys.slice();
    this.slotValues = other.slotValues.slice();
    this.slotHashes = other.slotHashes.slice();
    this.mask = other.mask;
    this.fill = other.fill;
    this.used = other.used;
    for (const [k, slot] of other.slotOf) this.slotOf.set(k, slot);
  }

  /** set_add_entry for a key known to be absent. */
  private add(k: HashKey, v: PyValue, h: Hash): void {
    const mask = this.mask;
    let i = low(h) & mask;
    let perturb = perturbOf(h);
    let freeslot = -1;
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = i; j <= i + probes; j++) {
        const key = this.slotKeys[j];
        if (key === undefined) {
          if (freeslot >= 0) {
            this.place(freeslot, k, v, h);
            this.used++;
            return;
          }
          this.place(j, k, v, h);
          this.fill++;
          this.used++;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (key === DUMMY && freeslot < 0) freeslot = j;
      }
      [i, perturb] = nextSlot(i, perturb, mask);
    }
  }

  private place(slot: number, k: HashKey, v: PyValue, h: Hash): void {
    this.slotKeys[slot] = k;
    this.slotValues[slot] = v;
    this.slotHashes[slot] = h;
    this.slotOf.set(k, slot);
  }

  /** set_insert_clean: into a table without dummies. */
  private insertClean(k: HashKey, v: PyValue, h: Hash): void {
    const mask = this.mask;
    let i = low(h) & mask;
    let perturb = perturbOf(h);
    for (;;) {
      if (this.slotKeys[i] === undefined) break;
      let found = -1;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (this.slotKeys[i + j] === undefined) {
            found = i + j;
            break;
          }
        }
      }
      if (found >= 0) {
        i = found;
        break;
      }
      [i, perturb] = nextSlot(i, perturb, mask);
    }
    this.place(i, k, v, h);
  }

  private resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size *= 2;
    const { slotKeys: keys, slotValues: values, slotHashes: hashes } = this;
    this.slotKeys = new Array<Slot>(size);
    this.slotValues = new Array<PyValue>(size);
    this.slotHashes = new Array<Hash>(size);
    this.mask = size - 1;
    this.fill = this.used;
    this.slotOf.clear();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined && k !== DUMMY) this.insertClean(k, values[i], hashes[i]);
    }
  }

  private loosen(): void {
    this.loose = new Map(this.entries());
    this.slotOf.clear();
    this.slotKeys = [];
    this.slotValues = [];
    this.slotHashes = [];
  }
}
