# Tracebacks name the line of the failing part of a statement that spans several lines.
def fail(x):
    return 10 // x
values = [
    1,
    2,
]
total = sum(
    fail(v)
    for v in values
)
print(total)
result = (
    fail(1) +
    fail(0)
)
