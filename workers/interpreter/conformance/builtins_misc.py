# len, abs, min, max, sum, sorted, reversed, enumerate, zip, map, filter, any, all.
print(len("abc"), len([1]), len({1: 2}), len(range(5)), abs(-5), abs(3.5), abs(-0), abs(True))
print(min(3, 1, 2), max(3, 1, 2), min("b", "a"), max([1, 5], [2]), min([], default="none"), max([3, 1], key=lambda v: -v), min("aB", key=str.lower))
print(sum([]), sum([1.5, 2]), sum([[1], [2]], []), sum(range(10), 100), sum([True, True]), sum((0.1, 0.2)))
print(sorted("bca"), sorted([3, 1, 2], reverse=True), sorted([(2, "a"), (1, "b")]), sorted(["b", "A"], key=str.lower), sorted([1, 2, 3], key=lambda x: -x))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(3))), list(reversed((1, 2))))
print(list(enumerate("ab", 10)), list(zip()), list(zip([1], [2], [3])), list(zip("abc", [1, 2])))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(None, [0, 1, "", "x"])))
print(any([]), all([]), any([0, 1]), all([1, 0]), any(x > 2 for x in [1, 3]), all(c.isdigit() for c in "123"))
try:
    min([])
except ValueError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(e)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), hex(255), oct(8), bin(5), hex(-1), ord("a"), chr(97))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance("a", (int, str)), isinstance([], list), isinstance(1.0, (int, float)), issubclass(bool, int))
print(type(1).__name__, type("").__name__, type(None).__name__, type([]) is list, type(1.0), type(type))
print(callable(len), callable(1), hash(1) == hash(1.0), id(1) == id(1), hasattr([], "append"), getattr([], "nope", "dflt"))
