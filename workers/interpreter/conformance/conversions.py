# str(), int(), float(), list(), tuple(), bool() conversions.
print(int("42"), int("-7"), int("  12\n"), int("1_000"), int("ff", 16), int("0x1F", 16), int("0b11", 0), int("0o17", 0), int("z", 36), int("10", 2), int(True), int(3.99), int(-3.99), int("+5"))
for bad in ["", "1.5", "abc", "1 2", "0x10", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
print(float("1.5"), float("-2"), float(".5"), float("5."), float("1e3"), float(3), str(12), str(-1.5), str([1, "2"]))
print(list("ab"), list(range(2)), tuple([1]), bool(""), bool("0"), bool(0.0), str(b"x") if False else "bytes skipped")
print(int(float("1e10")), float(2 ** 60), str(2 ** 100)[:5], repr(1.0), repr(10), ascii("é") if False else "")
