# Classes with __init__, methods, class attributes, instance attributes.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
d = Dog("Rex")
e = Dog("Fido", 5)
print(d.speak(), e.birthday().age, Dog.count, d.species, Dog.species, d.count)
d.species = "own"
print(d.species, e.species, Dog.speak(e), type(d).__name__, isinstance(d, Dog), Dog.__name__)
print(hasattr(d, "name"), getattr(d, "age"), vars(e) == {"name": "Fido", "age": 6})
setattr(d, "tricks", ["sit"])
print(d.tricks)
del d.tricks
print(hasattr(d, "tricks"))
try:
    d.missing
except AttributeError as e:
    print(e)
try:
    Dog.missing
except AttributeError as e:
    print(e)
