# Format spec errors.
for spec in ["d", "s"]:
    try:
        print(format(1.5, spec))
    except ValueError as e:
        print(e)
try:
    format("x", "d")
except ValueError as e:
    print(e)
try:
    format(3, ".2")
except ValueError as e:
    print(e)
print(format(3, ".2f"), format(1234.5, ",.1f"), format(0.5), format("x", ">3"), format(True), format(True, "d"), format(None))
