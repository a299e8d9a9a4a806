// Keys whose equality is the program's own. A dict or set files most keys under a HashKey that
// equal values share (an int, a str, a tuple of those: compare.ts hashKey), so a JavaScript Map
// finds them. A key whose class defines __hash__ (or a tuple or frozenset holding one) cannot be
// filed so: two unequal objects may hash alike, and only __eq__ tells them apart. Such a key is
// a CustomKey, one object per key filed, and the container keeps a KeyIndex: its keys by hash,
// so that a lookup compares (identity first, then __eq__) only the keys of equal hash, as
// CPython's dictobject.c and setobject.c do. Once it exists, the index holds every key of the
// container, plain ones too: a probe of equal hash may be equal to one (an object whose
// __hash__ and __eq__ agree with an int's, a namedtuple with its tuple).
import type { HashKey, PyValue } from './objects';
import type { Hash } from './stable-hash';

/** The key of one value filed in one container, whose equality is user-defined. */
export class CustomKey {
  declare readonly hash: Hash;
  declare readonly value: PyValue;
  constructor(hash: Hash, value: PyValue) {
    this.hash = hash;
    this.value = value;
  }
}

/** Whether `k` is a CustomKey: the typeof first, so that a str or int key costs no prototype walk. */
export function isCustom(k: HashKey): k is CustomKey {
  return typeof k === 'object' && k instanceof CustomKey;
}

/** hash(v) of a value filed under a plain key: no program code runs. Registered by hash.ts. */
let plainHash: (v: PyValue) => Hash = () => {
  throw new Error('key-index: no hash function registered');
};

export function registerPlainHash(f: (v: PyValue) => Hash): void {
  plainHash = f;
}

/** A container's keys by hash. */
export class KeyIndex {
  private readonly byHash = new Map<Hash, HashKey[]>();
  /** How many of the keys are CustomKeys: none, and a plain probe that missed the Map has nothing to compare. */
  customs = 0;

  /** The index of a container's keys (`entries`: each key with the value filed under it). */
  static of(entries: Iterable<[HashKey, PyValue]>): KeyIndex {
    const index = new KeyIndex();
    for (const [k, v] of entries) index.add(k, v);
    return index;
  }

  /** The keys of hash `h`, in the order they were filed. */
  bucket(h: Hash): readonly HashKey[] | undefined {
    return this.byHash.get(h);
  }

  add(k: HashKey, v: PyValue): void {
    const h = k instanceof CustomKey ? k.hash : plainHash(v);
    const b = this.byHash.get(h);
    if (b === undefined) this.byHash.set(h, [k]);
    else b.push(k);
    if (k instanceof CustomKey) this.customs++;
  }

  remove(k: HashKey, v: PyValue): void {
    const h = k instanceof CustomKey ? k.hash : plainHash(v);
    const b = this.byHash.get(h);
    if (b === undefined) return;
    let i = 0;
    // As a Map compares keys (SameValueZero): a NaN key is found too.
    while (i < b.length && b[i] !== k && !(b[i] !== b[i] && k !== k)) i++;
    if (i === b.length) return;
    if (b.length === 1) this.byHash.delete(h);
    else b.splice(i, 1);
    if (k instanceof CustomKey) this.customs--;
  }

  /** Every key the index holds. */
  *keys(): IterableIterator<HashKey> {
    for (const b of this.byHash.values()) yield* b;
  }

  clone(): KeyIndex {
    const copy = new KeyIndex();
    for (const [h, b] of this.byHash) copy.byHash.set(h, b.slice());
    copy.customs = this.customs;
    return copy;
  }
}
