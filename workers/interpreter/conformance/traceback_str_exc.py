# An exception whose argument is not a string.
raise ValueError([1, 2], {"a": 1})
