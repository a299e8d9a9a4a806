"""asyncio's event loop (CPython's asyncio/base_events.py, pared down): it runs ready callbacks
in order; when none is ready, its thread sleeps until the next timer."""
import time as _time
import _gil_lab
from asyncio.events import _get_running_loop, _set_running_loop
from asyncio.futures import Future, _sequential
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

    def time(self):
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        handle = _TimerHandle(None, callback, args)
        self._ready.append(handle)
        return handle

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
        """Shuts down run_in_executor's pool: this loop has none."""

    def _run_once(self):
        now = self.time()
        while self._timers and self._timers[0].when <= now:
            handle = self._timers.pop(0)
            if not handle._cancelled:
                self._ready.append(handle)
        if not self._ready:
            if not self._timers:
                raise RuntimeError('Event loop stopped before Future completed.')
            # Nothing to run until the next timer: the loop's thread sleeps (the GIL is free).
            _time.sleep(max(0.0, self._timers[0].when - now))
            return
        ready = self._ready
        self._ready = []
        for handle in ready:
            if not handle._cancelled:
                handle.callback(*handle.args)
