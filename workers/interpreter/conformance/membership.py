# in / not in on every container.
print(2 in [1, 2], 2 in (1, 2), "b" in "abc", "ab" in "cabd", 1 in {1: "x"}, "x" in {1: "x"}, 3 in {3}, 5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(1.0 in [1], [1] in [[1]], (1, 2) in {(1, 2)}, None in [None], "a" in ["abc"], 2 not in {1: 2})
class Bag:
    def __contains__(self, item):
        return item == "magic"
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print("magic" in Bag(), "other" in Bag(), 20 in Seq(), 25 in Seq(), list(Seq()))
try:
    1 in "abc"
except TypeError as e:
    print(e)
try:
    [1] in {1}
except TypeError as e:
    print(e)
