"""multiprocessing.pool: Pool, and ThreadPool, which has Pool's interface with threads for
workers (one GIL for all of them), as CPython's multiprocessing.pool.ThreadPool."""
import queue
import threading
from multiprocessing import AsyncResult, Pool, worker

__all__ = ['Pool', 'ThreadPool', 'AsyncResult']


class ThreadPool(Pool):
    """A pool of worker threads: tasks and results are shared, not copied."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        # maxtasksperchild is not CPython's ThreadPool's: it is here for the programs whose Pool
        # the threading strategy runs as a ThreadPool.
        Pool.__init__(self, processes, initializer, initargs, maxtasksperchild)

    def _start(self, processes):
        self._tasks = queue.Queue()
        self._results = queue.Queue()
        for i in range(processes):
            self._workers.append(self._spawn(i))

    def _spawn(self, i):
        t = threading.Thread(target=worker, args=(self._tasks, self._results, self._initializer, self._initargs,
                                                  self._maxtasksperchild, i), daemon=True)
        t.start()
        return t

    def terminate(self):
        # Threads cannot be killed: the pool's None ends each worker after its task, as join() does.
        self.close()
        self.join()
