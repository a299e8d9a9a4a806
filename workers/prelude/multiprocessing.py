"""multiprocessing: processes with a GIL of their own each, started as CPython's 'fork' start
method does (the child begins with a copy of the parent's objects). Pool, Queue and Lock cross
processes through GIL Lab's channels."""
import os
import _gil_lab
from multiprocessing.process import BaseProcess, Process, active_children, current_process, parent_process
from multiprocessing.process import _join_children, _next_process_number

__all__ = ['Process', 'current_process', 'parent_process', 'active_children', 'cpu_count', 'Pool',
           'Queue', 'SimpleQueue', 'JoinableQueue', 'Lock', 'RLock', 'Event', 'get_start_method',
           'set_start_method', 'get_context', 'TimeoutError', 'Value', 'Array', 'RawValue', 'RawArray', 'Pipe',
           'Manager']

_sequential = _gil_lab.mode() == 'sequential'


def cpu_count():
    """The number of CPUs the program believes it has (GIL Lab's workers knob)."""
    return os.cpu_count()


def get_start_method(allow_none=False):
    return 'fork'


def set_start_method(method, force=False):
    if method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)


class TimeoutError(Exception):
    pass


# As CPython's context does: sharedctypes and connection are imported on first use, so a program
# that uses neither does not carry them (into every forked child's copy of the modules, too).
def Value(typecode_or_type, *args, lock=True):
    from multiprocessing.sharedctypes import Value
    return Value(typecode_or_type, *args, lock=lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    from multiprocessing.sharedctypes import Array
    return Array(typecode_or_type, size_or_initializer, lock=lock)


def RawValue(typecode_or_type, *args):
    from multiprocessing.sharedctypes import RawValue
    return RawValue(typecode_or_type, *args)


def RawArray(typecode_or_type, size_or_initializer):
    from multiprocessing.sharedctypes import RawArray
    return RawArray(typecode_or_type, size_or_initializer)


def Pipe(duplex=True):
    from multiprocessing.connection import Pipe
    return Pipe(duplex)


def Manager():
    """A started SyncManager: dict(), list(), Value(), Queue(), Lock() shared between processes."""
    from multiprocessing.managers import SyncManager
    m = SyncManager()
    m.start()
    return m


class Queue:
    """A FIFO that crosses processes: items are copied, as pickling copies them."""

    def __init__(self, maxsize=0):
        self._channel = _gil_lab.channel()

    def put(self, obj, block=True, timeout=None):
        _gil_lab.channel_put(self._channel, obj)

    def put_nowait(self, obj):
        self.put(obj)

    def get(self, block=True, timeout=None):
        if not block:
            timeout = 0
        found, item = _gil_lab.channel_get(self._channel, timeout, True)
        if not found:
            import queue
            raise queue.Empty
        return item

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return _gil_lab.channel_size(self._channel) == 0

    def qsize(self):
        return _gil_lab.channel_size(self._channel)

    def close(self):
        pass

    def join_thread(self):
        pass


SimpleQueue = Queue


class JoinableQueue(Queue):
    def task_done(self):
        pass

    def join(self):
        pass


class Lock:
    """A lock that crosses processes (one token on a channel)."""

    def __init__(self):
        self._channel = _gil_lab.channel()
        _gil_lab.channel_put(self._channel, True)

    def acquire(self, block=True, timeout=None):
        if not block:
            timeout = 0
        found, _ = _gil_lab.channel_get(self._channel, timeout, True)
        return found

    def release(self):
        _gil_lab.channel_put(self._channel, True)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


RLock = Lock


class Event:
    def __init__(self):
        self._channel = _gil_lab.channel()

    def set(self):
        if not self.is_set():
            _gil_lab.channel_put(self._channel, True)

    def is_set(self):
        return _gil_lab.channel_size(self._channel) > 0

    def wait(self, timeout=None):
        found, _ = _gil_lab.channel_get(self._channel, timeout, True)
        if found:
            _gil_lab.channel_put(self._channel, True)
        return found

    def clear(self):
        while _gil_lab.channel_size(self._channel) > 0:
            _gil_lab.channel_get(self._channel, 0, True)


def worker(tasks, results, initializer=None, initargs=(), maxtasks=None, index=0):
    """A pool's worker, a process (Pool) or a thread (ThreadPool): runs the initializer, then tasks
    until the pool's None, or until it has run maxtasks of them: then it tells the pool, which
    starts another worker in its place."""
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = tasks.get()
        if task is None:
            tasks.put(None)
            return
        results.put(_run_task(task))
        completed += 1
    results.put((-1, index, None))


def _run_task(task):
    """A pool's task run by its worker: (number, succeeded, result or exception)."""
    n, fn, args, kwds = task
    try:
        return (n, True, fn(*args, **kwds))
    except BaseException as e:
        return (n, False, e)


class AsyncResult:
    def __init__(self, pool, ids, single):
        self._pool = pool
        self._ids = ids
        self._single = single

    def get(self, timeout=None):
        values = [self._pool._wait_for(n) for n in self._ids]
        return values[0] if self._single else values

    def wait(self, timeout=None):
        self.get(timeout)

    def ready(self):
        return all(n in self._pool._done for n in self._ids)

    def successful(self):
        return self.ready()


class Pool:
    """A pool of worker processes: map(), apply_async() and friends."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._done = {}
        self._next = 0
        self._closed = False
        self._terminated = False
        self._workers = []
        if _sequential:
            # The sequential strategy: each worker's initializer runs here, as the tasks do.
            if initializer is not None:
                for i in range(processes):
                    initializer(*initargs)
        else:
            self._start(processes)

    def _start(self, processes):
        self._tasks = Queue()
        self._results = Queue()
        for i in range(processes):
            self._workers.append(self._spawn(i))

    def _spawn(self, i):
        p = Process(target=worker, args=(self._tasks, self._results, self._initializer, self._initargs,
                                         self._maxtasksperchild, i),
                    name='ForkPoolWorker-%d' % _next_process_number())
        p.start()
        return p

    def _take_result(self):
        m, ok, value = self._results.get()
        if m >= 0:
            self._done[m] = (ok, value)
        elif not self._terminated:
            # A worker ran its maxtasksperchild tasks and ended: another takes its place.
            self._workers[ok].join()
            self._workers[ok] = self._spawn(ok)

    def _submit(self, fn, args, kwds={}):
        if self._closed:
            raise ValueError("Pool not running")
        n = self._next
        self._next += 1
        task = (n, fn, args, dict(kwds))
        if _sequential:
            # The sequential strategy: each task runs right here, in order.
            self._done[n] = _run_task(task)[1:]
            return n
        self._tasks.put(task)
        return n

    def _wait_for(self, n):
        while n not in self._done:
            self._take_result()
        ok, value = self._done[n]
        if not ok:
            raise value
        return value

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return AsyncResult(self, [self._submit(func, tuple(args), kwds)], True)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return AsyncResult(self, [self._submit(func, (x,)) for x in iterable], False)

    def starmap(self, func, iterable, chunksize=None):
        return AsyncResult(self, [self._submit(func, tuple(x)) for x in iterable], False).get()

    def imap(self, func, iterable, chunksize=1):
        ids = [self._submit(func, (x,)) for x in iterable]
        for n in ids:
            yield self._wait_for(n)

    imap_unordered = imap

    def close(self):
        self._closed = True

    def terminate(self):
        self._closed = True
        self._terminated = True
        for p in self._workers:
            p.terminate()
        for p in self._workers:
            p.join()

    def join(self):
        if _sequential:
            return
        if self._maxtasksperchild is not None:
            # Workers end after their tasks: the pool replaces them while any task is left to run.
            while len(self._done) < self._next:
                self._take_result()
        self._tasks.put(None)
        for p in self._workers:
            p.join()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.terminate()


class _Context:
    Process = Process
    Queue = Queue
    Pool = Pool
    Lock = Lock
    Event = Event
    Value = staticmethod(Value)
    Array = staticmethod(Array)
    Pipe = staticmethod(Pipe)
    Manager = staticmethod(Manager)

    def get_start_method(self, allow_none=False):
        return 'fork'


def get_context(method=None):
    return _Context()
