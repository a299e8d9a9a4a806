# enum: the errors CPython raises, with its messages.
from enum import Enum, IntEnum, unique


class Color(Enum):
    RED = 1
    GREEN = 2


def attempt(label, f):
    try:
        print(label, '=>', f())
    except Exception as e:
        print(label, '=>', type(e).__name__, e)


def reassign():
    Color.RED = 3


def delete():
    del Color.GREEN


def rename():
    Color.RED.name = 'x'


def revalue():
    Color.RED.value = 5


def extend():
    class More(Color):
        BLUE = 3


def duplicates():
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2


def compare():
    return Color.RED < Color.GREEN


def contains():
    return 1 in Color


attempt('Color(3)', lambda: Color(3))
attempt("Color('RED')", lambda: Color('RED'))
attempt('Color(None)', lambda: Color(None))
attempt("Color['BLUE']", lambda: Color['BLUE'])
attempt('Color.BLUE', lambda: Color.BLUE)
attempt('reassign', reassign)
attempt('delete', delete)
attempt('rename', rename)
attempt('revalue', revalue)
attempt('extend', extend)
attempt('unique', duplicates)
attempt('compare', compare)
attempt('Color.RED + 1', lambda: Color.RED + 1)


class Level(IntEnum):
    LOW = 1
    HIGH = 2


attempt('Level(5)', lambda: Level(5))
attempt("Level('x')", lambda: Level('x'))
attempt('Level.LOW + Level.HIGH', lambda: Level.LOW + Level.HIGH)
attempt('Color.RED.missing', lambda: Color.RED.missing)
