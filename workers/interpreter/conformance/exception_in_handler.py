# An error inside an except block, uncaught: both tracebacks are printed.
def parse(s):
    try:
        return int(s)
    except ValueError:
        return fallback[s]
fallback = {}
print(parse("7"))
parse("x")
