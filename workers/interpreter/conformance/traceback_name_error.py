# NameError for a misspelled name.
def total(items):
    s = 0
    for x in items:
        s += x
    return sum
print(total([1]))
print(totl([1]))
