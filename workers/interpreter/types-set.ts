// set and frozenset: constructors and methods, in CPython's order of work (set-ops.ts).
import { isSubset, setHas, tableHasKey } from './compare';
import { pyError } from './errors';
import { mutate } from './mutations';
import { arity, charge, defineMethod } from './native';
import { PySet, types, type PyValue } from './objects';
import * as ops from './set-ops';

/** A method's other operand as a set: sets as they are, other iterables copied into a frozenset. */
function asSet(v: PyValue): PySet {
  return v instanceof PySet ? v : ops.setFrom(v, true);
}

export function initSetTypes(): void {
  const { set, frozenset } = types;
  const construct = (frozen: boolean) => (_cls: unknown, args: PyValue[]) => {
    arity(frozen ? 'frozenset' : 'set', args, 0, 1);
    return args.length ? ops.setFrom(args[0], frozen) : ops.emptySet(frozen);
  };
  set.construct = construct(false);
  frozenset.construct = construct(true);

  for (const t of [set, frozenset]) {
    const m = (name: string, f: (s: PySet, a: PyValue[]) => PyValue) =>
      defineMethod(t, name, (self, a) => {
        const s = self as PySet;
        charge(s.map.size);
        return f(s, a);
      });
    m('union', (s, a) => ops.union(s, a));
    m('intersection', (s, a) => a.reduce<PySet>((acc, o) => ops.intersection(acc, o), ops.copySet(s)));
    m('difference', (s, a) =>
      a.length === 0
        ? ops.copySet(s)
        : a.slice(1).reduce<PySet>((acc, o) => ops.difference(acc, o), ops.difference(s, a[0])),
    );
    m('symmetric_difference', (s, a) => {
      arity('set.symmetric_difference', a, 1);
      return ops.symmetricDifference(s, a[0]);
    });
    m('issubset', (s, a) => {
      arity('set.issubset', a, 1);
      return isSubset(s, asSet(a[0]));
    });
    m('issuperset', (s, a) => {
      arity('set.issuperset', a, 1);
      return isSubset(asSet(a[0]), s);
    });
    m('isdisjoint', (s, a) => {
      arity('set.isdisjoint', a, 1);
      const o = asSet(a[0]);
      for (const [k, v] of s.map) if (tableHasKey(o.map, k, v)) return false;
      return true;
    });
    m('copy', (s) => ops.copySet(s));
  }

  const m = (name: string, f: (s: PySet, a: PyValue[]) => PyValue) =>
    defineMethod(set, name, (self, a) => {
      charge();
      return f(self as PySet, a);
    });
  m('add', (s, a) => {
    arity('set.add', a, 1);
    mutate.setAdd(s, a[0]);
    return null;
  });
  m('discard', (s, a) => {
    arity('set.discard', a, 1);
    mutate.setDelete(s, a[0]);
    return null;
  });
  m('remove', (s, a) => {
    arity('set.remove', a, 1);
    if (!setHas(s, a[0])) throw pyError('KeyError', undefined, a[0]);
    mutate.setDelete(s, a[0]);
    return null;
  });
  m('pop', (s) => {
    if (s.map.size === 0) throw pyError('KeyError', 'pop from an empty set');
    if (!s.sid) return s.map.pop()!;
    const first = s.map.values().next().value as PyValue;
    mutate.setDelete(s, first);
    return first;
  });
  m('clear', (s) => {
    mutate.setClear(s);
    return null;
  });
  m('update', (s, a) => {
    for (const o of a) ops.update(s, o);
    return null;
  });
  m('difference_update', (s, a) => {
    for (const o of a) ops.differenceUpdate(s, o);
    return null;
  });
  m('intersection_update', (s, a) => {
    for (const o of a) ops.intersectionUpdate(s, o);
    return null;
  });
  m('symmetric_difference_update', (s, a) => {
    arity('set.symmetric_difference_update', a, 1);
    ops.symmetricDifferenceUpdate(s, a[0]);
    return null;
  });
}
