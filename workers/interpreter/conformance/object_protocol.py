# __getattr__, __setattr__, __setitem__, __delitem__, __iter__ as a generator, __len__ and bool.
class Record:
    def __init__(self):
        object.__setattr__(self, "fields", {})
    def __getattr__(self, name):
        if name in self.fields:
            return self.fields[name]
        raise AttributeError(f"no field {name!r}")
    def __setattr__(self, name, value):
        self.fields[name] = value
r = Record()
r.x = 5
r.y = "why"
print(r.x, r.y, r.fields, hasattr(r, "z"), getattr(r, "z", "default"))
try:
    r.z
except AttributeError as e:
    print(e)
class Grid:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __iter__(self):
        for key in sorted(self.cells):
            yield key, self.cells[key]
g = Grid()
g[0, 1] = "a"
g[2, 0] = "b"
print(g[0, 1], g[5, 5], len(g), list(g), bool(g))
del g[0, 1]
print(len(g), dict(g), [k for k, _ in g])
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return f"Money({self.cents})"
wallet = [Money(5), Money(10), Money(5)]
print(Money(5) in wallet, wallet.count(Money(5)), wallet.index(Money(10)), len({Money(5), Money(5)}), {Money(1): "one"}[Money(1)])
# A class's own __delattr__ runs for `del obj.name` (and object.__delattr__ raises for a missing name).
class Logged:
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
g = Logged()
g.a = 1
del g.a
print(hasattr(g, "a"))
try:
    del g.a
except AttributeError as e:
    print("AttributeError:", e)
