# strategies: multiprocessing
# A forked child process ends as CPython's does (os._exit): it runs no atexit function, neither the
# parent's it inherited nor its own; the parent runs its own once its non-daemon children are done.
import atexit
import multiprocessing


def parent_handler():
    print("atexit in the parent:", multiprocessing.current_process().name)


atexit.register(parent_handler)


def child(n):
    atexit.register(print, "never: registered in child", n)
    print("child", n, "ran")


if __name__ == "__main__":
    procs = [multiprocessing.Process(target=child, args=(i,)) for i in range(2)]
    for p in procs:
        p.start()
        p.join()
    print("exit codes", [p.exitcode for p in procs])
    with multiprocessing.Pool(2) as pool:
        print(pool.map(abs, [-1, -2, -3]))
    print("main done")
