# set methods and operators (sets of ints print in CPython's order).
s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(sorted(s), len(s), 2 in s, 3 in s)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {3} <= b, {3, 4} < b, b > {5}, a.isdisjoint({9}))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)), a.issubset(range(10)), a.issuperset([1]))
c = set()
c.update([1, 2], (3,))
c.difference_update({1})
c.intersection_update({2, 3, 7})
print(sorted(c), set(), frozenset(), len(frozenset([1, 1, 2])))
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {1}.remove(5)
except KeyError as e:
    print("KeyError", e)
print({1, 2} == {2, 1}, {1} == frozenset([1]), sorted({x % 3 for x in range(10)}))
