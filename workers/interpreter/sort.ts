// list.sort and sorted(), comparing as CPython's listsort does: keys are computed first, in order;
// a short list is sorted by count_run and binary insertion, so the comparisons made (and the
// TypeError an unorderable pair raises) are CPython's. Longer lists use a stable merge sort.
import { call } from './attributes';
import { lessThan } from './compare';
import { charge } from './native';
import type { PyValue } from './objects';

/** Below this length CPython's timsort is one run, extended by binary insertion (MIN_MERGE). */
const MIN_MERGE = 64;

interface Keyed {
  k: PyValue;
  v: PyValue;
}

function reverseSlice(a: Keyed[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) [a[lo], a[hi]] = [a[hi], a[lo]];
}

/** count_run: the length of the run at the start, reversed in place if it is strictly descending. */
function countRun(a: Keyed[]): number {
  if (a.length < 2) return a.length;
  let n = 2;
  if (lessThan(a[1].k, a[0].k)) {
    while (n < a.length && lessThan(a[n].k, a[n - 1].k)) n++;
    reverseSlice(a, 0, n);
  } else {
    while (n < a.length && !lessThan(a[n].k, a[n - 1].k)) n++;
  }
  return n;
}

/** binarysort: inserts a[start:] into the sorted a[:start], after any equal items (stable). */
function binarySort(a: Keyed[], start: number): void {
  for (let s = Math.max(start, 1); s < a.length; s++) {
    const pivot = a[s];
    let l = 0;
    let r = s;
    while (l < r) {
      const p = l + ((r - l) >> 1);
      if (lessThan(pivot.k, a[p].k)) r = p;
      else l = p + 1;
    }
    for (let p = s; p > l; p--) a[p] = a[p - 1];
    a[l] = pivot;
  }
}

function mergeSort(a: Keyed[]): Keyed[] {
  if (a.length < MIN_MERGE) {
    binarySort(a, countRun(a));
    return a;
  }
  const mid = a.length >> 1;
  const left = mergeSort(a.slice(0, mid));
  const right = mergeSort(a.slice(mid));
  const out: Keyed[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(lessThan(right[j].k, left[i].k) ? right[j++] : left[i++]);
  return out.concat(left.slice(i), right.slice(j));
}

/** Sorts `items` in place: stable, by key, with Python's < (a TypeError for unorderable items). */
export function sortValues(items: PyValue[], key: PyValue, reverse: boolean): void {
  charge(items.length * Math.max(1, Math.log2(items.length + 1)));
  let keyed: Keyed[] = items.map((v) => ({ k: key === null ? v : call(key, [v], null), v }));
  // reverse=True sorts the reversed list and reverses the result, which keeps equal items in order.
  if (reverse) keyed.reverse();
  keyed = mergeSort(keyed);
  if (reverse) keyed.reverse();
  for (let i = 0; i < items.length; i++) items[i] = keyed[i].v;
}
