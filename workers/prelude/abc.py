"""abc: CPython's Lib/_py_abc.py and Lib/abc.py in pure Python. The check CPython makes in
object.__new__ (a class with abstract methods cannot be instantiated) is ABCMeta.__call__ here."""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'get_cache_token', 'update_abstractmethods']


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


_abc_invalidation_counter = 0


def get_cache_token():
    """The current ABC cache token: it changes with every call to register() on any ABC."""
    return _abc_invalidation_counter


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _lookup(cls, name):
    """The class's own attribute as its __dict__ holds it (a classmethod, not the bound method)."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for name in getattr(base, "__abstractmethods__", set()):
                if _is_abstract(_lookup(cls, name)):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        # type.__subclasses__(), which the interpreter lacks: the direct subclasses of each ABC.
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        cls._abc_registry = []
        cls._abc_cache = []
        cls._abc_negative_cache = []
        cls._abc_negative_cache_version = _abc_invalidation_counter
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract "
                            f"method{'s' if len(names) > 1 else ''} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass, to allow usage as a class decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = type(instance)
        if subclass in cls._abc_cache:
            return True
        return cls.__subclasscheck__(subclass)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < _abc_invalidation_counter:
            cls._abc_negative_cache = []
            cls._abc_negative_cache_version = _abc_invalidation_counter
        elif subclass in cls._abc_negative_cache:
            return False
        # object.__subclasshook__ (which returns NotImplemented) is not in the interpreter.
        hook = getattr(cls, "__subclasshook__", None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if ok:
                cls._abc_cache.append(subclass)
            else:
                cls._abc_negative_cache.append(subclass)
            return ok
        if cls in subclass.__mro__:
            cls._abc_cache.append(subclass)
            return True
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                cls._abc_cache.append(subclass)
                return True
        for scls in cls._abc_subclasses:
            if issubclass(subclass, scls):
                cls._abc_cache.append(subclass)
                return True
        cls._abc_negative_cache.append(subclass)
        return False


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            if _is_abstract(_lookup(cls, name)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()
