# Classes derived from list: list's behaviour on the instance, slices and + giving plain lists, += and *= in place, overrides, list.__repr__(self).
class L(list):
    def total(self):
        return sum(self)
    def first(self):
        return self[0]

l = L([3, 1, 2])
l.append(5)
print(l, repr(l), type(l).__name__, isinstance(l, list), len(l), l.total(), l.first())
print(l[1:3], type(l[1:3]).__name__, l[-1], l + [9], type(l + [9]).__name__, [0] + l, sorted(l), list(l))
print(l == [3, 1, 2, 5], [3, 1, 2, 5] == l, l < [4], 2 in l, 7 in l, l * 2, type(l * 2).__name__)
l += [7]
print(l, type(l).__name__)
l *= 2
print(l, type(l).__name__)
l.sort()
print(l, l.index(5), l.count(7), l.pop(), l)
l[0] = 100
del l[1]
l[1:3] = ['a', 'b']
print(l, bool(l), bool(L()), L(), L('abc'))
l.name = 'mine'
print(l.name, l.__dict__, list(reversed(l)), [x for x in l], *l)
for i, x in enumerate(l):
    pass
print(i, x, max(L([1, 5, 2])), min(L([4, 2])), sum(L([1, 2])), str(l), f"{l}")

class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
    def __repr__(self):
        return f"Stack({list.__repr__(self)})"
s = Stack(1, 2)
s.push(3)
print(s, s.peek(), len(s), Stack.__mro__, s.copy(), type(s.copy()).__name__)
try:
    hash(s)
except TypeError as e:
    print(e)
class Logged(list):
    def __getitem__(self, i):
        print('get', i)
        return super().__getitem__(i)
    def __len__(self):
        return 42
g = Logged([1, 2, 3])
print(g[0], len(g), list(g), g[1:2])
x, y = L([1, 2])
print(x, y, tuple(L([1])), set(L([1, 1])), ', '.join(L(['a', 'b'])))
import json
print(json.dumps(L([1, {'a': L([2])}])))
