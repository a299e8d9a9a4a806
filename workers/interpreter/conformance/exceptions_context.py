# Exceptions raised while handling others, caught and inspected.
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(e, repr(e.__context__), e.__cause__)
try:
    try:
        raise ValueError("first")
    except ValueError as v:
        raise TypeError("second") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
def cleanup_fails():
    try:
        return 1
    finally:
        pass
print(cleanup_fails())
