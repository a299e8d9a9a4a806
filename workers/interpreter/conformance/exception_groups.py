# ExceptionGroup and BaseExceptionGroup as CPython 3.11 has them: str and repr, what __new__
# refuses, split, subgroup and derive (nesting kept), except* with its wrapping of a lone
# exception, its re-raising, and the boxed traceback of an uncaught group.


def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


eg = ExceptionGroup("many", [ValueError(1), TypeError("t"), ExceptionGroup("inner", [KeyError("k"), ValueError(2)])])
print(str(eg), "|", repr(eg))
print(eg.message, eg.exceptions, eg.args[0])
print(str(ExceptionGroup("one", (OSError("x"),))))
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(BaseExceptionGroup, Exception))
show(ExceptionGroup, "m")
show(ExceptionGroup, 1, [ValueError()])
show(ExceptionGroup, "m", [])
show(ExceptionGroup, "m", ValueError())
show(ExceptionGroup, "m", [ValueError(), 2])
show(ExceptionGroup, "m", [SystemExit()])


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message.upper(), excs)


show(MyGroup, "m", [GeneratorExit()])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest), sep="\n")
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError) or isinstance(e, ExceptionGroup) and e.message == "none")))
print(eg.subgroup(ExceptionGroup) is eg, eg.subgroup(ZeroDivisionError), eg.split((TypeError, KeyError))[1])
show(eg.split, 3)
mine = MyGroup("mine", [ValueError("a"), TypeError("b")])
mine.__notes__ = ["a note"]
part = mine.subgroup(TypeError)
print(type(part).__name__, repr(part), part.__notes__, part.__notes__ is mine.__notes__)
print(repr(eg.derive([ZeroDivisionError()])))


def raise_group():
    raise ExceptionGroup("from f", [ValueError("v1"), TypeError("t1"), ValueError("v2")])


try:
    raise_group()
except* ValueError as e:
    print("ValueError part:", repr(e))
except* TypeError as e:
    print("TypeError part:", repr(e))

try:
    raise KeyError("alone")
except* KeyError as e:
    print("wrapped:", repr(e), type(e).__name__)
else:
    print("no else")
finally:
    print("finally")

try:
    try:
        raise_group()
    except* TypeError:
        print("TypeError handled, ValueErrors go on")
except ExceptionGroup as e:
    print("rest:", repr(e))

try:
    try:
        raise_group()
    except* ValueError:
        raise RuntimeError("handler failed")
except ExceptionGroup as e:
    print("raised:", repr(e), repr(e.exceptions[0].__context__))

try:
    try:
        raise OSError("not matched")
    except* ValueError:
        print("never")
except OSError as e:
    print("a lone unmatched exception goes on as it is:", repr(e))

for bad in (ExceptionGroup, int):
    try:
        try:
            raise ValueError
        except* bad:
            pass
    except TypeError as e:
        print(e)


def failing(n):
    raise ValueError(f"task {n}")


errors = []
for i in range(3):
    try:
        failing(i)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup("all the tasks", [errors[0], ExceptionGroup("nested", errors[1:]), KeyError("plain")])
