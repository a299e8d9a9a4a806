# float repr: shortest round-trip, exponent thresholds, specials.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 0.0, 1e16, 1e15, 123456789012345678.0, 1e-05, 0.0001, 1e-4, 1.5e-10, 2.5, 1e22, 1e100, 5e-324, 1.7976931348623157e308, 3.141592653589793, 100.0, 1/3, 2/3, 12345.678, 1e16 + 1, 9999999999999998.0, 0.000123]
for v in vals:
    print(v, repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"), float("1e500"), float("  3.5  "), float("-1_000.5"), float(7), float(True))
print(float("Infinity"), float("-NaN"))
print([0.1, -0.0, float("nan")], (1e16,), {1.5: 2.5})
try:
    float("abc")
except ValueError as e:
    print(e)
print(1.0 == 1, 0.1 + 0.2 == 0.3, float("nan") == float("nan"), 1e308 * 10, -1e308 * 10)
print((0.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio(), int(2.999), int(-2.999))
