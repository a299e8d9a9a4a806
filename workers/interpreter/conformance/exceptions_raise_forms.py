# raise, bare raise, raise from, exceptions as values.
def reraise():
    try:
        {}["x"]
    except KeyError:
        print("logging")
        raise
try:
    reraise()
except KeyError as e:
    print("re-raised", e)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__)
try:
    raise TypeError("direct")
except Exception as e:
    err = e
print(type(err).__name__, err)
try:
    raise 5
except TypeError as e:
    print(e)
errors = [ValueError, TypeError]
try:
    raise errors[1]("from list")
except tuple(errors) as e:
    print(e)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert False
except AssertionError as e:
    print("empty", repr(e))
