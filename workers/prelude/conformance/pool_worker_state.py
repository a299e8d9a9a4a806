# strategies: multiprocessing
# A Pool's task runs in the worker process, on the worker's own globals, as pickle sends a
# function by reference: current_process() there is the worker, and a global the parent changes
# after the pool started is not seen by the workers it forked before.
from multiprocessing import Pool, current_process

SETTING = "before"


def who(_):
    return current_process().name


def setting(_):
    return SETTING


class Shape:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


def area(shape):
    return (type(shape).__name__, shape.area(), current_process().name != "MainProcess")


if __name__ == "__main__":
    with Pool(2) as pool:
        names = pool.map(who, range(6))
        print(all(name.startswith("ForkPoolWorker-") for name in names), current_process().name)
        SETTING = "after"
        print(sorted(set(pool.map(setting, range(4)))), SETTING)
        print(pool.map(area, [Shape(2), Shape(3)]))
        print(pool.apply(who, (0,)).startswith("ForkPoolWorker-"))
