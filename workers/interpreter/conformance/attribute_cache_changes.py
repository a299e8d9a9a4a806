# Attribute reads and method calls in a loop see an instance's attributes added, rebound, deleted
# and shadowing a method; an exception raised again from another cause shows the new cause; a
# module's attribute rebound is read anew.
import math


class P:
    def __init__(self):
        self.x = 1

    def m(self):
        return "method"


def attributes():
    p = P()
    for i in range(6):
        try:
            print(i, p.x, p.m())
        except AttributeError as e:
            print(i, "AttributeError:", e)
        if i == 0:
            p.x = 2
        elif i == 1:
            p.y = 3
        elif i == 2:
            p.m = lambda: "shadow"
        elif i == 3:
            del p.m
            del p.x
        elif i == 4:
            p.x = 5


def causes():
    e = ValueError("v")
    for c in ("first", "second"):
        try:
            raise e from KeyError(c)
        except ValueError as caught:
            print(repr(caught.__cause__), caught.__suppress_context__)


def module_attribute():
    for i in range(3):
        print(i, math.pi)
        math.pi = i


attributes()
causes()
module_attribute()
