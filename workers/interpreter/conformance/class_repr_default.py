# Default repr and str of instances and classes.
class Plain:
    pass
class WithStr:
    def __str__(self):
        return "custom str"
p = Plain()
r = repr(p)
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"), str(p) == r)
print(str(WithStr()), repr(WithStr()).startswith("<__main__.WithStr object"), Plain, int, type(p))
print([WithStr()][0].__class__.__name__, Plain.__module__, Plain.__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner)
