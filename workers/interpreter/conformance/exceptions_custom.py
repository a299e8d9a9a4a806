# Custom exception classes, args, str and repr.
class AppError(Exception):
    pass
class DetailedError(AppError):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
class Quiet(Exception):
    def __str__(self):
        return "quiet!"
try:
    raise DetailedError(404, "not found")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e), isinstance(e, Exception))
for exc in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), IndexError(3), AppError("x", "y"), Quiet()]:
    print(repr(str(exc)), repr(exc))
e = RuntimeError("boom")
print(e.args, str(e), type(e).__mro__[1].__name__)
try:
    raise AppError
except AppError as e:
    print("class raised:", repr(e))
