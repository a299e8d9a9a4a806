# strategies: multiprocessing
# What a process printed before it is ended still shows (a Pool's workers at the end of its with
# block, which terminates them); terminate() ends a process with SIGTERM, kill() with SIGKILL.
import multiprocessing as mp
import time


def init():
    print("worker ready", flush=True)


def work(x):
    print("working on", x, flush=True)
    return x * 2


def sleeper(q):
    print("child started", flush=True)
    q.put("ready")
    time.sleep(5)


if __name__ == "__main__":
    with mp.Pool(1, initializer=init) as pool:
        print(pool.map(work, [1, 2, 3]))
    for end in ("kill", "terminate"):
        q = mp.Queue()  # a queue of its own: the process may die holding a queue's lock
        p = mp.Process(target=sleeper, args=(q,))
        p.start()
        q.get()
        getattr(p, end)()
        p.join()
        print(end, p.exitcode, repr(p).split(" ")[-1], p.is_alive())
