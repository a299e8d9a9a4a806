# Matrices as lists of lists.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(row) for row in zip(*m)]
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b), transpose(a), matmul(a, [[1, 0], [0, 1]]) == a)
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
for row in identity:
    print(" ".join(f"{v:3d}" for v in row))
