// hash() and id() as a program sees them. Numbers and tuples hash as in CPython (stable-hash.ts);
// strings and None hash randomly in CPython, and get a stable hash of their own here.
import { call } from './attributes';
import { pyError } from './errors';
import {
  lookupType,
  objectId,
  PyFloat,
  PyDerived,
  PyInstance,
  slot,
  PyObject,
  PySet,
  PyTuple,
  types,
  typeOf,
  type PyValue,
} from './objects';
import { CustomKey, registerPlainHash } from './key-index';
import { intHash, stableHash, tupleHash, U64, type Hash } from './stable-hash';

function stringHash(s: string): Hash {
  // FNV-1a over UTF-16 units, folded to 61 bits: stable across runs (CPython's is salted).
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n) & U64;
  return intHash(BigInt.asIntN(64, h));
}

/** The default hash of an object: its id rotated by four bits, as _Py_HashPointer does. */
function pointerHash(o: object): Hash {
  return Math.floor(objectId(o) / 16);
}

/** hash(v), raising TypeError for unhashable values. */
export function pyHash(v: PyValue): Hash {
  const stable = stableHash(v);
  if (stable !== null) return stable;
  if (typeof v === 'string') return stringHash(v);
  if (v === null) return pointerHash(types.NoneType);
  if (v instanceof PyFloat) return pointerHash(v);
  if (v instanceof PyTuple) return tupleHash(v.items, pyHash)!;
  if (v instanceof PySet && v.frozen) return frozensetHash(v);
  if (v instanceof PyInstance) {
    const hash = slot(v, '__hash__');
    const eq = slot(v, '__eq__');
    if (hash === null || (hash === undefined && eq !== undefined && eq !== lookupType(types.object, '__eq__')))
      throw pyError('TypeError', `unhashable type: '${v.type.name}'`);
    if (hash !== undefined) return instanceHash(v, hash);
    if (v instanceof PyDerived) {
      if (typeof v.builtin === 'object') throw pyError('TypeError', `unhashable type: '${v.type.name}'`); // a dict's or list's
      return pyHash(v.builtin);
    }
  }
  if (v instanceof PyObject && isUnhashable(v)) throw pyError('TypeError', `unhashable type: '${typeOf(v).name}'`);
  return pointerHash(v as object);
}

/** frozenset_hash; an item filed under a CustomKey keeps the hash it was filed with (CPython's entry->hash). */
export function frozensetHash(v: PySet): Hash {
  let h = BigInt(v.map.size + 1) * 1927868237n;
  for (const [k, item] of v.map.entries()) {
    const lane = k instanceof CustomKey ? k.hash : pyHash(item);
    h ^= ((BigInt.asUintN(64, BigInt(lane)) ^ 89869747n) * 3644798167n) & U64;
  }
  return intHash(BigInt.asIntN(64, h & U64));
}

registerPlainHash(pyHash);

function isUnhashable(v: PyObject): boolean {
  const t = typeOf(v);
  return t === types.list || t === types.dict || t === types.set;
}

/** What an instance's __hash__ (`hash`) makes hash(v). */
export function instanceHash(v: PyInstance, hash: PyValue): Hash {
  const r = call(hash, [v], null);
  // As CPython: a result that fits a Py_ssize_t is the hash itself (-1 becomes -2), a larger one is hashed.
  if (typeof r === 'number') return r === -1 ? -2 : r;
  if (typeof r === 'bigint') return r === BigInt.asIntN(64, r) ? (Number.isSafeInteger(Number(r)) ? Number(r) : r) : intHash(r);
  if (typeof r === 'boolean') return r ? 1 : 0;
  throw pyError('TypeError', '__hash__ method should return an integer');
}

const primitiveIds = new Map<PyValue, number>();

/** id(v): stable per object; equal ints, strings and floats of one value share one (CPython caches small ones). */
export function valueId(v: PyValue): number {
  if (v instanceof PyObject) return objectId(v);
  let id = primitiveIds.get(v);
  if (id === undefined) {
    id = objectId({});
    primitiveIds.set(v, id);
  }
  return id;
}
