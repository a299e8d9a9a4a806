# Classes with __iter__ / __next__.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)])
class Repeat:
    def __init__(self, v, times):
        self.v, self.times = v, times
    def __iter__(self):
        for _ in range(self.times):
            yield self.v
print(list(Repeat("x", 3)), "x" in Repeat("x", 1), sorted(Repeat(2, 2)), dict(zip(Repeat("k", 1), [1])))
a, b = Countdown(2)
print(a, b)
