# Counter, defaultdict and OrderedDict are dicts (isinstance, json.dumps, __mro__, dict(c), {**c}) and keep their own behaviour: Counter's arithmetic, defaultdict's factory, OrderedDict's order-sensitive equality, move_to_end, popitem(last=).
import json
from collections import Counter, defaultdict, OrderedDict

c = Counter("abracadabra")
print(c, isinstance(c, dict), json.dumps(c), Counter.__mro__, type(c).__name__)
print(c['a'], c['zz'], 'zz' in c, len(c), c.most_common(2), sorted(c.elements()), c.total())
c.update("aaz")
c.subtract({'b': 5})
print(c, dict(c), {**c}, list(c), c == {'a': 7, 'b': -3, 'r': 2, 'c': 1, 'd': 1, 'z': 1}, {'x': 1} == Counter(x=1))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=1, b=-1), -Counter(a=1, b=-1), Counter(), repr(Counter()))
x = Counter(a=1)
x += Counter(a=2, b=1)
x -= Counter(b=1)
x |= Counter(c=4)
x &= Counter(a=2, c=9)
print(x, type(x).__name__)
del x['a']
del x['nope']
print(x, x.copy(), type(x.copy()).__name__, Counter(x) == x, Counter(a=0) == Counter())
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)

d = defaultdict(list)
d['a'].append(1)
d['b'] += [2]
print(d, repr(d), isinstance(d, dict), json.dumps(d), defaultdict.__mro__, d.default_factory, 'c' in d, d.get('c'))
n = defaultdict(int, {'x': 1}, y=2)
n['z'] += 1
print(n, n.copy(), type(n.copy()).__name__, defaultdict(), dict(n), n == {'x': 1, 'y': 2, 'z': 1}, n | {'q': 0})
try:
    defaultdict()['k']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)

o = OrderedDict([('a', 1), ('b', 2)], c=3)
o['d'] = 4
o.move_to_end('a')
o.move_to_end('d', last=False)
print(o, isinstance(o, dict), json.dumps(o), OrderedDict.__mro__, list(o), o.popitem(), o.popitem(last=False), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), dict(b=2, a=1) == OrderedDict(a=1, b=2), OrderedDict(a=1) != OrderedDict(a=1))
print(OrderedDict(), OrderedDict.fromkeys('xy', 0), o.copy(), type(o.copy()).__name__, o | {'z': 9}, type(o | {'z': 9}).__name__)
p = OrderedDict(a=1)
p |= {'b': 2}
print(p, type(p).__name__, list(reversed(OrderedDict(a=1, b=2))))
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    o.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)
class MyCounter(Counter):
    pass
print(MyCounter('aab'), MyCounter('ab').copy())
print(f"{c}", str(d), '%s' % o)
