# enum: Flag and IntFlag: |, &, ^, ~, in, iteration and len of combinations, aliases, invalid values.
from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


print(list(Perm), Perm.R, repr(Perm.W), Perm.R.value, Perm.X.value, Perm.RW.value)
rw = Perm.R | Perm.W
print(rw, repr(rw), rw is Perm.RW, Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(rw))
print(Perm.R & rw, Perm.X & rw, repr(Perm.X & rw), bool(Perm.X & rw), Perm.R ^ rw, ~Perm.R)
print(Perm(7), repr(Perm(7)), Perm(0), repr(Perm(0)), Perm(3) is Perm.RW, Perm['RW'])
try:
    Perm(8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1 in Perm.R)
except TypeError as e:
    print(type(e).__name__, e)


class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4


purple = Color.RED | Color.BLUE
print(purple, [c.name for c in purple], Color.GREEN in purple, Color(5) is purple, purple == Color(5))


class Access(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


both = Access.READ | Access.WRITE
print(both, repr(both), both == 6, both + 1, isinstance(both, int), Access.READ in both)
print(repr(Access.READ | 8), Access(7), repr(Access(0)), Access.READ & 4, repr(Access.READ & 4), f'{both}')
