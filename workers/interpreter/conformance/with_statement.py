# with and context managers written as classes.
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Managed("a") as value:
    print("inside", value)
with Managed("b", suppress=True):
    raise ValueError("swallowed")
print("after suppress")
try:
    with Managed("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
with Managed("x") as x, Managed("y") as y:
    print(x, y)
def early():
    with Managed("ret"):
        return "returned"
print(early())
for i in range(2):
    with Managed(str(i)):
        if i == 0:
            continue
        break
