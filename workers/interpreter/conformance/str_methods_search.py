# find, index, count, startswith, endswith, in.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.index("quick"), s.count("o"), s.count("the"), s.count(""))
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("dog"), s.endswith("do", 0, -1), s.startswith("quick", 4))
print("fox" in s, "cat" not in s, "" in s, s.find(""), "abc".find("c", -1), "aaa".count("aa"))
try:
    s.index("cat")
except ValueError as e:
    print(e)
