# A NameError inside a function suggests a local, then a global, then a builtin.
counter = 0
def bump(amount):
    total = amount + 1
    return totl * 2
print(lenn if False else "ok")
bump(1)
