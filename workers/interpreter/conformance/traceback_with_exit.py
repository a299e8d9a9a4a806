# __exit__ sees the exception, which then propagates.
class Guard:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit saw", t.__name__)
with Guard():
    raise KeyError(42)
