# strategies: threading, multiprocessing
# Dicts and sets keyed by tuples and by objects whose class defines __hash__ and __eq__ (equal
# hashes, unequal keys) keep their keys apart in another thread (or, under multiprocessing,
# another process), whether they reach it as globals or through a queue, and on the way back.
import queue
import threading


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

    def __repr__(self):
        return f'K({self.v})'


table = {K(1): 'a', K(2): 'b', (3, 4): 'c', (5, 6): 'd', (K(7), 'x'): 'e', frozenset([K(8)]): 'f'}
members = {K(1), K(2), (1, 2), (3, 4), frozenset([K(3)])}
inbox = queue.Queue()
outbox = queue.Queue()


def look(d, s):
    return (d[K(2)], d[(3, 4)], d[(5, 6)], d[(K(7), 'x')], d[frozenset([K(8)])], (K(7), 'y') in d, len(d),
            K(1) in s, K(5) in s, (1, 2) in s, frozenset([K(3)]) in s, len(s))


def worker():
    outbox.put(look(table, members))
    d, s = inbox.get()
    outbox.put(look(d, s))
    d[K(9)] = 'g'
    s.add(K(2))
    s.add(K(10))
    outbox.put((d, s))


t = threading.Thread(target=worker)
t.start()
inbox.put((dict(table), set(members)))
print(outbox.get())
print(outbox.get())
d, s = outbox.get()
t.join()
print(len(d), d[K(9)], d[K(1)], len(s), K(10) in s, K(2) in s, sorted(k.v for k in s if isinstance(k, K)))
