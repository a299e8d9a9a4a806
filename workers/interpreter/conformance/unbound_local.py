# Reading a local before it is assigned.
x = 1
def f():
    print(x)
    x = 2
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    print(undefined_name)
except NameError as e:
    print(e)
