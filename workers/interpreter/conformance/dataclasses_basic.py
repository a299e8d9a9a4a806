from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import List, ClassVar
@dataclass
class P:
    x: int
    y: int = 0
print(P(1), P(1, 2), P(x=3, y=4), P(1) == P(1), P(1) == P(2), P(1) == (1, 0), P.y)
for f in [lambda: P(), lambda: P(1, 2, 3), lambda: P(1, z=3), lambda: P(1, x=2), lambda: P(y=1)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
try:
    hash(P(1))
except TypeError as e:
    print("TypeError:", e)
@dataclass(frozen=True)
class F:
    a: int
    b: str = "s"
try:
    F(1).a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
print(F(2), hash(F(1)) == hash((1, "s")), {F(1): 'ok'}[F(1)])
@dataclass(order=True)
class V:
    major: int
    minor: int = 0
    tags: List[str] = field(default_factory=list, compare=False, repr=False)
    count: ClassVar[int] = 0
print(sorted([V(2), V(1, 5), V(1, 2)]), V(1) < V(2), V(1, tags=['a']) == V(1), [f.name for f in fields(V)])
v = V(3); v.tags.append("x"); print(v.tags, V(3).tags, V.count, 'tags' in V.__dict__)
print(asdict(P(1, 2)), astuple(P(1, 2)), replace(P(1, 2), y=9), is_dataclass(P), is_dataclass(P(1)), is_dataclass(1))
@dataclass
class Inventory:
    name: str
    items: List[P] = field(default_factory=list)
    total: int = field(init=False, default=0)
    def __post_init__(self):
        self.total = len(self.items)
inv = Inventory("box", [P(1), P(2, 3)])
print(inv, asdict(inv))
@dataclass
class Child(P):
    z: int = 5
print(Child(1, 2, 3), Child(7), [f.name for f in fields(Child)])
try:
    @dataclass
    class B:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class M:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Custom:
    n: int
    def __repr__(self):
        return f"<Custom {self.n}>"
print(Custom(4), Custom(4) == Custom(4))
