# Indexing and slicing strings, negative steps.
s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[-3:], s[1:-1], s[6:2:-1], s[100:], s[-100:2], s[::-3], s[5:1], s[:])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = "x"
except TypeError as e:
    print(e)
print(len("héllo"), "héllo"[1], ord("é"), chr(233), chr(65), ord("A"), "abc" < "abd", "Z" < "a", "abc" < "ab")
