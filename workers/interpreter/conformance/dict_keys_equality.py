# Dict keys: equal numbers, tuples, unhashable keys.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d)
d[(1, 2)] = "tuple"
print(d[(1.0, 2)])
for bad in [[1], {1: 2}, {1}]:
    try:
        d[bad] = 1
    except TypeError as e:
        print(e)
print({1: 2} == {1.0: 2}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
