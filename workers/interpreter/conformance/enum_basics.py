# enum: members, lookup by value and name, iteration, aliases, methods, auto, unique, _missing_.
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f'{self.name} is {self.value}'

    @property
    def warm(self):
        return self is Color.RED

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color['BLUE'], Color(1) is Color.RED, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color)
print(list(Color.__members__), Color.__members__['CRIMSON'])
print([c.name for c in reversed(Color)])
print(Color.RED.describe(), Color.RED.warm, Color.BLUE.warm, Color.default())
print(type(Color.RED), type(Color), isinstance(Color.RED, Color), Color.RED.__class__.__name__)
print(f'{Color.GREEN}', f'[{Color.GREEN:>12}]', str(Color.BLUE), '%s' % Color.BLUE)
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, Color.RED is Color(1))
counts = {Color.RED: 0, Color.GREEN: 0}
for c in [Color.RED, Color.GREEN, Color.CRIMSON]:
    counts[c] += 1
print(counts, sorted(Color, key=lambda c: c.value, reverse=True))
print(Color, repr(Color), Color.__name__, Color._member_names_)


class Step(Enum):
    START = auto()
    MIDDLE = auto()
    END = auto()


print(list(Step), [s.value for s in Step], auto)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet((3.303e23, 2.4397e6)))


class Shape(Enum):
    SQUARE = 'square'
    CIRCLE = 'circle'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Shape('SQUARE'), Shape('Circle'))


class Coin(Enum):
    def __new__(cls, value, label):
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        return member

    PENNY = (1, 'one cent')
    DIME = (10, 'ten cents')


print(Coin(10), Coin.PENNY.label, Coin.DIME.value)


@unique
class Weekday(Enum):
    MON = 1
    TUE = 2


print(list(Weekday))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal(3))
Mode = Enum('Mode', [('FAST', 'f'), ('SLOW', 's')])
print(Mode('s'), Mode.FAST.value)


class Base(Enum):
    def kind(self):
        return f'{type(self).__name__}:{self.name}'


class Fruit(Base):
    APPLE = 1
    PEAR = 2


print(Fruit.PEAR.kind(), issubclass(Fruit, Base), issubclass(Fruit, Enum))
