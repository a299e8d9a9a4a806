# Generators: yield, next, send, return value, StopIteration.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(count(5)), [x * 2 for x in count(3)])
g = count(2)
print(next(g), next(g), next(g, "done"))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("two"))
def with_return():
    yield 1
    return "result"
w = with_return()
next(w)
try:
    next(w)
except StopIteration as s:
    print("StopIteration value:", s.value)
def delegate():
    r = yield from with_return()
    yield r
print(list(delegate()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def gen_in_for():
    for c in "ab":
        yield c.upper()
    yield from range(2)
print(list(gen_in_for()), type(count(1)).__name__)
# A lambda that yields is a generator function.
pump = lambda start: (yield start) + (yield start + 1)
g = pump(5)
print(next(g), g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("StopIteration", e.value)
