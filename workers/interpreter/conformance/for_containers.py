# for over lists, tuples, strings, dicts, sets, enumerate, zip.
for x in [1, 2]:
    print("list", x)
for x in (3, 4):
    print("tuple", x)
for ch in "hé":
    print("str", ch)
d = {"a": 1, "b": 2}
for k in d:
    print("key", k)
for k, v in d.items():
    print("item", k, v)
for v in d.values():
    print("value", v)
for i, x in enumerate("xy"):
    print("enumerate", i, x)
for i, x in enumerate("xy", start=1):
    print("enumerate from 1", i, x)
for a, b in zip([1, 2, 3], "ab"):
    print("zip", a, b)
for a, (b, c) in [(1, (2, 3))]:
    print("nested", a, b, c)
