"""multiprocessing.pool: Pool, and ThreadPool, which has Pool's interface with threads for
workers (one GIL for all of them), as CPython's multiprocessing.pool.ThreadPool."""
import queue
import threading
from multiprocessing import AsyncResult, Pool, _run_task

__all__ = ['Pool', 'ThreadPool', 'AsyncResult']


def worker(tasks, results):
    while True:
        task = tasks.get()
        if task is None:
            tasks.put(None)
            return
        results.put(_run_task(task))


class ThreadPool(Pool):
    """A pool of worker threads: tasks and results are shared, not copied."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _start(self, processes):
        self._tasks = queue.Queue()
        self._results = queue.Queue()
        for i in range(processes):
            t = threading.Thread(target=worker, args=(self._tasks, self._results), daemon=True)
            t.start()
            self._workers.append(t)

    def _put_task(self, task):
        self._tasks.put(task)

    def _get_result(self):
        return self._results.get()

    def terminate(self):
        self._closed = True
        if self._workers:
            self._put_task(None)
        for t in self._workers:
            t.join()
