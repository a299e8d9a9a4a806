# math functions and float ** over a grid of arguments: every bit of the result is printed.
import math
xs = [0.001, 0.1, 0.5, 0.7071, 1.0, 1.5, 2.0, 2.5, 3.0, 3.14159, 7.25, 10.0, 14.65148974, 22.5, 99.9, 123.456, 1e5, 1e-300]
for name in ["sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "log1p", "expm1"]:
    f = getattr(math, name)
    row = []
    for x in xs:
        try:
            row.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(name, " ".join(row))
for name in ["asin", "acos"]:
    print(name, [getattr(math, name)(v) for v in [-1, -0.9, -0.5, -0.1, 0, 0.3, 0.7071, 0.99, 1]])
for x in [2, 3.5, 10, 0.5, 1.1, 7, 1e-3, 123.456]:
    print(x, [x ** y for y in [0.5, -0.5, 2, 3, -1, -6, 2.5, 1 / 3, 10, 17, -13, 100, 0.1]])
print(math.atan2(1, 2), math.atan2(-3, -4), math.atan2(0.5, -1), math.hypot(3, 4), math.hypot(1.5, 2.7, 3.9), math.hypot(1e-200, 1e-200))
print(math.pow(2, 0.5), math.pow(10, -3), math.log(100, 10), math.log(8, 2), math.log(1000) / math.log(10), math.degrees(1), math.radians(90))
print((-2.0) ** 3, (-2) ** -3, 0.0 ** 0, float("inf") ** -1, (-8.0) ** (1 / 3) if False else "skip", 2 ** 0.5 * 2 ** 0.5, 1.0000001 ** 1e7)
for bad in [lambda: math.exp(1000), lambda: 10.0 ** 400, lambda: math.pow(0, -1), lambda: math.log(0), lambda: math.sqrt(-1), lambda: math.cosh(1000), lambda: math.pow(-8, 1 / 3)]:
    try:
        bad()
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
