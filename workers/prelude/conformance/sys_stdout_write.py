# strategies: threading, sequential
# sys.stdout.write() writes where print() does, from any thread, and returns the number of
# characters written; flush() is there; write() takes str only.
import sys
import threading

n = sys.stdout.write("progress: ")
sys.stdout.flush()
print(n)
lock = threading.Lock()


def report(i):
    with lock:
        sys.stdout.write(f"worker {i} done\n")


threads = [threading.Thread(target=report, args=(i,)) for i in range(1)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sys.stdout.write("héllo\n"))
print("via print", file=sys.stdout, end="!\n")
try:
    sys.stdout.write(42)
except TypeError as e:
    print("TypeError:", e)
