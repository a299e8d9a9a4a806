# strategies: threading, free-threading
# ThreadPool and ThreadPoolExecutor: the initializer runs once in each worker thread before its
# tasks; one that raises breaks a ThreadPoolExecutor (BrokenThreadPool, CPython's messages).
import threading
from concurrent.futures import BrokenExecutor, ThreadPoolExecutor
from multiprocessing.pool import ThreadPool


def tinit(tag):
    threading.current_thread().tag = tag
    print("init", tag)


def ttag(x):
    return (threading.current_thread().tag, x)


def bad():
    raise ValueError("no init")


def sq(x):
    return x * x


tp = ThreadPool(1, initializer=tinit, initargs=("t",))
print(tp.map(ttag, [1, 2]))
tp.close()
tp.join()
with ThreadPoolExecutor(1, initializer=tinit, initargs=("x",)) as ex:
    print(list(ex.map(ttag, [1, 2])))
ex = ThreadPoolExecutor(2, initializer=bad)
f = ex.submit(sq, 3)
try:
    f.result()
except BrokenExecutor as e:
    print(type(e).__name__, e)
try:
    ex.submit(sq, 4)
except BrokenExecutor as e:
    print("submit:", type(e).__name__, e)
ex.shutdown()
try:
    ThreadPoolExecutor(1, initializer=3)
except TypeError as e:
    print("TypeError:", e)
