"""dataclasses: CPython writes each class's __init__, __repr__, __eq__ as source and execs it; GIL
Lab has no exec, so the methods added are general ones that read the class's fields."""
from _collections_namedtuple import _names_list  # the same argument errors as namedtuple's

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'MISSING', 'fields', 'asdict', 'astuple',
           'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()
_FIELDS = '__dataclass_fields__'


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', 'compare', 'metadata', 'kw_only')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},kw_only={self.kw_only!r})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None,
          kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith('ClassVar') or annotation.startswith('typing.ClassVar')
    return getattr(annotation, '_name', None) == 'ClassVar' and type(annotation).__name__ in ('_Alias', '_Form')


def _default_of(f):
    if f.default_factory is not MISSING:
        return f.default_factory()
    return f.default


def _bind(cls, fields, args, kwargs):
    """The values of the init fields for cls(*args, **kwargs), with the errors CPython's __init__ raises."""
    where = f'{cls.__qualname__}.__init__()'
    if len(args) > len(fields):
        low = len([f for f in fields if f.default is MISSING and f.default_factory is MISSING])
        takes = f'{len(fields) + 1}' if low == len(fields) else f'from {low + 1} to {len(fields) + 1}'
        raise TypeError(f'{where} takes {takes} positional arguments but {len(args) + 1} were given')
    values = list(args)
    missing = []
    names = [f.name for f in fields]
    for f in fields[len(args):]:
        if f.name in kwargs:
            values.append(kwargs.pop(f.name))
        elif f.default is not MISSING or f.default_factory is not MISSING:
            values.append(_default_of(f))
        else:
            missing.append(f.name)
    for name in kwargs:
        if name in names:
            raise TypeError(f"{where} got multiple values for argument '{name}'")
        raise TypeError(f"{where} got an unexpected keyword argument '{name}'")
    if missing:
        s = '' if len(missing) == 1 else 's'
        raise TypeError(f'{where} missing {len(missing)} required positional argument{s}: {_names_list(missing)}')
    return values


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen):
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))
    fields = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else field(default=default)
        f.name = name
        f.type = annotation
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        fields[name] = f
        # As CPython: the class attribute is the default, or none at all.
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    setattr(cls, _FIELDS, fields)
    all_fields = list(fields.values())
    init_fields = [f for f in all_fields if f.init]
    seen_default = False
    for f in init_fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    compared = [f for f in all_fields if f.compare]

    def as_tuple(self):
        return tuple(getattr(self, f.name) for f in compared)

    if init:
        def __init__(self, *args, **kwargs):
            values = _bind(type(self), init_fields, args, kwargs)
            for f, value in zip(init_fields, values):
                object.__setattr__(self, f.name, value)
            for f in all_fields:
                if not f.init and (f.default is not MISSING or f.default_factory is not MISSING):
                    object.__setattr__(self, f.name, _default_of(f))
            post_init = getattr(self, '__post_init__', None)
            if post_init is not None:
                post_init()
        cls.__init__ = __init__
    if repr and '__repr__' not in cls.__dict__:
        def __repr__(self):
            shown = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in all_fields if f.repr)
            return f'{type(self).__qualname__}({shown})'
        cls.__repr__ = __repr__
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return as_tuple(self) == as_tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        def compare(op):
            def method(self, other):
                if other.__class__ is self.__class__:
                    return op(as_tuple(self), as_tuple(other))
                return NotImplemented
            return method
        cls.__lt__ = compare(lambda a, b: a < b)
        cls.__le__ = compare(lambda a, b: a <= b)
        cls.__gt__ = compare(lambda a, b: a > b)
        cls.__ge__ = compare(lambda a, b: a >= b)
    if frozen:
        def __setattr__(self, name, value):
            if name in fields:
                raise FrozenInstanceError(f'cannot assign to field {name!r}')
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if unsafe_hash or (eq and frozen):
        hashed = [f for f in all_fields if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = lambda self: hash(tuple(getattr(self, f.name) for f in hashed))
    elif eq and not has_hash:
        cls.__hash__ = None
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    """Adds __init__, __repr__, __eq__ (and with order=True the comparisons) from the class's annotated fields."""
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        found = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(found.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return obj


def replace(obj, /, **changes):
    for f in getattr(obj, _FIELDS).values():
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
