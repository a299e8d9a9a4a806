# import math, from math import …, from math import *.
import math
from math import sqrt, pi as PI
print(math.sqrt(16), sqrt(2), PI, math.floor(-2.5), math.ceil(2.1), math.factorial(10), math.gcd(12, 18))
print(math.isqrt(99), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.pow(2, 10), math.hypot(3, 4))
print(math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf), math.trunc(-3.7), math.fabs(-2), math.exp(0))
print(math.isclose(0.1 + 0.2, 0.3), math.prod([1, 2, 3, 4]), math.comb(10, 3), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.degrees(math.pi), math.radians(180), math.sin(0), math.cos(0), math.atan2(1, 1))
