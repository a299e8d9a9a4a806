# The TypeErrors CPython raises for bad calls.
def f(a, b=2):
    return a
def g(a, *, k):
    return a
def h():
    return 1
tests = [
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, c=3),
    lambda: f(1, a=1),
    lambda: g(1),
    lambda: g(1, 2),
    lambda: h(1),
    lambda: h(x=1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
