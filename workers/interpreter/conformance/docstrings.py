# __doc__ of modules, functions, methods, classes (None without a docstring); functools.wraps copies it.
"""Module docstring
over two lines."""
import functools
print(__doc__)
def f():
    """Docstring here."""
print(f.__doc__)
def g():
    pass
print(g.__doc__, (lambda: 0).__doc__)
class C:
    """Class doc."""
    def m(self):
        "method doc"
    def n(self):
        x = 1
        """not a docstring"""
print(C.__doc__, C.m.__doc__, C().m.__doc__, C.n.__doc__)
class D(C):
    pass
print(D.__doc__, "__doc__" in vars(D), vars(C)["__doc__"])
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper
@deco
def h(x):
    """Adds one."""
    return x + 1
print(h.__doc__, h.__name__, h(1))
f.__doc__ = "changed"
print(f.__doc__)
def gen():
    """A generator."""
    yield 1
def co():
    """A coroutine."""
print(gen.__doc__, co.__doc__)
def fs():
    f"""not {1} a docstring"""
print(fs.__doc__)
