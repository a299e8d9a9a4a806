# Set order after removals, pops, resizes and set algebra, as CPython's table lays it out.
s = {1, 2, 3}
s.remove(2)
s.add(10)
print(s, s | {20, 4}, s & {10, 3, 99}, s - {1}, s ^ {3, 50})
big = set(range(0, 200, 7))
print(big)
print({x % 13 for x in range(100)}, set(range(20, 0, -3)))
print({-5, -1, 0, 7, 2 ** 40, -(2 ** 40)}, {2 ** 64, 1, 2 ** 65 + 3})
print({1.5, 2.25, -0.5, 3.0, 100.125}, {(1, 2), (0, 0), (2, 1)}, {True, False, 2})
p = {9, 8, 7, 6, 5}
print([p.pop() for _ in range(3)], p)
a = {1, 2, 3, 4, 5, 6, 7, 8}
b = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([30, 20], (10,)), a.intersection(range(4, 20)), a.difference([1], {2}), a.symmetric_difference([8, 9]))
c = set(a)
c |= {40, 33}
c &= set(range(3, 50))
c -= {4}
c ^= {5, 77}
print(c, frozenset(c), set(frozenset([3, 1])), set({"k": 1, 7: 2}.values()) if False else set({3: "a", 1: "b"}))
d = set()
for i in range(30):
    d.add(i * 37 % 101)
    if i % 4 == 0:
        d.discard(i)
print(d, len(d))
e = {1, 2, 3}
e.clear()
e.add(9)
e.add(1)
print(e, {1, 1.0, True}, {1.0, 1}, {0, 0.0, False})
try:
    for x in e:
        e.add(x + 100)
except RuntimeError as err:
    print(err)
