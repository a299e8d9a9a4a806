# contextlib: @contextmanager (the yielded value, exceptions thrown into the generator, handled or
# not, the generator's errors), as a decorator, suppress, closing, nullcontext and ExitStack.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, ContextDecorator, AbstractContextManager
import contextlib


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("p") as t:
    print("inside", t)

try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("escaped:", e)


@contextmanager
def swallow(*kinds):
    try:
        yield
    except kinds as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow")
try:
    with swallow(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not swallowed:", e)


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice() as v:
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def never():
    if False:
        yield


try:
    with never():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        print("caught, yielding again")
        yield


try:
    with keeps_going():
        raise ValueError("x")
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def translate():
    try:
        yield
    except KeyError as e:
        raise LookupError(f"translated {e}") from e


try:
    with translate():
        raise KeyError("k")
except LookupError as e:
    print("LookupError:", e, type(e.__cause__).__name__)


@contextmanager
def timer(label):
    print("start", label)
    yield
    print("stop", label)


@timer("decorated")
def work(x):
    print("working on", x)
    return x * 2


print(work(3))
print(work(4))
print(work.__name__)


class Loud(ContextDecorator):
    def __enter__(self):
        print("loud enter")
        return self

    def __exit__(self, *exc):
        print("loud exit", exc[0].__name__ if exc[0] else None)
        return False


@Loud()
def shout():
    print("shouting")


shout()

with suppress(ZeroDivisionError, KeyError):
    print("before")
    1 / 0
    print("never")
print("suppressed")
try:
    with suppress(KeyError):
        raise IndexError("not this one")
except IndexError as e:
    print("IndexError:", e)
with suppress():
    pass


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)

with nullcontext(42) as n:
    print("null", n)
with nullcontext() as n:
    print("null", n)


def maybe_lock(cm=None):
    return cm if cm is not None else nullcontext()


with maybe_lock():
    print("no lock")

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b", "c")]
    stack.callback(print, "callback", "args", sep="-")
    print("entered", names)


def exit_fn(exc_type, exc, tb):
    print("exit_fn sees", exc_type.__name__ if exc_type else None)
    return True


with ExitStack() as stack:
    stack.push(exit_fn)
    stack.enter_context(tag("inner"))
    raise ValueError("handled by exit_fn")
print("after suppressing stack")

stack = ExitStack()
stack.callback(lambda: print("closed by close()"))
moved = stack.pop_all()
stack.close()
print("pop_all moved it")
moved.close()

try:
    with ExitStack() as stack:
        stack.callback(lambda: print("first registered, last run"))
        stack.callback(lambda: 1 / 0)
        print("body")
except ZeroDivisionError as e:
    print("callback raised:", e)

try:
    ExitStack().enter_context(42)
except TypeError as e:
    print("TypeError:", e)


class Mine(AbstractContextManager):
    def __exit__(self, *exc):
        print("mine exit")


with Mine() as m:
    print(type(m).__name__)
print(isinstance(suppress(), AbstractContextManager), contextlib.nullcontext.__name__)
