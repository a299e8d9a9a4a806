# SystemExit: code from the arguments; uncaught with an int code, that is the exit status, with nothing printed.
for args in [(), (0,), (3,), ("msg",), (1, 2), (None,)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(e), e.code, e.args, str(e))
class Bye(SystemExit):
    pass
try:
    raise Bye(4)
except SystemExit as e:
    print(type(e).__name__, e.code)
try:
    exit(5)
except BaseException as e:
    print(type(e).__name__, e.code)
print("leaving with 3")
raise SystemExit(3)
