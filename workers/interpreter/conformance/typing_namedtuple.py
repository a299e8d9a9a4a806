from typing import NamedTuple, List
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y
class Employee(NamedTuple):
    name: str
    tags: List[str]
p = Point(3, 4)
print(p, p.x, p[1], p.norm2(), Point(1), Point._fields, Point._field_defaults, p._asdict(), p._replace(y=1))
a, b = p
print(a, b, p == (3, 4), Point, Employee("ann", ["x"]), sorted([Point(2), Point(1, 5)]))
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
