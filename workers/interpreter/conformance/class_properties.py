# property, setter, staticmethod, classmethod.
class Temp:
    scale = "C"
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def describe():
        return "a temperature"
    @classmethod
    def freezing(cls):
        return cls(0)
    @classmethod
    def unit(cls):
        return cls.scale
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 37
print(t.celsius, round(t.fahrenheit, 1))
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError")
print(Temp.describe(), t.describe(), Temp.freezing().celsius, t.unit(), Temp.unit())
