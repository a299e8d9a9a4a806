# __str__, __repr__, __eq__, __lt__, __len__, __iter__, __getitem__, __contains__, __call__, __add__, __hash__.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __eq__(self, other):
        return isinstance(other, V) and (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __add__(self, other):
        return V(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(-self.x, -self.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __len__(self):
        return 2
    def __iter__(self):
        return iter([self.x, self.y])
    def __getitem__(self, i):
        return [self.x, self.y][i]
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, scale):
        return self * scale
    def __bool__(self):
        return bool(self.x or self.y)
a = V(1, 2)
b = V(3, 4)
print(a, repr(a), [a], str(a), f"{a}", f"{a!r}", "%s %r" % (a, a))
print(a + b, a * 2, 3 * a, -a, a == V(1, 2), a != b, a < b, b > a, sorted([b, a]), max(a, b))
print(len(a), list(a), a[1], 2 in a, 5 in a, a(10), bool(V(0, 0)), {a: "found"}[V(1, 2)], x_y := tuple(a))
x, y = a
print(x, y, min([b, a]), V(0, 0) or "falsy")
