# strategies: threading, multiprocessing
# Instances of dict and list subclasses sent to another thread (or, under multiprocessing, another
# process) arrive as instances of their class, with their items and their attributes, and the
# class's methods and __missing__ still apply there; what comes back is a subclass instance too.
import queue
import threading
import multiprocessing


class Tally(dict):
    def __missing__(self, key):
        return 0

    def bump(self, key):
        self[key] += 1
        return self


class Path(list):
    def total(self):
        return sum(self)


def worker(inbox, outbox):
    tally, path = inbox.get()
    outbox.put((type(tally).__name__, isinstance(tally, dict), tally["none"], tally.owner, sorted(tally.items())))
    outbox.put((type(path).__name__, path.total(), path[1:], path.label))
    tally.bump("b").bump("c")
    path.append(10)
    outbox.put((tally, path))


if __name__ == "__main__":
    for make, Q in [(threading.Thread, queue.Queue), (multiprocessing.Process, multiprocessing.Queue)]:
        tally = Tally(a=1, b=2)
        tally.owner = "main"
        path = Path([1, 2, 3])
        path.label = "p"
        inbox, outbox = Q(), Q()
        w = make(target=worker, args=(inbox, outbox))
        w.start()
        inbox.put((tally, path))
        print(outbox.get())
        print(outbox.get())
        back_tally, back_path = outbox.get()
        w.join()
        print(type(back_tally).__name__, back_tally, back_tally["zzz"], back_tally.owner)
        print(type(back_path).__name__, back_path, back_path.total(), back_path.label)
