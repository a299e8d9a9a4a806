# Exceptions inside loops and functions, caught per item.
def parse(items):
    out = []
    for s in items:
        try:
            out.append(int(s))
        except ValueError:
            out.append(None)
    return out
print(parse(["1", "x", "3"]))
total = 0
for d in [1, 0, 2]:
    try:
        total += 10 // d
    except ZeroDivisionError:
        total -= 1
        continue
    finally:
        total += 100
print(total)
