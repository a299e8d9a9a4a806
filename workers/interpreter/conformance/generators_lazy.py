# Generators and genexps run lazily.
def noisy(n):
    for i in range(n):
        print("producing", i)
        yield i
g = noisy(3)
print("created")
for v in g:
    print("consumed", v)
    if v == 1:
        break
squares = (x * x for x in noisy(2))
print("genexp created")
print(list(squares))
print(any(v > 0 for v in noisy(5)))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")
c = closing()
print(next(c))
c.close()
print("after close")
