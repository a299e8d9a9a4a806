# A bare raise keeps the original line; raise e adds the raise line.
def inner():
    return 1 / 0
def middle():
    try:
        inner()
    except ZeroDivisionError:
        print("middle saw it")
        raise
def outer():
    try:
        middle()
    except ZeroDivisionError as e:
        print("outer saw it")
        raise e
outer()
