# atexit: functions run at exit, the last registered first, with their arguments; unregister
# removes every registration of a function; an exception in one is reported and the rest still run.
import atexit


class Failing:
    def __init__(self, exc):
        self.exc = exc

    def __repr__(self):
        return f"<Failing {type(self.exc).__name__}>"

    def __call__(self):
        raise self.exc


def goodbye(name, punctuation="."):
    print(f"goodbye {name}{punctuation}")


atexit.register(goodbye, "first")
atexit.register(Failing(ValueError("broken handler")))
atexit.register(goodbye, "second", punctuation="!")


@atexit.register
def decorated():
    print("decorated handler ran")


def removed():
    print("never printed")


atexit.register(removed)
atexit.register(removed)
atexit.unregister(removed)
atexit.unregister(print)
atexit.register(Failing(SystemExit(3)))
print(atexit.register(goodbye, "third") is goodbye)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
print("end of the program")
