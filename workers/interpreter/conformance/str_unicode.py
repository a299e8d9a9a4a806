# Escapes, astral characters (emoji) counted as one code point in len, find, slicing and padding.
print(repr("\U0001F600 \a\b\f\v\0 \x7f \u00a0"), len("\U0001F600"), "\U0001F600"[0], repr(b"\x00ab\xff"), rb"\n", br"\t", f"\t{1}\n", rf"\t{1}", "a\
b", "\'", '\"')
print(len("😀é"), "😀é"[0], "😀é"[1:], "😀é"[::-1], [c for c in "a😀"], "😀".upper(), ord("😀"), chr(128512), "x😀y".find("y"), "x😀y".index("y"))
print("é" < "😀", sorted(["😀", "é", "z"]), "😀" * 2, "a😀b".split("😀"), "😀😀".count("😀"), "%-4s|" % "😀", f"{'😀':>3}|", "😀".center(5, "*"))
