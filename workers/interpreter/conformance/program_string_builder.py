# Building strings: join, +=, format, repetition.
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("".join(parts), "|".join(parts), len("".join(parts)))
s = ""
for c in "hello":
    s = c + s
print(s, s.upper().center(11, "*"), s[1:4])
table = "\n".join(f"{i} x {j} = {i * j:2}" for i in range(1, 3) for j in range(1, 4))
print(table)
print("=" * 10 + "\n" + "done".rjust(10))
