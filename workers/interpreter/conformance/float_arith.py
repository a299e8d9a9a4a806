# Mixed int/float arithmetic.
print(1 + 2.0, 3 * 0.5, 7 - 0.5, 2 ** 0.5, 10 / 4, 10 // 4.0, 10 % 4.0, -7 // 2.0, 0.1 * 3, 1.1 + 2.2, 3.0 * 1.1)
print(abs(-3.5), abs(-0.0), -(0.0), +1.5, 1e16 + 1.0, 2.0 ** 100, 1.0 / 3.0 * 3.0)
print(round(2.5), round(0.5), round(-1.5), round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(-2.5), round(1234.5678, -2), round(15, -1), round(25, -1), round(5.0, 0), round(7, 2))
print(round(0.125, 2), round(0.375, 2), round(2.5, 0), round(1e20, 2), round(-0.4), type(round(2.5)), type(round(2.5, 0)))
