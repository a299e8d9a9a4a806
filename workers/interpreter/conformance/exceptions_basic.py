# try/except/else/finally ordering.
def attempt(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("except")
        return "handled"
    else:
        print("else", r)
        return r
    finally:
        print("finally")
print(attempt(2))
print(attempt(0))
try:
    raise ValueError("bad value")
except (TypeError, ValueError) as e:
    print("caught", type(e).__name__, e)
try:
    try:
        raise KeyError("k")
    finally:
        print("inner finally")
except LookupError as e:
    print("outer caught", repr(e))
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
try:
    pass
except Exception:
    print("no")
else:
    print("else without exception")
