# strategies: multiprocessing
# An Enum member sent to another process through a Queue or as a Process argument is the child's
# own member (pickled by name), so `is` holds there, and the member the child sends back is the
# parent's own.
from enum import Enum
from multiprocessing import Process, Queue


class Color(Enum):
    RED = 1
    GREEN = 2


def child(color, q):
    got = q.get()
    q2.put((color is Color.RED, got is Color.GREEN, got == Color.GREEN, Color(2) is got))
    q2.put(Color.RED)


q = Queue()
q2 = Queue()
if __name__ == "__main__":
    p = Process(target=child, args=(Color.RED, q))
    p.start()
    q.put(Color.GREEN)
    print(q2.get())
    back = q2.get()
    p.join()
    print(back, back is Color.RED)
