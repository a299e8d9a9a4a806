# Assignment, chained assignment, tuple unpacking, swapping.
a = 1
b = c = 2
x, y = 3, 4
x, y = y, x
print(a, b, c, x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = "ab"
print(m, n)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
head, *middle, tail = range(5)
print(head, middle, tail)
a, *b = "x"
print(a, b)
