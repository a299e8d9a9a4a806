# Reprs of functions, classes, methods, generators and builtins (addresses are checked by shape).
import math
def f():
    yield 1
class A:
    def m(self):
        pass
def shape(text):
    import_free = text
    return import_free.split(" at 0x")[0] + (">" if " at 0x" in text else "")
print(shape(repr(f)), shape(repr(A().m)), shape(repr(f())), A, A.m.__qualname__)
print(repr(len), repr(print), math.sqrt.__name__, repr(int), repr(type(None)), type(f), type(f()), type(len))
print(repr(None), repr(...), repr(NotImplemented), repr(range(3)), repr(range(1, 10, 2)), repr(slice(1, 2)))
print(str(A).startswith("<class"), repr(A()).startswith("<__main__.A object at 0x"), repr([A][0]))
print(f.__name__, f.__qualname__, A.__name__, A.m.__name__, len.__name__, A().m.__name__)
