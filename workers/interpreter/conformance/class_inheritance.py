# Inheritance, super(), method overriding, isinstance, MRO.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name}: {self.speak()}"
class Cat(Animal):
    def speak(self):
        return "meow"
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + "!"
l = Lion("Leo", "east")
print(l.describe(), l.pride, isinstance(l, Animal), isinstance(l, Cat), issubclass(Lion, Animal), issubclass(Animal, Lion))
print([c.__name__ for c in Lion.__mro__], Lion.__bases__[0].__name__)
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
class Base:
    greeting = "hi"
    def hello(self):
        return self.greeting
class Child(Base):
    greeting = "hey"
print(Child().hello(), Base().hello())
