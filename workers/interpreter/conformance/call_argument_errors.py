# The messages of a call with missing or extra arguments, as CPython words them.
def one(a):
    pass


def two(a, b):
    pass


def three(a, b, c, *, d, e, f):
    pass


for call in (lambda: one(), lambda: two(), lambda: three(), lambda: three(1, 2, 3), lambda: three(1, 2, 3, d=4)):
    try:
        call()
    except TypeError as e:
        print(e)
