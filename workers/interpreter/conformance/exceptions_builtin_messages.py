# Messages of common builtin errors.
x = 5
nothing = None
f = 1.0
cases = [
    lambda: [1][5],
    lambda: (1,)[2],
    lambda: "x"[3],
    lambda: {}["k"],
    lambda: {}[1],
    lambda: {}[(1, "a")],
    lambda: int("x"),
    lambda: undefined,
    lambda: None.attr,
    lambda: (1).attr,
    lambda: "s".nope,
    lambda: len(None),
    lambda: nothing(),
    lambda: x(),
    lambda: [] + None,
    lambda: "a" * "b",
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: "abc".index("z"),
    lambda: float("x"),
    lambda: 1 / 0,
    lambda: sorted([None, 1]),
    lambda: hash([]),
    lambda: int([1]),
    lambda: "%d" % "x",
    lambda: "a" < 1,
    lambda: [1, 2][f],
    lambda: object().x,
]
for case in cases:
    try:
        case()
        print("no error")
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
