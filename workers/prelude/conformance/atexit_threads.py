# strategies: threading, free-threading
# atexit functions run once the main thread and every non-daemon thread have finished, the last
# registered first (one registered from a thread too).
import atexit
import threading
import time

log = []


def report():
    print("atexit: the threads logged", sorted(log))


atexit.register(report)


def slow_worker(n):
    time.sleep(0.05)
    log.append(n)
    if n == 2:
        atexit.register(print, "atexit: registered by worker", n)


if __name__ == "__main__":
    for i in range(3):
        threading.Thread(target=slow_worker, args=(i,)).start()
    print("main thread done")
