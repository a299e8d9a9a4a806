# Objects with keys() and [] are mappings to dict(), dict.update() and ** in calls.
class M:
    def __init__(self, d):
        self.d = d
    def keys(self):
        return list(self.d)
    def __getitem__(self, k):
        return self.d[k] * 10
def f(**kw):
    return sorted(kw.items())
m = M({'a': 1, 'b': 2})
print(dict(m), f(**m), f(c=0, **m))
d = {'z': 0}
d.update(m)
print(d)
try:
    f(**M({1: 2}))
except TypeError as e:
    print("TypeError:", e)
# hash() of an object is what its __hash__ returns, when it fits a machine word.
class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash(H(hash((1, 2)))) == hash((1, 2)), hash(H(-1)), hash(H(2 ** 70)), hash(H(2 ** 62)))
# A class renamed through __name__, __qualname__ and __module__ shows its new names.
class Old:
    pass
Old.__name__ = 'New'
Old.__qualname__ = 'Outer.New'
Old.__module__ = 'elsewhere'
print(Old, Old.__name__, Old.__qualname__, Old.__module__, type(Old()).__name__)
