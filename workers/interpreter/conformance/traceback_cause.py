# The above exception was the direct cause of the following exception.
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError(f"cannot convert {s!r}") from e
convert("abc")
