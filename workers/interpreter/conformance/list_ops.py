# list operators, slicing, slice assignment, del, comparisons.
a = [1, 2, 3, 4, 5, 6]
print(a[1:4], a[::-1], a[::2], a[-2:], a[4:1:-1], a[:-10], a + [7], a * 2, [0] * 3, 3 in a, 9 not in a)
b = a[:]
b[1:3] = ["x", "y", "z"]
print(b)
b[:2] = []
print(b)
del b[0]
del b[-1:]
print(b)
b[0] = "first"
print(b, len(b))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] == [], [[1]] == [[1]])
nested = [[0] * 2 for _ in range(2)]
nested[0][0] = 1
print(nested)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
print(list("abc"), list(range(3)), list((1, 2)), list({"a": 1}), sorted({3, 1, 2}))
try:
    a[10] = 1
except IndexError as e:
    print(e)
try:
    a["x"]
except TypeError as e:
    print(e)
print(min([4, 2, 8]), max([4, 2, 8]), sum([1, 2, 3]), len([]), [1, 2, 3][-1])
