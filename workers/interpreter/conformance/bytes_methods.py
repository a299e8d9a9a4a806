# bytes: subsequence `in`, the common methods (ASCII case and whitespace), * and %, fromhex and hex.
s = b"hello world"
print(b"x" in b"xyz", b"yz" in b"xyz", 120 in b"xyz", b"" in b"a", b"\r\n\r\n" in b"GET / HTTP/1.0\r\n\r\nbody", b"zz" in s)
for bad in ["x", 300, None]:
    try:
        print(bad in s)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(s.upper(), b"MiXeD \xe9".lower(), b"MiXeD \xe9".upper())
print(s.split(), b" a  b \x1c c ".split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"a b c".rsplit(None, 1), b"a,b,c".rsplit(b",", 1))
print(s.find(b"o"), s.rfind(b"o"), s.find(b"z"), s.index(b"w"), s.count(b"l"), s.count(b"l", 4), s.find(b"o", 5, 8))
try:
    s.index(b"z")
except ValueError as e:
    print("ValueError:", e)
print(s.replace(b"l", b"L"), s.replace(b"l", b"L", 2), b"  x \t\n".strip(), b"xxhixx".strip(b"x"), b"  x ".lstrip(), b"  x ".rstrip())
print(s.startswith(b"he"), s.endswith(b"ld"), s.startswith((b"x", b"h")), s.endswith(b"o", 0, 5))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b", ".join(x for x in [b"1", b"2"]))
print(b"\xe2\x82\xac".decode("utf-8"), b"abc".decode(), b"caf\xe9".decode("latin-1"), s.hex(), s[:2].hex(":"))
print(b"ab" * 3, 2 * b"xy", b"ab" * 0, b"%d items" % 5, b"%s=%d" % (b"k", 7), b"%05.1f|%x" % (2.25, 255))
print(bytes.fromhex("ff00 1A"), bytes.fromhex(""), b"a:b".partition(b":"), b"abc".isalpha(), b"123".isdigit(), b" ".isspace())
print(b"line1\nline2\r\n".splitlines(), b"7".zfill(3), b"ab".center(6, b"*"))
for f in [lambda: bytes.fromhex("f"), lambda: bytes.fromhex("zz"), lambda: b"-".join(["a"]), lambda: b"%s" % "a", lambda: s.find("o"), lambda: b"a" + "b"]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
