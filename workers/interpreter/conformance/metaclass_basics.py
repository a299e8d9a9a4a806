# Metaclasses: __new__/__init__ with class keywords, __call__ (a singleton), slots on the metaclass
# (iter, len, [], in, repr, bool, __getattr__), super() in a metaclass, and classes derived from int and str.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('new', mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get('tag', 'none')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('init', name)
        super().__init__(name, bases, ns)
    def __iter__(cls):
        return iter(cls.items)
    def __len__(cls):
        return len(cls.items)
    def __getitem__(cls, i):
        return cls.items[i]
    def __contains__(cls, x):
        return x in cls.items
    def __repr__(cls):
        return f'<meta {cls.__name__}>'
    def __bool__(cls):
        return bool(cls.items)
    def describe(cls):
        return f'{cls.__name__} with {len(cls)}'

class A(metaclass=Meta, tag='x'):
    items = [1, 2, 3]
    def hello(self):
        return 'hi'

class B(A):
    items = []

print(type(A), type(B), isinstance(A, Meta), isinstance(A, type), type(A) is Meta)
print(list(A), len(A), A[1], 2 in A, 5 in A, repr(A), str(A), bool(A), bool(B), A.describe(), A.tag, B.tag)
print(A().hello(), type(A()).__name__)

class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, name):
        self.name = name
        print('Config init', name)

a = Config('one')
b = Config('two')
print(a is b, a.name)

class Base:
    def __init_subclass__(cls, flavor='plain', **kw):
        super().__init_subclass__(**kw)
        cls.flavor = flavor
class Sweet(Base, flavor='sweet'):
    pass
print(Sweet.flavor)
try:
    class Bad(Base, colour='red'):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class X3(X1, X2): pass
except TypeError as e:
    print(type(e).__name__, e)

class Proxy(type):
    def __getattr__(cls, name):
        return f'virtual {name}'
class P(metaclass=Proxy):
    real = 1
print(P.real, P.anything)

class Reg(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Reg.registry.append(name)
class R1(metaclass=Reg): pass
class R2(R1): pass
print(Reg.registry)

Dyn = Meta('Dyn', (), {'items': [9]})
print(list(Dyn), type(Dyn).__name__)

class WithSuper(metaclass=Meta):
    items = ()
    def m(self):
        return super().__repr__()[:10]
print(WithSuper().m())

class MyInt(int):
    def double(self):
        return self * 2
n = MyInt(21)
print(n, repr(n), n + 1, n.double(), isinstance(n, int), n == 21, hash(n) == hash(21), {21: 'x'}[n], type(n).__name__, [0, 1, 2][MyInt(1)], f'{n:>5}', n.bit_length(), -n, int(n), float(n))

class Name(str):
    def shout(self):
        return self.upper() + '!'
s = Name('hey')
print(s, repr(s), s.shout(), len(s), s + '?', s == 'hey', 'e' in s, list(s), s[1], f'[{s:>5}]', s.startswith('h'), type(s).__name__, '-'.join([s, s]))
