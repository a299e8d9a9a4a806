# strategies: multiprocessing
# Pool and ProcessPoolExecutor: the initializer runs once in each worker, before its tasks, and what
# it sets is the worker's; maxtasksperchild replaces a worker after its tasks; an initializer that
# raises breaks a ProcessPoolExecutor.
import multiprocessing as mp
import os
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor

BASE = 0
INITS = 0


def init(v):
    global BASE, INITS
    BASE = v
    INITS += 1
    print("init ran in", mp.current_process().name.split("-")[0], flush=True)


def quiet_init():
    global INITS
    INITS += 1


def add_base(x):
    return BASE + x


def inits_and_pid(_):
    return INITS, os.getpid()


def bad():
    raise ValueError("no init")


def sq(x):
    return x * x


if __name__ == "__main__":
    pool = mp.Pool(1, initializer=init, initargs=(100,))
    print(pool.map(add_base, [1, 2, 3]))
    pool.close()
    pool.join()
    with mp.Pool(2, initializer=quiet_init) as pool:
        seen = pool.map(inits_and_pid, range(8))
    print("each worker ran it once:", sorted(set(n for n, pid in seen)), len(set(pid for n, pid in seen)) <= 2)
    with ProcessPoolExecutor(1, initializer=init, initargs=(200,)) as ex:
        print(list(ex.map(add_base, [1, 2])))
    print("BASE in the parent:", BASE)
    pool = mp.Pool(1, maxtasksperchild=2)
    pids = pool.map(inits_and_pid, range(6), chunksize=1)
    pool.close()
    pool.join()
    pids = [pid for n, pid in pids]
    print("workers:", len(set(pids)), pids[0] == pids[1], pids[1] == pids[2], pids[2] == pids[3], os.getpid() not in pids)
    ex = ProcessPoolExecutor(1, initializer=bad)
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
    for make in (lambda: ProcessPoolExecutor(1, initializer=3), lambda: mp.Pool(1, initializer=3)):
        try:
            make()
        except TypeError as e:
            print("TypeError:", e)
    try:
        mp.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print("ValueError:", e)
