"""Enumerations, as CPython 3.11's enum.py makes them, smaller.

A class body runs in a plain dict here (no _EnumDict from __prepare__), so the members are
found once the body has run, in definition order; a name defined twice in an enum body is not
noticed. Members travel to other processes by name (__reduce__), so they stay singletons.
"""

__all__ = [
    'EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'ReprEnum', 'Flag', 'IntFlag', 'auto', 'unique',
]

_function = type(lambda: None)
_STRICT, _KEEP = 'strict', 'keep'


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=None):
        self.value = value
        self._combined = None

    def __repr__(self):
        return 'auto(%r)' % (self.value,)

    # CPython gives an auto its value as the body assigns it, so `RW = R | W` combines values;
    # here the body runs first: the combination is an auto of its own, worked out in order.
    def _combine(self, op, other, reflected=False):
        made = auto()
        made._combined = (op, other, self) if reflected else (op, self, other)
        return made

    def __or__(self, other):
        return self._combine(lambda a, b: a | b, other)

    def __and__(self, other):
        return self._combine(lambda a, b: a & b, other)

    def __xor__(self, other):
        return self._combine(lambda a, b: a ^ b, other)

    def __ror__(self, other):
        return self._combine(lambda a, b: a | b, other, True)

    def __rand__(self, other):
        return self._combine(lambda a, b: a & b, other, True)

    def __rxor__(self, other):
        return self._combine(lambda a, b: a ^ b, other, True)

    def _resolve(self, generate):
        if self._combined is not None:
            op, a, b = self._combined
            self.value = op(_value_of(a), _value_of(b))
        elif self.value is None:
            self.value = generate()
        return self.value


def _value_of(v):
    return v.value if isinstance(v, auto) else v


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(value):
    return isinstance(value, (_function, property, classmethod, staticmethod))


def _is_member(cls_name, name, value):
    private = name.startswith('_%s__' % cls_name)
    return not (_is_dunder(name) or _is_sunder(name) or private or _is_descriptor(value))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bin(num, max_bits=None):
    """Like built-in bin(), with the sign bit split off and the digits padded to max_bits."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = format(num + ceiling, '#b').replace('1', '0', 1)
    else:
        s = format(~num ^ (ceiling - 1) + ceiling, '#b')
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


class EnumType(type):
    """Metaclass for Enum."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        names = [k for k, v in classdict.items() if _is_member(cls, k, v)]
        body = {k: v for k, v in classdict.items() if k not in names}
        new_member = metacls._find_new_(body, member_type, first_enum)
        body['_new_member_'] = new_member
        body['_use_args_'] = new_member is not object.__new__
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_member_type_'] = member_type
        if first_enum is not None:
            body['__new__'] = Enum.__new__
        is_flag = Flag is not None and any(issubclass(b, Flag) for b in bases)
        if is_flag:
            body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', _STRICT)
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if first_enum is not None:
            metacls._fix_methods_(enum_class, classdict, member_type, first_enum, is_flag)
        last_values = []
        for name in names:
            value = classdict[name]
            if isinstance(value, auto):
                value = value._resolve(
                    lambda: enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                )
            enum_class._add_member_(name, value)
            last_values.append(value)
        if is_flag:
            single = multi = 0
            for member in enum_class._member_map_.values():
                if _is_single_bit(member._value_):
                    single |= member._value_
                else:
                    multi |= member._value_
            type.__setattr__(enum_class, '_flag_mask_', single | multi)
            type.__setattr__(enum_class, '_singles_mask_', single)
        return enum_class

    def _add_member_(enum_class, name, value):
        args = value if isinstance(value, tuple) else (value,)
        if enum_class._member_type_ is tuple:
            args = (args,)
        if enum_class._use_args_:
            member = enum_class._new_member_(enum_class, *args)
        else:
            member = enum_class._new_member_(enum_class)
        if not hasattr(member, '_value_'):
            if enum_class._member_type_ is object:
                member._value_ = value
            else:
                member._value_ = enum_class._member_type_(*args)
        value = member._value_
        member._name_ = name
        member.__init__(*args)
        for canonical in enum_class._member_map_.values():
            if canonical._value_ == value:
                member = canonical
                break
        else:
            if Flag is None or not issubclass(enum_class, Flag) or _is_single_bit(value):
                enum_class._member_names_.append(name)
        enum_class._member_map_[name] = member
        try:
            enum_class._value2member_map_.setdefault(value, member)
        except TypeError:
            pass
        type.__setattr__(enum_class, name, member)

    @staticmethod
    def _get_mixins_(class_name, bases):
        if not bases or Enum is None:
            return object, None
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (class_name, base))
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`')
        for base in bases:
            for k in base.__mro__:
                if k is object:
                    continue
                if isinstance(k, EnumType):
                    if k._member_type_ is not object:
                        return k._member_type_, first_enum
                    break
                if k in (int, str):
                    return k, first_enum
        return object, first_enum

    @staticmethod
    def _find_new_(body, member_type, first_enum):
        if first_enum is None:
            return object.__new__
        new = body.pop('__new__', None)
        if new is not None:
            return new
        for method in ('_new_member_', '__new__'):
            for possible in (member_type, first_enum):
                target = getattr(possible, method, None)
                if target not in (None, object.__new__, Enum.__new__):
                    return target
        return object.__new__

    @staticmethod
    def _fix_methods_(enum_class, classdict, member_type, first_enum, is_flag):
        # A data type's repr, str and format would come before the enum's in the MRO: the
        # enum's are set on the class (ReprEnum keeps the data type's str and format).
        if member_type is not object:
            keep_data_type = issubclass(enum_class, ReprEnum)
            for name in ('__repr__', '__str__', '__format__'):
                if name not in classdict and not (keep_data_type and name != '__repr__'):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        if is_flag:
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
                if name not in classdict:
                    type.__setattr__(enum_class, name, getattr(Flag, name))

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = {'__module__': module or '__main__', '__qualname__': qualname or class_name}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        items = names.items() if isinstance(names, dict) else names
        for name, value in items:
            classdict[name] = value
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, cls.__class__.__qualname__)
            )
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        """The members by name, aliases included (a dict here; CPython's is a read-only mappingproxy)."""
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return '<flag %r>' % (cls.__name__,)
        return '<enum %r>' % (cls.__name__,)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType
Enum = Flag = ReprEnum = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError(
            'error in %s._missing_: returned %r instead of None or a valid member' % (cls.__name__, result)
        )

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __reduce__(self):
        # A string: pickle (and GIL Lab's copy into another process) finds the member by name.
        return '%s.%s' % (self.__class__.__qualname__, self._name_)

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @name.setter
    def name(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_

    @value.setter
    def value(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum, boundary=_STRICT):
    """Support for flags: members combine with |, & and ^."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        return 2 ** last_value.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        if value < 0:
            value = (2 ** flag_mask.bit_length()) + value if cls._boundary_ != _KEEP else value
        unknown = value & ~flag_mask
        if unknown and cls._boundary_ != _KEEP:
            max_bits = max(value.bit_length(), flag_mask.bit_length())
            raise ValueError(
                '%r invalid value %r\n    given %s\n  allowed %s'
                % (cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits))
            )
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        members = [m for m in cls if m._value_ & value == m._value_]
        names = [m._name_ for m in members]
        if unknown:
            names.append(str(unknown))
        pseudo._name_ = '|'.join(names) if names else None
        if not unknown:
            pseudo = cls._value2member_map_.setdefault(value, pseudo)
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__)
            )
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return (m for m in self.__class__ if m._value_ & self._value_ == m._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return '<%s: %r>' % (self.__class__.__name__, self._value_)
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (self.__class__.__name__, self._value_)
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def _operand_(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        value = self._operand_(other)
        return NotImplemented if value is NotImplemented else self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._operand_(other)
        return NotImplemented if value is NotImplemented else self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._operand_(other)
        return NotImplemented if value is NotImplemented else self.__class__(self._value_ ^ value)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if self._boundary_ == _KEEP:
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag, boundary=_KEEP):
    """Support for integer-based flags."""


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
