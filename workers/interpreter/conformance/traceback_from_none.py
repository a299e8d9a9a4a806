# raise … from None hides the context.
try:
    {}["a"]
except KeyError:
    raise ValueError("clean") from None
