# Classes derived from dict: dict's behaviour on the instance, overrides where CPython calls them (update/get/setdefault do not call an overridden __setitem__/__getitem__), __missing__, super().__init__, |=.
import json

class D(dict):
    pass

d = D(a=1, b=2)
print(d, repr(d), type(d).__name__, isinstance(d, dict), len(d), list(d), 'a' in d, 'z' in d)
print(d == {'a': 1, 'b': 2}, {'a': 1, 'b': 2} == d, d != {}, dict(d), {**d}, json.dumps(d))
d['c'] = 3
del d['a']
print(d, d.get('b'), d.get('q', 9), sorted(d.items()), list(d.keys()), list(d.values()))
d.x = 5
print(d.x, d.__dict__, bool(d), bool(D()))
for k in d:
    print(k, d[k])

class M(dict):
    def __missing__(self, key):
        return key * 2
m = M()
print(m['ab'], m.get('ab'), 'ab' in m, m)

class G(dict):
    def __getitem__(self, k):
        return 'G:' + str(super().__getitem__(k))
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v * 10)
g = G({'a': 1})
g['b'] = 2
g.update(c=3)
g.setdefault('d', 4)
print(g['a'], g['b'], g.get('c'), g, dict(g))

class I(dict):
    def __init__(self, *args, tag=None, **kw):
        super().__init__(*args, **kw)
        self.tag = tag
i = I([('x', 1)], tag='t', y=2)
print(i, i.tag, I.__mro__)
d |= {'z': 0}
print(d, type(d).__name__)
print(d | {'w': 1}, type(d | {'w': 1}).__name__)
c = d.copy()
print(type(c).__name__, c)
try:
    D()['nope']
except KeyError as e:
    print('KeyError', e)
class Counter2(dict):
    def __missing__(self, k):
        return 0
cc = Counter2()
for ch in 'hello':
    cc[ch] += 1
print(cc)
print(f"{d}", str(d), '%s' % d)
try:
    hash(d)
except TypeError as e:
    print(e)
print(isinstance(d, D), issubclass(D, dict), type(d) is D, d.__class__)
