"""typing: what annotations need at run time. List[int], Optional[str], Callable[[int], str] …
evaluate to objects that print as CPython's do; nothing checks types (CPython does not either).
Generic[T] is Generic itself, so classes derive from it and Stack[int] is Stack."""

__all__ = ['Any', 'AnyStr', 'Callable', 'ClassVar', 'Counter', 'DefaultDict', 'Deque', 'Dict', 'Final', 'FrozenSet',
           'Generator', 'Generic', 'Hashable', 'Iterable', 'Iterator', 'List', 'Literal', 'Mapping', 'MutableMapping', 'NamedTuple',
           'MutableSequence', 'MutableSet', 'NoReturn', 'Optional', 'OrderedDict', 'Protocol', 'Sequence', 'Set',
           'Sized', 'TYPE_CHECKING', 'Tuple', 'Type', 'TypeVar', 'Union', 'cast', 'final', 'no_type_check',
           'overload', 'runtime_checkable']

from _collections_namedtuple import _TupleLike, _field

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None:
        return 'NoneType'
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return _ForwardRef(arg)
    return arg


class _ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __eq__(self, other):
        return isinstance(other, _ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'


class _Alias:
    """A subscripted form, as List[int]: its name and its arguments."""

    def __init__(self, name, args, origin=None):
        self._name = name
        self.__args__ = args
        self.__origin__ = origin

    def __getitem__(self, params):
        return _Alias(self._name, self.__args__ + _params(params), self.__origin__)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f'Type {self._name} cannot be instantiated')
        raise TypeError(f'Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead')

    def __eq__(self, other):
        return isinstance(other, _Alias) and (self._name, self.__args__) == (other._name, other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __repr__(self):
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            params = '[' + ', '.join(_type_repr(a) for a in self.__args__[0]) + ']'
            return f'typing.Callable[{params}, {_type_repr(self.__args__[1])}]'
        if not self.__args__:
            return f'typing.{self._name}[()]'
        return f'typing.{self._name}[{", ".join(_type_repr(a) for a in self.__args__)}]'


def _params(params):
    if not isinstance(params, tuple):
        params = (params,)
    return tuple(p if isinstance(p, list) else _type_check(p) for p in params)


class _Special:
    """An unsubscripted name, as List: subscripting makes an _Alias."""

    def __init__(self, name, origin=None, nparams=-1):
        self._name = name
        self._origin = origin
        self._nparams = nparams

    def __getitem__(self, params):
        if self._name == 'Tuple' and params == ():
            return _Alias('Tuple', (), tuple)
        if self._name == 'Callable' and isinstance(params, tuple) and len(params) == 2:
            args, result = params
            if args is not ...:
                args = [_type_check(a) for a in args]
            return _Alias('Callable', (args, _type_check(result)), self._origin)
        args = _params(params)
        if 0 <= self._nparams < len(args):
            many = 'many' if self._nparams < len(args) else 'few'
            raise TypeError(f'Too {many} arguments for typing.{self._name}; actual {len(args)}, expected {self._nparams}')
        return _Alias(self._name, args, self._origin)

    def __call__(self, *args, **kwargs):
        if self._origin is None:
            raise TypeError(f'Cannot instantiate typing.{self._name}')
        use = self._origin.__name__
        raise TypeError(f'Type {self._name} cannot be instantiated; use {use}() instead')

    def __repr__(self):
        return f'typing.{self._name}'


class _UnionForm:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        if params == ():
            raise TypeError('Cannot take a Union of no types.')
        if self._name == 'Optional':
            if isinstance(params, tuple):
                raise TypeError(f'typing.Optional requires a single type. Got {params!r}.')
            params = (params, None)
        args = []
        for p in _params(params):
            for a in (p.__args__ if isinstance(p, _Alias) and p._name == 'Union' else (p,)):
                if a not in args:
                    args.append(a)
        if len(args) == 1:
            return args[0]
        return _UnionAlias(tuple(args))

    def __repr__(self):
        return f'typing.{self._name}'


class _UnionAlias(_Alias):
    def __init__(self, args):
        _Alias.__init__(self, 'Union', args)

    def __repr__(self):
        if len(self.__args__) == 2 and type(None) in self.__args__:
            other = self.__args__[0] if self.__args__[1] is type(None) else self.__args__[1]
            return f'typing.Optional[{_type_repr(other)}]'
        return _Alias.__repr__(self)


class _Form:
    """A name that takes its arguments as they are: Literal[1, 'a'], ClassVar[int], Final[int]."""

    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        if self._name == 'Literal':
            return _Alias('Literal', params if isinstance(params, tuple) else (params,))
        return _Alias(self._name, _params(params))

    def __repr__(self):
        return f'typing.{self._name}'


class TypeVar:
    """Type variable."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class Generic:
    """Abstract base class for generic types: class Stack(Generic[T]) …; Stack[int] is Stack."""

    def __class_getitem__(cls, params):
        return cls


class NamedTuple(_TupleLike):
    """Typed version of namedtuple: class Point(NamedTuple) with annotated fields, defaults after the others."""

    def __init_subclass__(cls):
        if NamedTuple not in cls.__bases__:
            return
        fields = tuple(cls.__dict__.get('__annotations__', {}))
        defaults = {}
        for name in fields:
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            elif defaults:
                s = 's' if len(defaults) > 1 else ''
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field{s} {', '.join(defaults)}")
        cls._fields = fields
        cls._field_defaults = defaults
        for index, name in enumerate(fields):
            setattr(cls, name, _field(index))


class Protocol(Generic):
    """Base class for protocol classes: only checkers read them."""


Any = _Form('Any')
NoReturn = _Form('NoReturn')
Union = _UnionForm('Union')
Optional = _UnionForm('Optional')
Literal = _Form('Literal')
ClassVar = _Form('ClassVar')
Final = _Form('Final')
AnyStr = TypeVar('AnyStr', bytes, str)

List = _Special('List', list, 1)
Dict = _Special('Dict', dict, 2)
Set = _Special('Set', set, 1)
FrozenSet = _Special('FrozenSet', frozenset, 1)
Tuple = _Special('Tuple', tuple)
Type = _Special('Type', type, 1)
Callable = _Special('Callable')
Iterable = _Special('Iterable', None, 1)
Iterator = _Special('Iterator', None, 1)
Generator = _Special('Generator', None, 3)
Sequence = _Special('Sequence', None, 1)
MutableSequence = _Special('MutableSequence', None, 1)
Mapping = _Special('Mapping', None, 2)
MutableMapping = _Special('MutableMapping', None, 2)
MutableSet = _Special('MutableSet', None, 1)
Hashable = _Special('Hashable', None, 0)
Sized = _Special('Sized', None, 0)
Deque = _Special('Deque', None, 1)
DefaultDict = _Special('DefaultDict', None, 2)
OrderedDict = _Special('OrderedDict', None, 2)
Counter = _Special('Counter', None, 1)


def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls
