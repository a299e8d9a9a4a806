# Positional, keyword and default arguments.
def f(a, b=2, c=3):
    return a + b * 10 + c * 100
print(f(1), f(1, 5), f(1, c=9), f(a=4, b=0, c=0), f(*[1, 2, 3]), f(**{"a": 1, "c": 2}))
def g(*args, **kwargs):
    return args, sorted(kwargs.items())
print(g(), g(1, 2, x=3, y=4))
def h(a, *, key=None, flag=False):
    return a, key, flag
print(h(1), h(1, key="k"), h(1, flag=True, key=0))
def k(a, /, b):
    return a - b
print(k(5, 2), k(5, b=1))
def mixed(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
