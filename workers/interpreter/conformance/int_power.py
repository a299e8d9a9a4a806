# ** with ints and floats, negative exponents, pow().
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 0.5, 4 ** 0.5, (-8) ** 2, 0 ** 0, 10 ** -2, 2.0 ** 3)
print(pow(2, 8), pow(2.5, 2), pow(3, 4, 5), pow(-3, 3), 3 ** 40)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
print((-1) ** 0.5 if False else "skip complex")
