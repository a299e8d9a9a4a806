# During handling of the above exception, another exception occurred.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise RuntimeError("lookup failed")
lookup({}, "x")
