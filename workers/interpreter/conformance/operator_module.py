import operator
from operator import itemgetter, attrgetter, methodcaller, add, mul
from functools import reduce
from collections import namedtuple
rows = [("b", 2, 9), ("a", 3, 1), ("c", 1, 5)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(2, 0)), itemgetter(1), itemgetter(0, 2)(rows[0]))
P = namedtuple("P", "x y")
pts = [P(2, 1), P(1, 3)]
print(sorted(pts, key=attrgetter("x")), attrgetter("x", "y")(pts[0]), attrgetter("x"), methodcaller("upper")("abc"))
print(methodcaller("split", ",", maxsplit=1), methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(reduce(add, range(5)), reduce(mul, range(1, 6)), operator.sub(5, 3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.neg(3), operator.not_(0), operator.eq(1, 1), operator.lt(1, 2), operator.contains([1, 2], 2), operator.getitem("abc", 1))
d = {}; operator.setitem(d, "k", 1); print(d, operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.iadd([1], [2]))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), operator.is_(None, None), operator.abs(-2), operator.pow(2, 10), operator.mod(7, 3))
