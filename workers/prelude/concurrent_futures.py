"""concurrent.futures: CPython's executors and futures, pared down, on GIL Lab's threads,
processes and channels."""
import os
import queue
import threading
import time as _time
import _gil_lab

_sequential = _gil_lab.mode() == 'sequential'
# The subinterpreters strategy: a thread pool's workers are threads in interpreters of their own
# (as 3.14's InterpreterPoolExecutor): calls and results cross by channels, copied.
_subinterpreters = _gil_lab.mode() == 'subinterpreters'

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError', 'TimeoutError',
           'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed', 'ThreadPoolExecutor',
           'ProcessPoolExecutor']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class CancelledError(Exception):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class BrokenExecutor(RuntimeError):
    """An executor could no longer run its tasks."""


class BrokenThreadPool(BrokenExecutor):
    """A worker thread of a ThreadPoolExecutor failed initializing."""


class BrokenProcessPool(BrokenExecutor):
    """A process of a ProcessPoolExecutor ended abruptly (its initializer raised)."""


BrokenThreadPool.__module__ = 'concurrent.futures.thread'
BrokenProcessPool.__module__ = 'concurrent.futures.process'


def _initializer_raised():
    """As CPython's workers do: the initializer's exception goes to the log, on stderr."""
    import logging
    logging.getLogger('concurrent.futures').critical('Exception in initializer:', exc_info=True)


class Future:
    """The result of a call that may not have happened yet."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (self.__class__.__name__, id(self), self._state.lower(), self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (self.__class__.__name__, id(self), self._state.lower(), self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (self.__class__.__name__, id(self), self._state.lower())

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            callback(self)

    def cancel(self):
        with self._condition:
            if self._state in [_RUNNING, _FINISHED]:
                return False
            if self._state == _CANCELLED:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        for w in self._waiters:
            w.set()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in [_CANCELLED, _FINISHED]

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in [_CANCELLED, _FINISHED]:
                self._done_callbacks.append(fn)
                return
        fn(self)

    def result(self, timeout=None):
        with self._condition:
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self.__get_result()
            self._condition.wait(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self.__get_result()
            raise TimeoutError()

    def __get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        with self._condition:
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            self._state = _RUNNING
            return True

    def set_result(self, result):
        with self._condition:
            self._result = result
            self._state = _FINISHED
            self._condition.notify_all()
        for w in self._waiters:
            w.set()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            self._exception = exception
            self._state = _FINISHED
            self._condition.notify_all()
        for w in self._waiters:
            w.set()
        self._invoke_callbacks()


def as_completed(fs, timeout=None):
    """Yields the futures as they finish."""
    fs = list(fs)
    pending = list(fs)
    done_event = threading.Event()
    for f in fs:
        f._waiters.append(done_event)
    # As in CPython, the timeout counts from the call, not from each wait.
    end_time = None if timeout is None else timeout + _time.monotonic()
    while pending:
        finished = [f for f in pending if f.done()]
        if not finished:
            done_event.clear()
            finished = [f for f in pending if f.done()]
            if not finished:
                wait_timeout = None
                if end_time is not None:
                    wait_timeout = end_time - _time.monotonic()
                    if wait_timeout < 0:
                        raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), len(fs)))
                done_event.wait(wait_timeout)
                continue
        for f in finished:
            pending.remove(f)
            yield f


class DoneAndNotDoneFutures:
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures; returns (done, not_done)."""
    fs = list(fs)
    event = threading.Event()
    for f in fs:
        f._waiters.append(event)
    # One deadline for the whole wait, however often a finishing future wakes it.
    deadline = None if timeout is None else _time.monotonic() + timeout
    while True:
        event.clear()  # before looking: a future that finishes after the look sets it again
        done = set(f for f in fs if f.done())
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and any(f._exception for f in done):
            break
        if len(done) == len(fs):
            break
        if deadline is None:
            event.wait()
        else:
            remaining = deadline - _time.monotonic()
            if remaining <= 0 or not event.wait(remaining):
                break
    return DoneAndNotDoneFutures(set(f for f in fs if f.done()), set(f for f in fs if not f.done()))


class Executor:
    """The base of the executors: submit() and map()."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        # As in CPython: the timeout counts from the call to map(), and the futures not yet
        # waited for are cancelled if the iteration stops early (a timeout, an exception, close()).
        end_time = None if timeout is None else timeout + _time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if end_time is None:
                        yield fs.pop().result()
                    else:
                        yield fs.pop().result(end_time - _time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _initializer_raised()
            executor._initializer_failed()
            return
    while True:
        work_item = work_queue.get()
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        work_queue.put(None)
        return


_executor_counter = 0
# Every pool thread and its queue, and every pool of processes or interpreters: at exit each is
# told to stop, as CPython's _python_exit does,
# so a pool the program never shut down does not keep the program waiting.
_threads_queues = []
_channel_pools = []


def _python_exit():
    # A forked child has copies of its parent's lists: their threads and workers are not its own.
    me = _gil_lab.pid()
    mine = [(t, q) for pid, t, q in _threads_queues if pid == me]
    for t, q in mine:
        q.put(None)
    for t, q in mine:
        t.join()
    for pid, pool in _channel_pools:
        if pid == me:
            pool.shutdown(wait=True)


threading._register_atexit(_python_exit)


class ThreadPoolExecutor(Executor):
    """Runs calls in a pool of threads (of one process, one GIL)."""

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        global _executor_counter
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        self._broken = False
        self._initialized = False
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        if not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-%d" % _executor_counter
            _executor_counter += 1
        self._thread_name_prefix = thread_name_prefix

    def submit(self, fn, /, *args, **kwargs):
        if _sequential:
            # The sequential strategy: the call runs right here, before submit() returns, after
            # the initializer of the pool's one worker.
            if self._broken:
                raise BrokenThreadPool(self._broken)
            f = Future()
            if self._initializer is not None and not self._initialized:
                self._initialized = True
                try:
                    self._initializer(*self._initargs)
                except BaseException:
                    _initializer_raised()
                    self._broken = _THREAD_POOL_BROKEN
                    f.set_exception(BrokenThreadPool(self._broken))
                    return f
            _WorkItem(f, fn, args, kwargs).run()
            return f
        if _subinterpreters:
            return self._interpreters().submit(fn, *args, **kwargs)
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _interpreters(self):
        if getattr(self, '_pool', None) is None:
            self._pool = _ChannelPool(self._max_workers, lambda i, target, args: threading.Thread(
                name='%s_%d' % (self._thread_name_prefix, i), target=target, args=args),
                self._initializer, self._initargs, _THREAD_POOL_BROKEN, BrokenThreadPool)
        return self._pool

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            t = threading.Thread(name='%s_%d' % (self._thread_name_prefix, num_threads),
                                 target=_worker, args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.append(t)
            _threads_queues.append((_gil_lab.pid(), t, self._work_queue))

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = _THREAD_POOL_BROKEN
            # The calls not yet started fail: no worker will run them.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        if getattr(self, '_pool', None) is not None:
            self._pool.shutdown(wait)
            return
        with self._shutdown_lock:
            self._shutdown = True
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


_THREAD_POOL_BROKEN = 'A thread initializer failed, the thread pool is not usable anymore'
_PROCESS_POOL_BROKEN = 'A child process terminated abruptly, the process pool is not usable anymore'


def _process_worker(tasks, results, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _initializer_raised()
            # The worker ends: the pool, told so, is broken.
            _gil_lab.channel_put(results, (-1, False, None))
            return
    while True:
        task = _gil_lab.channel_get(tasks)
        if task is None:
            _gil_lab.channel_put(tasks, None)
            return
        n, fn, args, kwargs = task
        try:
            r = (n, True, fn(*args, **kwargs))
        except BaseException as e:
            r = (n, False, e)
        _gil_lab.channel_put(results, r)


class _ChannelPool:
    """Workers that get calls from a channel and send results back on another: the processes of a
    ProcessPoolExecutor, or the interpreter threads of a pool under subinterpreters."""

    def __init__(self, max_workers, make_worker, initializer, initargs, broken_message, broken_type):
        self._max_workers = max_workers
        self._make_worker = make_worker
        self._initializer = initializer
        self._initargs = initargs
        self._broken_message = broken_message
        self._broken_type = broken_type
        self._broken = False
        self._tasks = _gil_lab.channel()
        self._results = _gil_lab.channel()
        self._workers = []
        self._futures = {}
        self._submitted = 0
        self._shutdown = False
        self._lock = threading.Lock()
        self._collector = None

    def submit(self, fn, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise self._broken_type(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            n = self._submitted
            self._submitted += 1
            self._futures[n] = f
            if not self._workers:
                for i in range(self._max_workers):
                    w = self._make_worker(i, _process_worker, (self._tasks, self._results, self._initializer, self._initargs))
                    w.start()
                    self._workers.append(w)
                self._collector = threading.Thread(target=self._collect, daemon=True)
                self._collector._same_interpreter = True
                self._collector.start()
                _channel_pools.append((_gil_lab.pid(), self))
            f.set_running_or_notify_cancel()
            _gil_lab.channel_put(self._tasks, (n, fn, args, kwargs))
            return f

    def _collect(self):
        while True:
            r = _gil_lab.channel_get(self._results)
            if r is None:
                return
            n, ok, value = r
            if n < 0:
                self._break()
                continue
            f = self._futures.pop(n, None)
            if f is None:
                continue  # a call of a pool already broken
            if ok:
                f.set_result(value)
            else:
                f.set_exception(value)

    def _break(self):
        # A worker's initializer raised: as CPython's, the pool takes no more calls, and the calls
        # not yet finished fail.
        with self._lock:
            if self._broken:
                return
            self._broken = self._broken_message
            pending = list(self._futures.values())
            self._futures.clear()
        if self._broken_type is BrokenProcessPool:
            e = BrokenProcessPool('A process in the process pool was terminated abruptly while the future was running or pending.')
            for w in self._workers:
                w.terminate()
        else:
            e = BrokenThreadPool(self._broken)
        for f in pending:
            f.set_exception(e)

    def shutdown(self, wait=True):
        with self._lock:
            if self._shutdown:
                return
            self._shutdown = True
        if not self._workers:
            return
        _gil_lab.channel_put(self._tasks, None)
        if wait:
            for w in self._workers:
                w.join()
            _gil_lab.channel_put(self._results, None)
            self._collector.join()


class ProcessPoolExecutor(Executor):
    """Runs calls in a pool of processes (one GIL each)."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=()):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        self._broken = False
        self._max_workers = max_workers
        self._pool = None

    def submit(self, fn, /, *args, **kwargs):
        if _sequential:
            # As the fork start method does, the first call starts every worker: each one's
            # initializer runs (here) before it.
            if self._broken:
                raise BrokenProcessPool(self._broken)
            f = Future()
            if self._initializer is not None and self._pool is None:
                self._pool = ()
                for i in range(self._max_workers):
                    try:
                        self._initializer(*self._initargs)
                    except BaseException:
                        _initializer_raised()
                        self._broken = _PROCESS_POOL_BROKEN
                if self._broken:
                    f.set_exception(BrokenProcessPool('A process in the process pool was terminated abruptly while the future was running or pending.'))
                    return f
            _WorkItem(f, fn, args, kwargs).run()
            return f
        if self._pool is None:
            import multiprocessing
            self._pool = _ChannelPool(self._max_workers, lambda i, target, args: multiprocessing.Process(
                target=target, args=args, name='ForkProcess-%d' % multiprocessing._next_process_number()),
                self._initializer, self._initargs, _PROCESS_POOL_BROKEN, BrokenProcessPool)
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        if self._pool:
            self._pool.shutdown(wait)
