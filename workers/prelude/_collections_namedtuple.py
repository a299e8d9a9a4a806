"""collections.namedtuple: CPython writes a class's source and execs it; GIL Lab has no exec, so
one class body serves every namedtuple, its fields read from the tuple each instance holds."""
__name__ = 'collections'

_keywords = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
    'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
    'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
])


def _names_list(names):
    """'a'; 'a' and 'b'; 'a', 'b', and 'c': how CPython names missing arguments (dataclasses too)."""
    if len(names) == 1:
        return repr(names[0])
    if len(names) == 2:
        return f'{names[0]!r} and {names[1]!r}'
    return ', '.join(repr(n) for n in names[:-1]) + f', and {names[-1]!r}'


def _field(index):
    return property(lambda self: self._tuple[index])


class _TupleLike:
    """What every namedtuple class has; namedtuple() makes a subclass with the fields."""
    _fields = ()
    _field_defaults = {}

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        defaults = cls._field_defaults
        where = f'{cls.__name__}.__new__()'
        if len(args) > len(fields):
            low = len(fields) - len(defaults)
            takes = f'{len(fields) + 1}' if low == len(fields) else f'from {low + 1} to {len(fields) + 1}'
            raise TypeError(f'{where} takes {takes} positional arguments but {len(args) + 1} were given')
        values = list(args)
        missing = []
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in defaults:
                values.append(defaults[name])
            else:
                missing.append(name)
        for name in kwargs:
            if name in fields:
                raise TypeError(f"{where} got multiple values for argument '{name}'")
            raise TypeError(f"{where} got an unexpected keyword argument '{name}'")
        if missing:
            s = '' if len(missing) == 1 else 's'
            raise TypeError(f'{where} missing {len(missing)} required positional argument{s}: {_names_list(missing)}')
        object.__setattr__(self, '_tuple', tuple(values))

    def __setattr__(self, name, value):
        if name in type(self)._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _replace(self, **kwds):
        values = [kwds.pop(name, value) for name, value in zip(self._fields, self._tuple)]
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return type(self)(*values)

    def _asdict(self):
        return dict(zip(self._fields, self._tuple))

    def __repr__(self):
        inner = ', '.join(f'{name}={value!r}' for name, value in zip(self._fields, self._tuple))
        return f'{type(self).__name__}({inner})'

    def __getnewargs__(self):
        return self._tuple

    def __iter__(self):
        return iter(self._tuple)

    def __len__(self):
        return len(self._tuple)

    def __getitem__(self, i):
        return self._tuple[i]

    def __contains__(self, x):
        return x in self._tuple

    def __hash__(self):
        return hash(self._tuple)

    def __eq__(self, other):
        return self._tuple == _as_tuple(other)

    def __ne__(self, other):
        return self._tuple != _as_tuple(other)

    def __lt__(self, other):
        return self._tuple < _as_tuple(other)

    def __le__(self, other):
        return self._tuple <= _as_tuple(other)

    def __gt__(self, other):
        return self._tuple > _as_tuple(other)

    def __ge__(self, other):
        return self._tuple >= _as_tuple(other)

    def __add__(self, other):
        return self._tuple + _as_tuple(other)

    def __radd__(self, other):
        return _as_tuple(other) + self._tuple

    def __mul__(self, n):
        return self._tuple * n

    def count(self, value):
        return self._tuple.count(value)

    def index(self, value, *args):
        return self._tuple.index(value, *args)


def _as_tuple(v):
    return v._tuple if isinstance(v, _TupleLike) else v


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _keywords or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if name in _keywords:
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))

    class _Tuple(_TupleLike):
        pass

    _Tuple._fields = tuple(field_names)
    _Tuple._field_defaults = field_defaults
    for index, name in enumerate(field_names):
        setattr(_Tuple, name, _field(index))
    _Tuple.__name__ = typename
    _Tuple.__qualname__ = typename
    # CPython takes the module from the caller's frame; programs define their namedtuples in __main__.
    _Tuple.__module__ = '__main__' if module is None else module
    _Tuple.__doc__ = f'{typename}({", ".join(field_names)})'
    return _Tuple
