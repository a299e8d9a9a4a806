# while loops with a counter and a condition on data.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
stack = [1, 2, 3]
while stack:
    print(stack.pop())
