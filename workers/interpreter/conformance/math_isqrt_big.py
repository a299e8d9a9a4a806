import math
print(math.isqrt(10**30 + 7), math.isqrt(2**64), math.isqrt(10**400) == 10**200, math.isqrt(10**401 + 12345), math.isqrt(0), math.isqrt(True))
for v in (-1, -10**30, 2.5):
    try:
        math.isqrt(v)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
