# iter(callable, sentinel): call until the sentinel comes back (compared with ==), or StopIteration.
data = [3, 2, 1, 0, 5]
print(list(iter(data.pop, 0)), data)
it = iter([1, 2, 3].pop, 1)
print(type(it).__name__, repr(it).split(" at ")[0], iter(it) is it, next(it), list(it), list(it))
print(next(iter(lambda: 7, 8)), list(iter(iter([1, 2, 3, 4]).__next__, 3.0)))
class Stop:
    n = 0
    def __call__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(iter(Stop(), None)), [x * 2 for x in iter(Stop(), 3)])
lines = iter(["a", "b", "", "c"])
for line in iter(lambda: next(lines), ""):
    print("line", line)
for args in [(1, 2), (), (len, 0, 1)]:
    try:
        iter(*args)
    except TypeError as e:
        print("TypeError:", e)
