# Default values are evaluated once, when def runs.
def append(x, to=[]):
    to.append(x)
    return to
print(append(1), append(2))
n = 5
def show(v=n):
    return v
n = 6
print(show())
