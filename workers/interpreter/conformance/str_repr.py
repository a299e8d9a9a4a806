# repr of strings: quote choice and escapes.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "new\nline", "tab\t", "back\\slash", "\x00\x1f\x7f", "é ü 中", "\u200b", "\r", ""]:
    print(repr(s))
print(["a", 'b"', "c'"], ("x",), {"k": "v"})
print(str("x"), str(1), str(1.0), str(None), str(True), str([1, "a"]), str((1,)))
