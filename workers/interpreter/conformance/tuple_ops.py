# tuples: packing, indexing, methods, comparison, hashing.
t = (1, 2, 3, 2)
print(t, t[0], t[-1], t[1:3], t.count(2), t.index(3), len(t), t + (4,), t * 2, (1,) * 3, () == tuple())
print((1, 2) < (1, 3), (1, "a") < (1, "b"), (2,) > (1, 100), tuple([1, 2]), tuple("ab"))
single = 5,
print(single, type(single).__name__, (1, (2, 3)), ((),))
d = {(1, 2): "pair"}
print(d[(1, 2)], d[1, 2])
try:
    t[0] = 9
except TypeError as e:
    print(e)
try:
    (1, 2).index(5)
except ValueError as e:
    print(e)
