# Keys whose class defines __hash__: equal hashes are not equal keys, __eq__ decides (called only
# for keys of equal hash that are not the same object); without __eq__, identity does.
import collections
from dataclasses import dataclass

calls = []


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1

    def __eq__(self, other):
        calls.append((self.v, other.v if isinstance(other, K) else other))
        return isinstance(other, K) and self.v == other.v

    def __repr__(self):
        return f'K({self.v})'


def counted(label, f):
    calls.clear()
    r = f()
    print(label, r, calls)


k1, k2 = K(1), K(2)
print(len({K(1), K(2), K(1)}))
d = {K(1): 'a', K(2): 'b'}
print(d[K(2)], len(d), d)
print((K(1),) in {(K(2),)}, (K(2),) in {(K(2),)}, (K(1), 'x') in {(K(1), 'x'): 0})
print(frozenset([K(1)]) in {frozenset([K(2)])}, frozenset([K(1)]) in {frozenset([K(1)])})

# __eq__ only for equal hashes, never for the same object
s = {k1, k2}
counted('same object:', lambda: k1 in s)
counted('equal object:', lambda: K(2) in s)
counted('missing:', lambda: K(3) in s)
counted('int probe:', lambda: 1 in s)
counted('add equal:', lambda: s.add(K(1)))
print(len(s))

# a new value keeps the first key; deleting and re-adding moves a key to the end
d = {K(1): 'a', K(2): 'b', K(3): 'c'}
first = next(iter(d))
d[K(1)] = 'A'
print(d, next(iter(d)) is first)
del d[K(2)]
print(d, K(2) in d, K(3) in d)
d[K(2)] = 'B'
print(list(d.items()))
print(d.get(K(3)), d.get(K(4), '-'), d.pop(K(1)), d.pop(K(9), 'none'), d)
print(d.setdefault(K(3), 'x'), d.setdefault(K(5), 'e'), d)
d.update({K(5): 'E', K(6): 'F'})
print(d, d.popitem(), d)
try:
    d[K(7)]
except KeyError as e:
    print('KeyError', e)
try:
    del d[K(7)]
except KeyError as e:
    print('KeyError', e)
c = d.copy()
print(c == d, c == {K(3): 'c', K(2): 'B'}, c == {K(3): 'c', K(4): 'B'}, dict(c) == c)
print({K(1): 1} | {K(1): 2, K(2): 3}, {**{K(1): 1}, **{K(1): 5}})

# sets and views
a = {K(1), K(2), K(3)}
b = {K(2), K(3), K(4)}
print(sorted((a | b), key=lambda k: k.v), sorted(a & b, key=lambda k: k.v))
print(sorted(a - b, key=lambda k: k.v), sorted(a ^ b, key=lambda k: k.v))
print(a == {K(3), K(2), K(1)}, a <= {K(1), K(2), K(3), K(4)}, a < b, a.isdisjoint({K(5)}), a.isdisjoint({K(3)}))
print({K(2)}.issubset(a), a.issuperset([K(1)]), frozenset(a) == a)
a.discard(K(1))
a.remove(K(2))
try:
    a.remove(K(2))
except KeyError as e:
    print('KeyError', e)
print(a)
a |= {K(3), K(8)}
a -= {K(8)}
a ^= {K(3), K(9)}
a &= {K(9), K(10)}
print(a)
e = {K(1): 1, K(2): 2}
print(K(1) in e.keys(), (K(2), 2) in e.items(), (K(2), 3) in e.items(), sorted(e.keys() & {K(2)}, key=lambda k: k.v))
print(sorted(e.keys() - {K(2)}, key=lambda k: k.v), e.keys() == {K(2), K(1)})
print(len({K(i % 3) for i in range(9)}), {K(i % 2): i for i in range(5)}, len(set([K(0), K(0)])))
print(len(frozenset([K(0), K(1), K(0)])))

# collections
cnt = collections.Counter([K(1), K(2), K(1)])
print(cnt[K(1)], cnt[K(2)], cnt[K(3)], len(cnt))
dd = collections.defaultdict(list)
for i in range(5):
    dd[K(i % 2)].append(i)
print(dict(dd))
od = collections.OrderedDict([(K(1), 1), (K(2), 2), (K(1), 3)])
print(list(od.items()))


# a __hash__ without __eq__: identity; __eq__ that returns NotImplemented: identity too
class H:
    def __hash__(self):
        return 7


class N:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        return NotImplemented


h = H()
n = N()
print(len({H(), H()}), len({h, h}), h in {h}, H() in {h}, len({N(), N(), n, n}), n in {n: 1}, N() in {n: 1})


# equal to an int: the same key as the int, both ways
class Five:
    def __hash__(self):
        return 5

    def __eq__(self, other):
        return other == 5

    def __repr__(self):
        return 'Five()'


print({5: 'x'}[Five()], {Five(): 'y'}[5], 5 in {Five()}, Five() in {5, 6}, {5, Five()}, {Five(), 5.0})
d = {5: 'int'}
d[Five()] = 'five'
print(d)
d = {Five(): 'five'}
d[5] = 'int'
print(d, d.pop(5), d)
print({5: 1} == {Five(): 1}, {Five()} == {5}, len({Five(), 5, Five()}))


# a namedtuple equals its tuple
P = collections.namedtuple('P', 'x y')
grid = {(1, 2): 'a'}
print(grid[P(1, 2)], P(1, 2) in grid, {P(3, 4): 'b'}[(3, 4)], (3, 4) in {P(3, 4)}, len({P(1, 2), (1, 2)}))


# equal to a str
class Name:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        return self.s == (other.s if isinstance(other, Name) else other)


print({'abc': 1}[Name('abc')], {Name('abc'): 2}['abc'], 'abc' in {Name('abc')}, Name('x') in {'x', 'y'})


@dataclass(frozen=True)
class Pt:
    x: int
    y: int


pts = {Pt(1, 2): 'a', Pt(2, 1): 'b'}
print(pts[Pt(2, 1)], Pt(1, 2) in pts, Pt(3, 3) in pts, len({Pt(0, 0), Pt(0, 0)}))


# what __hash__ returns: -1 is -2, a big int is hashed, a float is an error
class R:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(R(-1)), hash(R(2 ** 70)) == hash(2 ** 70), len({R(-1), R(-1)}))
try:
    {R(1.5)}
except TypeError as e:
    print('TypeError', e)

# a NaN equals no other NaN: each is a key of its own, found by identity
nan = float('nan')
print(nan in {nan}, float('nan') in {nan}, len({nan, float('nan'), nan}), len({(nan,), (nan,), (float('nan'),)}))
print(len({nan: 1, float('nan'): 2}), {nan: 'x'}.get(nan), {nan: 'x'}.get(float('nan')))
