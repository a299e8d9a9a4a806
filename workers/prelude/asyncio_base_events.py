"""asyncio's event loop (CPython's asyncio/base_events.py, pared down): it runs ready callbacks
in order; when none is ready, its thread waits (as I/O, CPython's select()) until the next timer
or until another thread hands it a callback (call_soon_threadsafe: an executor's result)."""
import time as _time
import _gil_lab
import concurrent.futures  # as CPython's does: the default executor's threads need its code from the start
from asyncio.events import _get_running_loop, _set_running_loop
from asyncio.futures import Future, _sequential, wrap_future
from asyncio.tasks import Task, ensure_future, _FinishedTask

__name__ = 'asyncio'


class _TimerHandle:
    def __init__(self, when, callback, args):
        self.when = when
        self.callback = callback
        self.args = args
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled


class _EventLoop:
    """The loop: runs ready callbacks in order; when none is ready, sleeps until the next timer."""

    def __init__(self):
        self._ready = []
        self._timers = []
        self._current = None
        self._running = False
        self._closed = False
        # Callbacks other threads hand over, and the lock they release to wake the loop (CPython's
        # self-pipe).
        self._threadsafe = []
        self._threadsafe_lock = _gil_lab.allocate_lock()
        self._wakeup = _gil_lab.allocate_lock()
        self._wakeup.acquire()
        self._default_executor = None

    def time(self):
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        handle = _TimerHandle(None, callback, args)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        handle = _TimerHandle(None, callback, args)
        with self._threadsafe_lock:
            self._threadsafe.append(handle)
        if self._wakeup.locked():
            try:
                self._wakeup.release()
            except RuntimeError:
                pass  # another thread woke it first
        return handle

    def run_in_executor(self, executor, func, *args):
        if executor is None:
            if self._default_executor is None:
                self._default_executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
            executor = self._default_executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        handle = _TimerHandle(when, callback, args)
        i = len(self._timers)
        while i > 0 and self._timers[i - 1].when > when:
            i -= 1
        self._timers.insert(i, handle)
        return handle

    def _ready_task(self, task):
        _gil_lab.task_state(task._lane, 'waiting')

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        if _sequential:
            return _FinishedTask(coro, loop=self, name=name)
        return Task(coro, loop=self, name=name)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def run_until_complete(self, future):
        previous = _get_running_loop()
        _set_running_loop(self)
        self._running = True
        try:
            # Under the running loop: the sequential strategy's task runs as it is made.
            future = ensure_future(future, loop=self)
            while not future.done():
                self._run_once()
        finally:
            self._running = False
            _set_running_loop(previous)
        return future.result()

    async def shutdown_asyncgens(self):
        """Closes the async generators left open: this loop runs none."""

    async def shutdown_default_executor(self):
        """Shuts down run_in_executor's pool, waiting for its threads."""
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=True)
            self._default_executor = None

    def _run_once(self):
        with self._threadsafe_lock:
            self._ready.extend(self._threadsafe)
            self._threadsafe = []
        now = self.time()
        while self._timers and self._timers[0].when <= now:
            handle = self._timers.pop(0)
            if not handle._cancelled:
                self._ready.append(handle)
        if not self._ready:
            # Nothing to run until the next timer or another thread's callback: the loop's thread
            # waits (the GIL is free); with neither in sight, for good, as CPython's does.
            _gil_lab.select(self._wakeup, max(0.0, self._timers[0].when - now) if self._timers else None)
            return
        ready = self._ready
        self._ready = []
        for handle in ready:
            if not handle._cancelled:
                handle.callback(*handle.args)
