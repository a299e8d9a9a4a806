# enum: IntEnum, StrEnum and mixed-in data types (str and format per 3.11), compared and hashed as ints and strs.
from enum import Enum, IntEnum, StrEnum, auto


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


print(Priority.LOW, repr(Priority.LOW), str(Priority.HIGH), f'{Priority.MEDIUM}', f'[{Priority.HIGH:>4}]')
print(Priority.LOW + 1, Priority.HIGH * 2, Priority.LOW < Priority.HIGH, Priority.MEDIUM == 2, Priority.LOW < 2)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority), min(Priority).name)
print(isinstance(Priority.LOW, int), int(Priority.HIGH), float(Priority.LOW), type(Priority.LOW + 0).__name__)
print(['a', 'b', 'c', 'd'][Priority.HIGH], list(range(Priority.MEDIUM)), {1: 'one'}[Priority.LOW], hash(Priority.LOW) == hash(1))
print(Priority(2), Priority(2) is Priority.MEDIUM, Priority['HIGH'], -Priority.LOW, abs(Priority.LOW), bool(Priority.LOW))
print(Priority.HIGH.value, Priority.HIGH.name, Priority.LOW.bit_length(), divmod(Priority.HIGH, 2))
print('%d items' % Priority.HIGH, sum(Priority), Priority.LOW in [1, 2])


class Http(StrEnum):
    OK = 'ok'
    NOT_FOUND = 'not found'
    TEAPOT = auto()


print(Http.OK, repr(Http.OK), str(Http.NOT_FOUND), f'{Http.OK}', f'[{Http.OK:^6}]', Http.TEAPOT.value)
print(Http.OK == 'ok', Http.OK.upper(), Http.NOT_FOUND.split(), len(Http.NOT_FOUND), Http.OK + '!', 'o' in Http.OK)
print('-'.join([Http.OK, Http.TEAPOT]), Http('ok') is Http.OK, {'ok': 1}[Http.OK], isinstance(Http.OK, str), sorted(Http))


class Size(str, Enum):
    SMALL = 's'
    LARGE = 'l'


print(Size.SMALL, repr(Size.SMALL), f'{Size.LARGE}', Size.SMALL == 's', Size('l'), Size.SMALL.upper())


class Code(int, Enum):
    A = 10
    B = 20


print(Code.A, repr(Code.B), f'{Code.A}', Code.A + 5, Code(20), Code.A < Code.B)
