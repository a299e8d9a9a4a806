# str.format: positional, keyword, attribute and index fields, specs, escapes.
class P:
    def __init__(self):
        self.x = 3
        self.items = [10, 20]
p = P()
print("{} and {}".format(1, 2), "{1} {0} {1}".format("a", "b"), "{name}!".format(name="N"))
print("{0.x} {0.items[1]} {d[key]}".format(p, d={"key": "v"}))
print("{:>6}|{:<6}|{:^6}|{:*^7}|{:06.2f}|{:+d}|{:,}|{:x}|{:#o}|{!r}|{!s:>4}".format("r", "l", "c", "s", 3.14159, 5, 1234567, 255, 8, "q", 1))
print("{{literal}} {0}".format("x"), "{:{w}.{p}f}".format(3.14159, w=8, p=3), "{0:{1}}".format("ab", 5))
print("{:%}".format(0.5), "{:.1%}".format(0.1234), "{:e}".format(123.456), "{:.2e}".format(0.000123), "{:g}".format(1234567.0), "{:g}".format(0.00001234))
try:
    "{} {0}".format(1, 2)
except ValueError as e:
    print(e)
try:
    "{2}".format(1)
except IndexError as e:
    print(e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError", e)
