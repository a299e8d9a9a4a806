# strategies: threading
# sys.setrecursionlimit: getrecursionlimit returns it, deeper recursion works, threads started later have it.
import sys, threading
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit(), depth(4000))
sys.setrecursionlimit(100)
try:
    depth(200)
except RecursionError as e:
    print("RecursionError:", e)
for bad in [0, -5, 2.5]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
def deep(k):
    if k == 0:
        try:
            sys.setrecursionlimit(10)
        except RecursionError as e:
            print("RecursionError:", str(e).split(" at ")[0])
        return
    deep(k - 1)
deep(20)
sys.setrecursionlimit(3000)
t = threading.Thread(target=lambda: print("thread", depth(2500)))
t.start(); t.join()
