# type() and repr() of the builtin iterators: list_iterator, str_ascii_iterator, dict_keyiterator, map, zip, generator …
for x in [iter([]),iter(()),iter(''),iter('é'),iter(b''),iter(range(3)),iter({}),iter({}.values()),iter({}.items()),iter(set()),iter(frozenset()),reversed([]),reversed(()),reversed(''),reversed(range(3)),reversed({}),reversed({}.values()),reversed({}.items()),map(str,[]),zip(),enumerate([]),filter(None,[]),(x for x in []),iter(list,0)]: print(type(x).__name__, repr(x).split(' at ')[0], type(x).__module__, iter(x) is x)
def f():
    return (x for x in [])
class C:
    g = (x for x in [])
print(repr(f()).split(' at ')[0], repr(C.g).split(' at ')[0])
it = iter([1,2]); print(type(it).__next__(it), next(it), list(map(str, [1])), list(reversed(range(3))))
def gen():
    yield 1
print(type(gen()).__name__, type(x for x in []).__name__)
print(type(b"").__name__, type(slice(1)).__name__)
class A:
    def m(self): pass
print(type(A().m).__name__, type(A).__name__, type(type).__name__)
print(repr(x for x in []).split(" at ")[0])
print(repr(gen()).split(" at ")[0])
print(repr(map(str, [])).split(" at ")[0])
