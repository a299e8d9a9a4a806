# Class attributes shared versus instance attributes; methods as values.
class Counter:
    instances = []
    def __init__(self):
        self.instances.append(self)
        self.n = 0
    def inc(self):
        self.n += 1
        return self.n
a = Counter()
b = Counter()
inc = a.inc
inc()
inc()
print(a.n, b.n, len(Counter.instances), Counter.inc(b))
method = Counter.inc
print(method(a), callable(inc), inc.__name__ if hasattr(inc, "__name__") else "")
