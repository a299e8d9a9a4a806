# A key function that fails inside sorted.
def key(s):
    return s.lower()
print(sorted(["b", "A", 3], key=key))
