# re: compile, match, search, fullmatch, findall, finditer, sub/subn (group references and a
# function), split, escape, flags, Match objects and their reprs, re.error for bad patterns.
import re

m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m, m.group(0), m.group(1), m.group(2), m.group(1, 2), m[1], m.groups())
print(m.start(), m.end(), m.span(2), m.start(2), m.pos, m.endpos, m.lastindex, m.re.pattern)
print(re.match("abc", "xabc"), re.search("abc", "xabc"), re.fullmatch("a|ab", "ab"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))

d = re.search(r"(?P<first>\w+)\s+(?P<last>\w+)(?P<extra>!)?", "  Malcolm Reynolds")
print(d.groupdict(), d.group("first"), d["last"], d.span("last"), d.groupdict("-"), d.groups("?"), d.lastgroup)

p = re.compile(r"\d+")
print(p, p.pattern, p.groups, p.findall("12 drummers, 11 pipers, 10 lords"))
print(p.search("abc 42 def", 5), p.match("abc 42", 4), p.search("12345", 1, 3))
print(re.findall(r"(\w+)=(\d+)", "a=1, b=22, c=333"), re.findall(r"(\w)x", "axbxc"))
print([m.span() for m in re.finditer(r"o", "foo boo")], [m.group() for m in re.finditer(r"\b\w", "the quick fox")])
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@example.com, ann@test.com"))
print(re.sub(r"(?P<word>\w+)", r"<\g<word>>", "hi there"), re.sub(r"(a)(b)?", r"[\g<1>|\2]", "ac ab"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 22 333"), re.subn(r"a", "A", "banana"))
print(re.sub("a", "-", "banana", count=2), re.sub(r"x*", "-", "abxd"), re.sub(r"\s+", " ", "a \t\n b"))
print(re.sub(r"(\d)", r"\1\n", "1a2").split("\n"), re.sub("b", r"\\", "abc"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(r"\s*,\s*", "a , b,c", maxsplit=1))
print(re.split(r"x*", "axbc"), re.split(r"\b", "a b"))
print(re.escape("1.5 * (x + y)?"), re.escape("a-b_c"), re.match(re.escape("a.b"), "axb"))

print(re.findall(r"^\w+", "one\ntwo\nthree", re.MULTILINE), re.findall(r"^\w+", "one\ntwo"))
print(re.findall(r"\w+$", "one\ntwo\n"), re.findall(r"\w+$", "one\ntwo\n", re.M), re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S))
print(re.findall("hello", "Hello HELLO hello", re.IGNORECASE), re.findall("(?i)hello", "HeLLo"))
print(re.findall(r"\w+", "café naïve 東京"), re.findall(r"\w+", "café naïve", re.ASCII), re.findall(r"\d", "٣4"))
verbose = re.compile(r"""
    (\d{3})   # area code
    [-\s]?    # separator
    (\d{4})   # number
""", re.VERBOSE)
print(verbose.match("555-1234").groups(), verbose.match("555 1234").groups(), verbose.flags == re.VERBOSE | re.UNICODE)
print(re.compile("a", re.I | re.M), re.compile("(?s)x"), re.compile("x", re.A), re.I == 2, (re.M | re.S) == 24)
print(re.search(r"\Aab", "ab"), re.search(r"ab\Z", "ab\n"), re.search(r"ab$", "ab\n"), re.search(r"(a)\1", "xaa"))
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group(), re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{,2}b", "aaab"))
print(re.search(r"x{", "ax{"), re.findall(r"[]a]", "a]b"), re.findall(r"[^\d\s]+", "ab 12 cd"), re.search(r"(?<=-)\w+", "spam-egg"))
print(re.match(r"(?:ab)+", "ababx"), re.match(r"(a|b)*c", "abac").lastindex, re.search(r"(?#comment)x", "yx"))
print(bool(re.match("a", "a")), re.compile("a") == re.compile("a"), re.purge())
m = re.match(r"(\d+)\.(\d+)", "3.14")
print(m.expand(r"\2.\1"), m.string, repr(m.group(0)))
for bad in ["(abc", "abc)", "[abc", "*a", "a**", r"\q", "(?P<1>a)", r"(?P=nope)", r"(a)\2", "a{3,1}"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(f"error {bad!r}: {e} | {e.msg} {e.pos}")
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("error:", e)
try:
    re.match("a", 5)
except TypeError as e:
    print("TypeError:", e)
try:
    re.match("(a)", "a").group(2)
except IndexError as e:
    print("IndexError:", e)
print(isinstance(re.compile("x"), re.Pattern), type(re.match("x", "x")).__name__, issubclass(re.error, Exception))
