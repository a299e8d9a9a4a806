# strategies: threading, free-threading
# A thread started later sees everything the threads before it changed, up to its start: the warm
# thread that becomes it replays the process's shared objects while it waits, then the rest.
import threading
import time

log = []
config = {"mode": "first"}


class Counter:
    def __init__(self):
        self.n = 0


counter = Counter()


def worker(name):
    log.append((name, config["mode"], counter.n))
    counter.n += 1


for i in range(4):
    t = threading.Thread(target=worker, args=(f"t{i}",))
    t.start()
    t.join()
    time.sleep(0.02)  # the next warm thread replays what this one changed
    config["mode"] = f"after t{i}"
    config[f"seen{i}"] = len(log)

late = threading.Thread(target=lambda: print(sorted(config.items()), log, counter.n))
late.start()
late.join()
