# strip family, replace, padding.
print(repr("  hi  ".strip()), repr("xxhixx".strip("x")), repr("  hi".lstrip()), repr("hi  ".rstrip()), repr("abcba".strip("ab")), repr("\n\tx\n".strip()))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "hello".replace("l", ""), "x".replace("x", "yy"))
print(repr("ab".center(7)), repr("ab".center(6, "*")), repr("abc".center(6)), repr("ab".ljust(5, ".")), repr("ab".rjust(5)), "42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "x".removesuffix(""))
print("a\tb".expandtabs(4), "ab\tc".expandtabs())
