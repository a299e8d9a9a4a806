# __eq__ without __hash__ makes a class unhashable; identity equality by default.
class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return self.x == other.x
class Ident:
    pass
a, b = Ident(), Ident()
print(a == a, a == b, a != b, Point(1) == Point(1), Point(1) != Point(2))
try:
    {Point(1)}
except TypeError as e:
    print(e)
print(len({a, b, a}))
