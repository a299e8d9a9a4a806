# Floor division, modulo, divmod and true division over a grid of ints, big ints and floats.
values = [7, -7, 2, -2, 3, 0.5, -0.5, 2.5, 6 / 9, -1e-300, 1e300, 10 ** 20, -(10 ** 20), 3 ** 60, 0.1, -3.0, 1]
for a in values:
    row = []
    for b in values:
        try:
            row.append(f"{a // b!r}/{a % b!r}/{a / b!r}")
        except ZeroDivisionError as e:
            row.append(str(e))
        except OverflowError as e:
            row.append("Overflow: " + str(e))
    print(repr(a), " ".join(row))
print(divmod(-2, 6 / 9), divmod(5.5, -2), divmod(-0.0, 1), divmod(0.0, -1), 1 / 3 * 3, 2 ** 0.5 * 2 ** 0.5)
print(10 ** 30 / 7, -(10 ** 30) / 7, (2 ** 80 + 1) / 2 ** 80, 3 / 10 ** 20, 10 ** 400 // 10 ** 399)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
print(3 / 10**400, 1e300 < 10**400, 10**400 > 1e308, float("inf") > 10**400, 10**400 == 1e308)
try:
    print(10**400 * 0.5)
except OverflowError as e:
    print(e)
