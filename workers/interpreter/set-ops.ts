// Set algebra in CPython's order of work (set_merge, set_intersection, set_difference …): which
// set is walked and which is copied decides the layout of the result's table, hence the order a
// set prints in. Changes to an existing set go through `mutate`, so shared sets stay in step.
import { findKey, hashKey, setAdd, setAddKey, setDiscard, setHas, tableHasKey } from './compare';
import { iterate } from './iteration';
import { mutate } from './mutations';
import { PyDict, PySet, type PyValue } from './objects';

export function emptySet(frozen: boolean): PySet {
  return new PySet(frozen);
}

/** set(iterable) / frozenset(iterable). */
export function setFrom(source: PyValue, frozen: boolean): PySet {
  const s = new PySet(frozen);
  addAll(s, source);
  return s;
}

/** A set other threads see changes through `mutate` (heap.ts logs it); any other is changed in place. */
function isShared(s: PySet): boolean {
  return Boolean(s.sid);
}

/** set_update_internal: another set is merged table to table, a dict is sized for at once. */
function addAll(s: PySet, source: PyValue, shared = isShared(s)): void {
  if (source instanceof PySet && !shared) {
    // Keys taken as they are, unless a user-defined __eq__ may have to tell them apart.
    if (s.map.size === 0 || (s.map.index === null && source.map.index === null)) s.map.merge(source.map);
    else for (const [k, v] of source.map) setAddKey(s.map, k, v);
    return;
  }
  if (source instanceof PyDict && !shared) {
    s.map.reserve(source.map.size);
    for (const [k, e] of source.map) setAddKey(s.map, k, e.k);
    return;
  }
  const it = iterate(source);
  for (let v = it.next(); v !== undefined; v = it.next()) {
    if (shared) mutate.setAdd(s, v);
    else setAdd(s.map, v);
  }
}

export function copySet(s: PySet, frozen = s.frozen): PySet {
  const out = new PySet(frozen);
  out.map.merge(s.map);
  return out;
}

/** s |= other, s.update(other). */
export function update(s: PySet, other: PyValue): void {
  addAll(s, other);
}

export function union(s: PySet, others: PyValue[]): PySet {
  const out = copySet(s);
  for (const o of others) addAll(out, o);
  return out;
}

/** set_intersection: walks the smaller set, keeping what the larger one has. */
export function intersection(s: PySet, other: PyValue): PySet {
  if (other === s) return copySet(s);
  const out = new PySet(s.frozen);
  if (other instanceof PySet) {
    const [small, large] = other.map.size > s.map.size ? [s, other] : [other, s];
    for (const [k, v] of small.map) if (tableHasKey(large.map, k, v)) out.map.set(k, v);
    return out;
  }
  const it = iterate(other);
  for (let v = it.next(); v !== undefined; v = it.next()) {
    const k = hashKey(v);
    if (tableHasKey(s.map, k, v)) setAddKey(out.map, k, v);
  }
  return out;
}

/** set_difference: copies and removes when the other is much smaller, else walks this one. */
export function difference(s: PySet, other: PyValue): PySet {
  const otherSize = other instanceof PySet || other instanceof PyDict ? other.map.size : -1;
  if (otherSize < 0 || s.map.size >> 2 > otherSize) {
    const out = copySet(s);
    const it = iterate(other);
    for (let v = it.next(); v !== undefined; v = it.next()) setDiscard(out.map, v);
    return out;
  }
  const others = other instanceof PyDict ? other : (other as PySet).map;
  const out = new PySet(s.frozen);
  for (const [k, v] of s.map) if (!tableHasKey(others, k, v)) out.map.set(k, v);
  return out;
}

/** set_symmetric_difference: a copy of the other, updated with this one. */
export function symmetricDifference(s: PySet, other: PyValue): PySet {
  const out = setFrom(other, s.frozen);
  for (const [k, v] of s.map) {
    const found = findKey(out.map, k, v);
    if (found !== undefined) out.map.delete(found);
    else out.map.set(k, v);
  }
  return out;
}

export function differenceUpdate(s: PySet, other: PyValue): void {
  if (other === s) {
    mutate.setClear(s);
    return;
  }
  for (const v of other instanceof PySet ? [...other.map.values()] : valuesOf(other)) mutate.setDelete(s, v);
}

export function intersectionUpdate(s: PySet, other: PyValue): void {
  const kept = intersection(s, other);
  if (!isShared(s)) {
    s.map.adopt(kept.map);
    return;
  }
  mutate.setClear(s);
  for (const v of kept.map.values()) mutate.setAdd(s, v);
}

export function symmetricDifferenceUpdate(s: PySet, other: PyValue): void {
  const items = other instanceof PySet ? [...other.map.values()] : [...setFrom(other, true).map.values()];
  for (const v of items) {
    if (setHas(s, v)) mutate.setDelete(s, v);
    else mutate.setAdd(s, v);
  }
}

function valuesOf(v: PyValue): PyValue[] {
  const out: PyValue[] = [];
  const it = iterate(v);
  for (let x = it.next(); x !== undefined; x = it.next()) out.push(x);
  return out;
}
