# return with and without values; functions returning tuples.
def nothing():
    pass
def early(x):
    if x > 0:
        return "positive"
    return
def pair():
    return 1, 2
print(nothing(), early(1), early(-1), pair())
a, b = pair()
print(a + b)
def loop():
    for i in range(10):
        if i == 3:
            return i
print(loop())
