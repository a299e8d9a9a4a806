# Truth values and and/or/not returning operands.
for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]:
    print(repr(v), bool(v), not v)
print(0 or "default", "" or [] or None, 1 and 2, 0 and 1, None or 0, "a" and "b" or "c", not None, [] and 1)
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Falsy()), bool(object()))
