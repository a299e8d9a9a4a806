# break, continue and the else clause of loops.
for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print("for", i)
else:
    print("not printed")
for i in range(2):
    pass
else:
    print("for else runs")
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print("while", n)
else:
    print("not printed")
while False:
    pass
else:
    print("while else runs")
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print("inner", i, j)
