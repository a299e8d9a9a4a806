# A call of a module's function in a loop sees the function rebound, deleted and added again.
import math


def calls():
    for i in range(4):
        try:
            print(i, math.sqrt(16))
        except AttributeError as e:
            print(i, "AttributeError:", e)
        if i == 0:
            math.sqrt = lambda x: -x
        elif i == 1:
            del math.sqrt
        elif i == 2:
            math.sqrt = abs


calls()
