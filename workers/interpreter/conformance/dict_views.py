# dict views: live, iterable again, len/in/reversed, set operators; recursive reprs.
d = {"a": 1, "b": 2}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it, len(k), "a" in k, 1 in v, ("a", 1) in it)
d["c"] = 3
print(k, list(k), list(k), sorted(v), list(reversed(k)))
print(k & {"a", "z"}, sorted(k | {"q"}), sorted(k - {"a"}), it & {("a", 1)}, k == {"a", "b", "c"}, v == v, d.keys() == d.keys())
e = {3: "x", 1: "y"}
print(e.keys() | {2}, e.keys() & [1, 5], e.keys() ^ {3, 4}, {9, 3} - e.keys())
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(list(zip(d, d.values())), dict(d.items()), [kk for kk in d.keys()], max(d.values()))
print(repr({}.keys()), str({1: 2}.items()), {1: [1, 2]}.values())
l = [1]
l.append(l)
print(l)
dd = {}
dd["self"] = dd
print(dd)
