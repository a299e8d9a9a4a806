"""asyncio: one thread running an event loop; coroutines run as tasks on it. CPython's design
(futures, tasks stepping coroutines, a loop of ready callbacks and timers), pared down. Each
task has a lane of its own on the timeline: running while the loop steps it, waiting while it
is ready but the loop is busy, io while it awaits a sleep, blocked while it awaits anything else."""
import time as _time
import _gil_lab

__all__ = ['CancelledError', 'TimeoutError', 'InvalidStateError', 'Future', 'Task', 'Event', 'Lock',
           'Semaphore', 'Queue', 'QueueEmpty', 'QueueFull', 'run', 'sleep', 'gather', 'create_task',
           'ensure_future', 'wait_for', 'wait', 'as_completed', 'get_event_loop', 'get_running_loop',
           'new_event_loop', 'current_task', 'all_tasks', 'iscoroutine', 'FIRST_COMPLETED',
           'FIRST_EXCEPTION', 'ALL_COMPLETED']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_sequential = _gil_lab.mode() == 'sequential'


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Future:
    """A result that will exist later; awaiting it suspends the awaiting task until then."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._sleep = False

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, self._state.lower())

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for callback in callbacks:
            if _sequential:
                callback(self)  # no loop runs: the outcome is known now
            else:
                self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not ready.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def add_done_callback(self, fn):
        if self._state != _PENDING:
            if _sequential:
                fn(self)
            else:
                self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        n = len(self._callbacks)
        self._callbacks = [f for f in self._callbacks if f != fn]
        return n - len(self._callbacks)

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('%s: %r' % (self._state, self))
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('%s: %r' % (self._state, self))
        if isinstance(exception, type):
            exception = exception()
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        return self.result()

    __iter__ = __await__


_task_counter = 0
_all_tasks = []


class Task(Future):
    """A coroutine running on the loop: each step runs it to its next await."""

    def __init__(self, coro, *, loop=None, name=None):
        global _task_counter
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError('a coroutine was expected, got %r' % (coro,))
        _task_counter += 1
        self._name = str(name) if name is not None else 'Task-%d' % _task_counter
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._lane = _gil_lab.task_lane(self._name)
        _all_tasks.append(self)
        self._loop._ready_task(self)
        self._loop.call_soon(self._step)

    def __repr__(self):
        return '<Task %s name=%r coro=%r>' % (self._state.lower(), self._name, self._coro)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self.done():
            return False
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel():
                return True
        self._must_cancel = True
        return True

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            exc = CancelledError()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        previous = loop._current
        loop._current = self
        _gil_lab.task_state(self._lane, 'running')
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            Future.set_result(self, e.value)
        except CancelledError:
            Future.cancel(self)
        except BaseException as e:
            Future.set_exception(self, e)
        else:
            if isinstance(result, Future):
                result._asyncio_future_blocking = False
                self._fut_waiter = result
                result.add_done_callback(self._wakeup)
                _gil_lab.task_state(self._lane, 'io' if result._sleep else 'blocked')
                if self._must_cancel:
                    if self._fut_waiter.cancel():
                        self._must_cancel = False
            elif result is None:
                loop._ready_task(self)
                loop.call_soon(self._step)
            else:
                loop.call_soon(self._step, RuntimeError('Task got bad yield: %r' % (result,)))
        finally:
            loop._current = previous
            if self.done():
                _gil_lab.task_state(self._lane, 'done')

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


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
            return _done_future(coro)
        return Task(coro, loop=self, name=name)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def run_until_complete(self, future):
        global _running_loop
        future = ensure_future(future, loop=self)
        previous = _running_loop
        _running_loop = self
        self._running = True
        try:
            while not future.done():
                self._run_once()
        finally:
            self._running = False
            _running_loop = previous
        return future.result()

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


_running_loop = None
_default_loop = None


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError('no running event loop')
    return _running_loop


def get_event_loop():
    global _default_loop
    if _running_loop is not None:
        return _running_loop
    if _default_loop is None:
        _default_loop = _EventLoop()
    return _default_loop


def new_event_loop():
    return _EventLoop()


def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return loop._current


def all_tasks(loop=None):
    return set(t for t in _all_tasks if not t.done())


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


async def sleep(delay, result=None):
    """Suspends the task for `delay` seconds: the loop runs others meanwhile."""
    loop = get_running_loop()
    future = loop.create_future()
    future._sleep = True
    future._delay = delay
    future._sleep_result = result
    if _sequential:
        return await future
    handle = loop.call_later(max(0, delay), _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


def gather(*coros_or_futures, return_exceptions=False):
    """Runs the awaitables together; the result is the list of their results, in order."""
    loop = get_event_loop()
    outer = loop.create_future()
    children = [ensure_future(c, loop=loop) for c in coros_or_futures]
    n = len(children)
    if n == 0:
        outer.set_result([])
        return outer
    state = {'done': 0}

    def done_callback(fut):
        state['done'] += 1
        if outer.done():
            return
        if not return_exceptions and not fut.cancelled() and fut.exception() is not None:
            outer.set_exception(fut.exception())
            return
        if state['done'] == n:
            results = []
            for f in children:
                if f.cancelled():
                    results.append(CancelledError())
                elif f.exception() is not None:
                    results.append(f.exception())
                else:
                    results.append(f.result())
            outer.set_result(results)

    for child in children:
        child.add_done_callback(done_callback)
    return outer


async def wait_for(aw, timeout):
    """Waits for one awaitable, cancelling it after `timeout` seconds."""
    loop = get_running_loop()
    inner = ensure_future(aw, loop=loop)
    if timeout is None:
        return await inner
    waiter = loop.create_future()
    handle = loop.call_later(timeout, _set_result_unless_cancelled, waiter, None)
    inner.add_done_callback(lambda f: _set_result_unless_cancelled(waiter, None))
    try:
        await waiter
    finally:
        handle.cancel()
    if inner.done():
        return inner.result()
    inner.cancel()
    raise TimeoutError()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    loop = get_running_loop()
    fs = set(ensure_future(f, loop=loop) for f in fs)
    waiter = loop.create_future()

    def check(f=None):
        done = [f for f in fs if f.done()]
        if waiter.done():
            return
        if return_when == FIRST_COMPLETED and done:
            waiter.set_result(None)
        elif return_when == FIRST_EXCEPTION and any(not f.cancelled() and f.exception() for f in done):
            waiter.set_result(None)
        elif len(done) == len(fs):
            waiter.set_result(None)

    for f in fs:
        f.add_done_callback(check)
    check()
    handle = loop.call_later(timeout, _set_result_unless_cancelled, waiter, None) if timeout is not None else None
    await waiter
    if handle is not None:
        handle.cancel()
    done = set(f for f in fs if f.done())
    return done, fs - done


def as_completed(fs, *, timeout=None):
    """Yields awaitables in the order the futures finish."""
    loop = get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in fs]
    finished = []

    def on_done(f):
        finished.append(f)

    for f in todo:
        f.add_done_callback(on_done)

    async def next_done():
        while not finished:
            await sleep(0)
        return finished.pop(0).result()

    for _ in range(len(todo)):
        yield next_done()


class Event:
    def __init__(self):
        self._waiters = []
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class _ContextManagerMixin:
    # As in CPython's asyncio/locks.py: `async with lock:` acquires and releases.
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _wake_up_first(waiters):
    for fut in waiters:
        if not fut.done():
            fut.set_result(True)
            break


class Lock(_ContextManagerMixin):
    def __init__(self):
        self._locked = False
        self._waiters = []

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and not self._waiters:
            self._locked = True
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
        finally:
            self._waiters.remove(fut)
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        _wake_up_first(self._waiters)


class Semaphore(_ContextManagerMixin):
    def __init__(self, value=1):
        self._value = value
        self._waiters = []

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        _wake_up_first(self._waiters)


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._items = []
        self._getters = []

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def put_nowait(self, item):
        if 0 < self._maxsize <= len(self._items):
            raise QueueFull
        self._items.append(item)
        for fut in self._getters:
            if not fut.done():
                fut.set_result(None)
                break

    async def put(self, item):
        while 0 < self._maxsize <= len(self._items):
            await sleep(0)
        self.put_nowait(item)

    def get_nowait(self):
        if not self._items:
            raise QueueEmpty
        return self._items.pop(0)

    async def get(self):
        while not self._items:
            fut = get_running_loop().create_future()
            self._getters.append(fut)
            try:
                await fut
            finally:
                self._getters.remove(fut)
        return self._items.pop(0)

    def task_done(self):
        pass

    async def join(self):
        while self._items:
            await sleep(0)


def _run_now(coro):
    """The sequential strategy: runs a coroutine to its end right here, sleeping where it awaits a sleep."""
    value = None
    error = None
    while True:
        try:
            awaited = coro.send(value) if error is None else coro.throw(error)
        except StopIteration as e:
            return e.value
        value = None
        error = None
        if isinstance(awaited, Future):
            if awaited._sleep and not awaited.done():
                _time.sleep(awaited._delay)
                awaited.set_result(awaited._sleep_result)
            if not awaited.done():
                error = RuntimeError('sequential: the coroutine awaits something only another task could finish')
                continue
            try:
                value = awaited.result()
            except BaseException as e:
                error = e


def _done_future(coro):
    """A future that already holds the coroutine's outcome (the sequential strategy's tasks)."""
    f = Future(loop=get_event_loop())
    try:
        f.set_result(_run_now(coro))
    except BaseException as e:
        f.set_exception(e)
    return f


def run(main, *, debug=None):
    """Runs the coroutine on a new event loop until it returns; then cancels the tasks it left."""
    global _task_counter, _running_loop
    if _sequential:
        _running_loop = get_event_loop()
        try:
            return _run_now(main)
        finally:
            _running_loop = None
    if _running_loop is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError('a coroutine was expected, got %r' % (main,))
    loop = new_event_loop()
    try:
        return loop.run_until_complete(main)
    finally:
        pending = [t for t in _all_tasks if not t.done()]
        for t in pending:
            t.cancel()
        if pending:
            loop.run_until_complete(_gather_all(pending))
        loop.close()


async def _gather_all(tasks):
    await gather(*tasks, return_exceptions=True)
