# Sets of small ints iterate in hash order, as CPython's table lays them out.
print({3, 1, 2}, set([5, 4, 3, 2, 1]), {10, 2, 7}, set(range(10, 0, -1)))
print({8, 1}, {16, 0, 8}, list({100, 5, 50}), {-1, -2, 3})
s = set()
for i in [40, 3, 17, 9, 64, 2, 33]:
    s.add(i)
print(s, [x for x in s])
print({True, 0, 2}, {x * x for x in range(6)})
