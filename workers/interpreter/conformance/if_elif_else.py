# if / elif / else and conditional expressions.
for n in [-5, 0, 5, 50]:
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n < 10:
        print(n, "small")
    else:
        print(n, "large")
print("yes" if [] else "no", "yes" if [0] else "no")
