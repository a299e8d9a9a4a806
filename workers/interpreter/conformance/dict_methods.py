# dict methods and views.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.setdefault("b", 100), d.setdefault("n", []), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["new"] = 1
print("new" in d, "new" in c)
d.clear()
print(d, dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([(1, 2)]), dict({"k": "v"}, k2="v2"))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    {}.pop("x")
except KeyError as e:
    print("KeyError", e)
print({1: "a", True: "b", 1.0: "c"}, {0: 1, False: 2})
m = {"one": 1, "two": 2, "three": 3}
print(sorted(m), sorted(m.items(), key=lambda kv: kv[1]), max(m, key=m.get), {k: v for k, v in m.items() if v > 1})
print({**m, "four": 4}, m | {"one": 11}, dict(zip("abc", range(3))))
m |= {"zero": 0}
print(m)
