# Augmented assignment on names, items and attributes.
n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 3
n %= 7
print(n)
f = 1.5
f /= 2
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
alias = l
l += [2, 3]
l *= 2
print(l, alias is l)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"k": 1}
d["k"] += 10
print(d)
class Box:
    pass
b = Box()
b.v = 3
b.v <<= 2
b.v |= 1
b.v ^= 4
b.v &= 0xff
b.v >>= 1
print(b.v)
