class Base:
    def __init_subclass__(cls, **kw):
        print("sub", cls.__name__)
class S(Base):
    x: int
print(S.__annotations__)
class Plugin:
    plugins = {}
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.plugins[cls.__name__.lower()] = cls
class Csv(Plugin):
    pass
print(sorted(Plugin.plugins), Plugin.plugins['csv'] is Csv)
