# Iterating and changing dicts.
d = {"x": 1, "y": 2}
for k in list(d):
    d[k + k] = d[k] * 10
print(d)
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
del counts["the"]
print(counts, list(reversed(list(counts))))
print({k: len(k) for k in ["a", "bb"]}, dict(sorted({"b": 1, "a": 2}.items())))
