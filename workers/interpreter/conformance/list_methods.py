# list methods.
l = [3, 1, 2]
l.append(4)
l.extend([5, 6])
l.extend("ab")
l.insert(0, 0)
l.insert(-1, "x")
l.insert(100, "end")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("x")
print(l, l.index(2), l.count(1), l.index(5, 2))
l2 = [5, 2, 9, 1]
l2.sort()
print(l2)
l2.sort(reverse=True)
print(l2)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=len)
print(words)
words.sort(key=str.lower, reverse=True)
print(words)
l2.reverse()
c = l2.copy()
l2.clear()
print(l2, c, len(c))
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].remove(2)
except ValueError as e:
    print(e)
try:
    [1, 2].index(3)
except ValueError as e:
    print(e)
try:
    ["a"].index("b")
except ValueError as e:
    print(e)
