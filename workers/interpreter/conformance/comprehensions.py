# List, dict, set comprehensions and generator expressions, nested with conditions.
print([x * x for x in range(10) if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print({x: x ** 2 for x in range(5)})
print(sorted({c for c in "hello"}))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), list(x for x in "ab"))
print([x for x in range(20) if x % 2 if x % 3], [a + b for a, b in [(1, 2), (3, 4)]])
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
print([i if i % 2 else -i for i in range(5)], [n for row in [[1, 2], [3]] for n in row])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], list(zip(*matrix)))
g = (i * 2 for i in range(3))
print(next(g), list(g), list(g))
