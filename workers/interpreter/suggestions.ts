// "Did you mean: 'name'?" for a NameError or AttributeError that ends a program, computed as
// CPython 3.11's Python/suggestions.c does: the closest candidate by a Levenshtein distance where
// a case flip costs half a substitution, within a third of the characters.
import type { PyInstance } from './objects';

const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_STRING_SIZE = 40;
const MAX_CANDIDATE_ITEMS = 750;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

function levenshtein(a: string, b: string, maxCost: number): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  let x = a.slice(start, aEnd);
  let y = b.slice(start, bEnd);
  if (x.length === 0 || y.length === 0) return (x.length + y.length) * MOVE_COST;
  if (x.length > MAX_STRING_SIZE || y.length > MAX_STRING_SIZE) return maxCost + 1;
  if (y.length < x.length) [x, y] = [y, x];
  if ((y.length - x.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row = Array.from({ length: x.length }, (_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let j = 0; j < y.length; j++) {
    let distance = (result = j * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < x.length; i++) {
      const substitute = distance + substitutionCost(y[j], x[i]);
      distance = row[i];
      result = Math.min(Math.min(result, distance) + MOVE_COST, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** The candidate closest to `name`, or null when none is close enough. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    const maxDistance = Math.min(Math.floor(((name.length + item.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

/** Where to look for a suggestion, by exception: filled in when the exception is raised, read only if it is printed. */
const suggestionSources = new WeakMap<PyInstance, () => string | null>();

export function offerSuggestion(e: PyInstance, find: () => string | null): void {
  suggestionSources.set(e, find);
}

export function suggestionFor(e: PyInstance): string | null {
  return suggestionSources.get(e)?.() ?? null;
}
