# abc: ABC and ABCMeta, abstract methods (also behind property, classmethod and staticmethod),
# the TypeError for instantiating an abstract class, register() and virtual subclasses,
# __subclasshook__, update_abstractmethods.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


print(Square(3).describe())
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Polygon(ABC):
    @abstractmethod
    def perimeter(self):
        pass

    @abstractmethod
    def area(self):
        pass

    @property
    @abstractmethod
    def sides(self):
        pass

    @classmethod
    @abstractmethod
    def unit(cls):
        pass

    @staticmethod
    @abstractmethod
    def kind():
        pass


try:
    Polygon()
except TypeError as e:
    print("TypeError:", e)


class Half(Polygon):
    def perimeter(self):
        return 4

    def area(self):
        return 1


try:
    Half()
except TypeError as e:
    print("TypeError:", e)


class Full(Half):
    @property
    def sides(self):
        return 4

    @classmethod
    def unit(cls):
        return cls()

    @staticmethod
    def kind():
        return "quad"


f = Full.unit()
print(type(f).__name__, f.sides, f.kind(), f.perimeter(), Full.__abstractmethods__)
print(isinstance(f, Polygon), isinstance(f, Shape), issubclass(Full, Polygon), issubclass(Full, ABC))
print(type(Shape) is ABCMeta, type(Full).__name__, isinstance(Shape, ABCMeta))


class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self, x):
        """Run it."""

    def helper(self):
        return "helper"


class Impl(Base):
    def run(self, x):
        return super().helper() + f" ran {x}"


print(Impl().run(5))
try:
    Base()
except TypeError as e:
    print("TypeError:", e)


class Drawable(ABC):
    @abstractmethod
    def draw(self):
        pass


class Circle:
    def draw(self):
        return "circle"


print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
print(Drawable.register(Circle) is Circle)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))


@Drawable.register
class Line:
    pass


class Dashed(Line):
    pass


print(isinstance(Line(), Drawable), issubclass(Dashed, Drawable), isinstance(3, Drawable))
print(issubclass(Line, (int, Drawable)), isinstance(Line(), (str, Drawable)))
try:
    Drawable.register(3)
except TypeError as e:
    print("TypeError:", e)
token = abc.get_cache_token()
Drawable.register(int)
print(abc.get_cache_token() != token, isinstance(7, Drawable))


class Sized(ABC):
    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            if any("__len__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Bag:
    def __len__(self):
        return 3


print(isinstance(Bag(), Sized), issubclass(Bag, Sized), isinstance(object(), Sized), issubclass(Square, Sized))


class Later(ABC):
    @abstractmethod
    def go(self):
        pass


class Concrete(Later):
    pass


Concrete.go = lambda self: "went"
abc.update_abstractmethods(Concrete)
print(Concrete().go(), Concrete.__abstractmethods__)


class Plain:
    pass


print(abc.update_abstractmethods(Plain) is Plain)


def loose():
    pass


print(abstractmethod(loose) is loose, loose.__isabstractmethod__)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(Square(1), (Shape, int)), isinstance(True, int), issubclass(bool, (str, int)))
