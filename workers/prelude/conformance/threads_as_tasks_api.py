# strategies: threading, asyncio
# threading.Thread's interface where the asyncio strategy runs each thread as a task: default
# names, name and daemon setters, ident and native_id once started, is_alive() while it runs,
# join(timeout), current_thread() and get_ident() in a thread, a builtin target, a Thread subclass,
# starting twice.
import threading
import time


idents = set()


def worker(n):
    idents.add(threading.get_ident())
    time.sleep(0.1 * n)
    print("worker", n, "done in", threading.current_thread().name)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(1, 4)]
print([t.name for t in threads], [t.is_alive() for t in threads], threads[0].ident is None, threads[0].daemon)
threads[2].name = "last"
threads[2].daemon = False
for t in threads:
    t.start()
print([t.is_alive() for t in threads], threads[0].ident is not None, threads[0].native_id is not None)
threads[2].join(0.001)
print("after join(timeout):", threads[2].is_alive())
for t in threads:
    t.join()
print([t.is_alive() for t in threads], threads[2].name, threading.current_thread().name)
print("idents:", len(idents), threading.get_ident() not in idents, threads[0].ident in idents)
b = threading.Thread(target=print, args=("a builtin target",))
b.start()
b.join()
try:
    threads[0].start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=worker, args=(0,)).join()
except RuntimeError as e:
    print("RuntimeError:", e)


class Counter(threading.Thread):
    def __init__(self):
        super().__init__(name="counter")
        self.total = 0

    def run(self):
        for i in range(3):
            time.sleep(0.05)
            self.total += i


c = Counter()
c.start()
print(c.is_alive())
c.join()
print(c.name, c.total, c.is_alive())
