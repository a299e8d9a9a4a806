# Function decorators, decorators with arguments, stacked decorators, class decorators.
def shout(f):
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs).upper()
    wrapper.__name__ = f.__name__
    return wrapper
def repeat(n):
    def deco(f):
        def wrapper(x):
            return [f(x) for _ in range(n)]
        return wrapper
    return deco
@shout
def greet(name):
    return f"hello {name}"
@repeat(3)
@shout
def word(w):
    return w
print(greet("ann"), greet.__name__, word("hi"))
calls = []
def logged(f):
    def inner(*a):
        calls.append((f.__name__, a))
        return f(*a)
    return inner
@logged
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), calls)
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
@register
class Plugin:
    pass
print(list(registry), registry["Plugin"] is Plugin)
