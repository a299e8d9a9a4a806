# Domain errors from math.
import math
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.acos, 2)]:
    try:
        f(arg)
    except ValueError as e:
        print(f.__name__, e)
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
