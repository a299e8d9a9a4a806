# for over range with start, stop, step (negative too).
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)))
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3):
    pass
print(i)
r = range(0, 20, 5)
print(r, len(r), r[1], r[-1], 15 in r, 7 in r, r.index(10), list(reversed(r)), range(3) == range(0, 3))
print(range(10)[2:8:2])
print(range(10**20), list(range(-(2**70))), range(3, -(2**70), -1)[:3])
for i in range(10**20):
    if i > 3:
        break
print(i)
try:
    len(range(10**20))
except OverflowError as e:
    print(e)
