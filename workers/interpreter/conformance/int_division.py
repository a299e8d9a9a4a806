# // and % with negative operands, divmod, true division.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.5, 1), (5, 0.5)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(1 / 3, 2 / 3, 10 / 5, -1 / 7, 1e300 * 1e10, -1e300 * 1e10)
for op in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 5 % 0.0, lambda: divmod(1, 0)]:
    try:
        op()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
