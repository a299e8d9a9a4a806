# split, rsplit, splitlines, join, partition.
print("a b  c".split(), " a  b ".split(), "a,b,,c".split(","), "a,b,c".split(",", 1), "".split(), "".split(","))
print("a b c".rsplit(None, 1), "a,b,c".rsplit(",", 1), "  x  y  ".split(None, 1), "1::2::3".split("::"))
print("one\ntwo\r\nthree\n".splitlines(), "x\ny".splitlines(True), "".splitlines())
print(", ".join(["a", "b", "c"]), "".join([]), "-".join("abc"), " ".join(str(i) for i in range(3)))
print("key=value=x".partition("="), "novalue".partition("="), "a.b.c".rpartition("."), "abc".rpartition("x"))
try:
    "".join([1, 2])
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
