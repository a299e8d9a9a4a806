from collections import deque, Counter, defaultdict, namedtuple, OrderedDict
import collections
d = deque([1, 2])
d.appendleft(0); d.append(3)
print(d, len(d), d[0], d[-1], d.popleft(), d.pop(), d)
d.extend([4, 5]); d.extendleft([9, 8]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
m = deque(range(5), maxlen=3); print(m, m.maxlen); m.append(9); print(m); m.appendleft(7); print(m)
print(list(reversed(m)), 9 in m, m == deque([7, 3, 4]), deque() == deque(), bool(deque()))
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1])[5]
except IndexError as e:
    print("IndexError:", e)
d[1] = 'x'; del d[0]; print(d, d.count('x'), d.index('x'))
c = Counter("abracadabra")
print(c, c['a'], c['z'], c.most_common(2), len(c))
print(sorted(c.elements()))
c.update("aaz"); c.subtract({'b': 5}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), +Counter(a=-1, b=2), -Counter(a=-1, b=2))
print(Counter(), Counter(a=1) == Counter(a=1, b=0), c.total(), list(c.keys()), sorted(c.items()))
words = "the cat the dog the end".split()
wc = Counter(words); wc["cat"] += 2; print(wc.most_common())
del wc["cat"]; del wc["nothing"]; print(wc)
dd = defaultdict(int)
for ch in "hello": dd[ch] += 1
print(dd, dd['q'], dict(dd))
dl = defaultdict(list); dl['a'].append(1); dl['a'].append(2); print(dl, defaultdict(None), dl.default_factory)
try:
    defaultdict(None)['x']
except KeyError as e:
    print("KeyError:", e)
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, tuple(p), p == (1, 2), Point)
x, y = p; print(x + y, len(p), hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
P3 = namedtuple('P3', 'a b c', defaults=[0])
print(P3(1, 2), P3._make([4, 5, 6]), P3._field_defaults, type(p).__name__)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: P3(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    namedtuple('Bad', 'x _y')
except ValueError as e:
    print("ValueError:", e)
od = OrderedDict(); od['a'] = 1; od['b'] = 2; od['c'] = 3
od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od, list(od))
print(od.popitem(), od.popitem(last=False), od, OrderedDict(), OrderedDict(a=1) == OrderedDict(a=1))
print(collections.Counter("aab").most_common(1), isinstance(p, Point))
