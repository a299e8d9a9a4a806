# Two threads compute while two wait on the network: threads overlap the waiting,
# but only processes overlap the computing.
import threading
import time


def crunch():
    total = 0
    for i in range(3_000_000):
        total += i * i


def fetch():
    for i in range(10):
        time.sleep(0.1)  # waiting for a reply releases the GIL
        sum(range(10_000))  # a little work on the answer


threads = [threading.Thread(target=crunch) for _ in range(2)]
threads += [threading.Thread(target=fetch) for _ in range(2)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{len(threads)} threads in {time.time() - start:.2f} s")
