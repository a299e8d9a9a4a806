text = "first\nsecond\r\nthird\rfourth"
print(text.splitlines())
print(text.splitlines(keepends=True))
print(text.splitlines(True), text.splitlines(0))
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
print("a\x0bb\u2028".splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(True), "x\n".splitlines())
lines = "line one\nline two\n".splitlines(keepends=True)
print(sum(len(line) for line in lines), [line.rstrip("\n") for line in lines])
try:
    "a".splitlines(1.5)
except TypeError as e:
    print("TypeError:", e)
