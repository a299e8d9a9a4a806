// A dict or set holding a key whose class defines __hash__ keeps an index of its keys by hash
// (key-index.ts): after any mix of changes it holds exactly the container's keys, and counts its
// CustomKeys, or lookups would miss keys or compare with keys no longer there.
import { describe, expect, it } from 'vitest';
import { CustomKey } from './key-index';
import { PyDict, PyList, PyModule, PySet, type HashKey } from './objects';
import { runStandalone } from './standalone';

const program = `
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

class Five:
    def __hash__(self):
        return 5
    def __eq__(self, other):
        return other == 5

out = []
d = {}
s = set()
for i in range(60):
    key = [K(i % 7), i % 5, str(i % 4), (K(i % 3), i % 2), Five(), 5][i % 6]
    if i % 4 == 3:
        d.pop(key, None)
        s.discard(key)
    else:
        d[key] = i
        s.add(key)
    if i % 11 == 10:
        d.popitem()
        s.pop()
copy = d.copy()
if K(1) in copy:
    del copy[K(1)]
merged = d | {K(100): 1, 1: 2}
union = s | {K(3), K(100)}
inter = s & {K(3), K(4), 1, 5}
diff = s - {K(3)}
sym = s ^ {K(3), K(200)}
upd = set(s)
upd ^= {K(3), K(300)}
upd -= {K(0)}
upd &= {K(1), K(2), K(300), 5}
plain = {1: 'a', 'x': 'b'}
probed = K(1) in plain
plain[K(1)] = 'c'
del plain[1]
cleared = {K(1): 1}
cleared.clear()
cleared[2] = 2
out = [d, s, copy, merged, union, inter, diff, sym, upd, plain, cleared]
`;

function keysOf(c: PyDict | PySet): HashKey[] {
  return [...c.map.keys()];
}

describe('the key index of a dict or set', () => {
  const run = runStandalone(program);
  const main = run.interp.modules.map.get('__main__')!.v as PyModule;
  const containers = (main.dict.map.get('out')!.v as PyList).items as (PyDict | PySet)[];

  it('ran', () => {
    expect(run.stderr).toBe('');
    expect(containers).toHaveLength(11);
    // All but the last (cleared, then given a plain key) hold or met a CustomKey.
    const indexed = containers.map((c) => (c instanceof PyDict ? c.index : c.map.index) !== null);
    expect(indexed).toEqual([...Array<boolean>(10).fill(true), false]);
  });

  it.each(containers.map((c, i) => [i, c] as const))('#%i holds exactly its keys, CustomKeys counted', (_i, c) => {
    const index = c instanceof PyDict ? c.index : c.map.index;
    const keys = keysOf(c);
    const customs = keys.filter((k) => k instanceof CustomKey).length;
    if (index === null) {
      expect(customs).toBe(0);
      return;
    }
    expect(new Set(index.keys())).toEqual(new Set(keys));
    expect([...index.keys()]).toHaveLength(keys.length);
    expect(index.customs).toBe(customs);
  });
});
