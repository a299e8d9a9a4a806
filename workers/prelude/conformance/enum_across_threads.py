# strategies: threading, multiprocessing
# Enum members sent to another thread (or, under multiprocessing, another process) arrive as the
# same singletons: CPython pickles a member by name, so `is`, == and dict lookups still work there.
import queue
import threading
from enum import Enum, IntEnum, auto


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()


class Level(IntEnum):
    LOW = 1
    HIGH = 2


labels = {State.IDLE: "idle", State.RUNNING: "running", State.DONE: "done"}
inbox = queue.Queue()
outbox = queue.Queue()


def worker():
    while True:
        state, level = inbox.get()
        outbox.put((state.name, state is State(state.value), labels[state], level + 1, level is Level(level.value)))
        if state is State.DONE:
            return


t = threading.Thread(target=worker)
t.start()
for state, level in [(State.IDLE, Level.LOW), (State.RUNNING, Level.HIGH), (State.DONE, Level.LOW)]:
    inbox.put((state, level))
t.join()
while not outbox.empty():
    print(outbox.get())
print(list(State), [repr(level) for level in Level])
