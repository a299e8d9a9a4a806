import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key
p = partial(int, base=2)
print(p("101"), p, repr(partial(max, 1, 2)))
p2 = partial(p, "11")
print(p2(), p2.func, p2.args, p2.keywords)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k) + 1
    return inner
@deco
def add(a, b):
    return a + b
print(add(1, 2), add.__name__, add.__qualname__, add.__wrapped__.__name__)
@lru_cache(maxsize=2)
def sq(n):
    print("compute", n)
    return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.cache_info().hits, tuple(sq.cache_info()))
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
@lru_cache
def ident(x):
    return x
print(ident(1), ident.cache_info(), ident.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2), V.__gt__.__name__)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
def f(a, b, c=3):
    return (a, b, c)
print(partial(f, 1, c=9)(2), partial(f, c=0)(1, 2, c=5))
print(partial(f, 1).args, partial(f, x=1).keywords)
@lru_cache(maxsize=None, typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t.cache_info().currsize)
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
@total_ordering
class W:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __ge__(self, o): return self.v >= o.v
print(W(1) < W(2), W(2) <= W(2), W(3) > W(2))
