# strategies: threading, free-threading
# A Barrier's rounds: released by its last party, broken by a timeout, abort() or a failing
# action, and opened again by reset(), which breaks the round its waiters are in.
import threading

arrived = []
barrier = threading.Barrier(3, action=lambda: arrived.append("action"))
indexes = []
lock = threading.Lock()


def party():
    index = barrier.wait()
    with lock:
        indexes.append(index)


threads = [threading.Thread(target=party) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indexes), arrived)
print("parties", barrier.parties, "waiting", barrier.n_waiting, "broken", barrier.broken)

lonely = threading.Barrier(2, timeout=0.05)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("timed out: broken", lonely.broken, "waiting", lonely.n_waiting)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("still broken")
lonely.reset()
print("after reset: broken", lonely.broken, "waiting", lonely.n_waiting)

outcomes = []
pair = threading.Barrier(2)


def waiter():
    try:
        pair.wait()
        outcomes.append("passed")
    except threading.BrokenBarrierError:
        outcomes.append("broken by reset")


w = threading.Thread(target=waiter)
w.start()
while pair.n_waiting == 0:
    pass
pair.reset()
w.join()
print(outcomes, pair.broken)
both = [threading.Thread(target=waiter) for _ in range(2)]
for t in both:
    t.start()
for t in both:
    t.join()
print(outcomes)


def fail():
    raise ValueError("action failed")


failing = threading.Barrier(1, action=fail)
try:
    failing.wait()
except ValueError as e:
    print("ValueError:", e, "broken", failing.broken)
aborted = threading.Barrier(2)
aborted.abort()
try:
    aborted.wait()
except threading.BrokenBarrierError:
    print("aborted")


seen = []
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=fail, name="Failing")
t.start()
t.join()
print(seen)
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
