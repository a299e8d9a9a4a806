"""asyncio's tasks: a coroutine stepped on the loop to each of its awaits, and what awaits them
(sleep, gather, wait_for, wait, as_completed), as in CPython's asyncio/tasks.py. Each task has a
lane of its own on the timeline: running while the loop steps it, waiting while it is ready but
the loop is busy, io while it awaits a sleep, blocked while it awaits anything else."""
import time as _time
import _gil_lab
from asyncio.events import get_event_loop, get_running_loop
from asyncio.exceptions import CancelledError
from asyncio.futures import Future, _sequential

__name__ = 'asyncio'
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_task_counter = 0
_all_tasks = []


def _task_name(name):
    """The name given, or 'Task-N': every task counts, named or not, as CPython's C Task does."""
    global _task_counter
    _task_counter += 1
    return str(name) if name is not None else 'Task-%d' % _task_counter


class Task(Future):
    """A coroutine running on the loop: each step runs it to its next await."""

    def __init__(self, coro, *, loop=None, name=None):
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError('a coroutine was expected, got %r' % (coro,))
        self._name = _task_name(name)
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._begin()

    def _begin(self):
        """Joins the loop: a lane of its own, and its first step scheduled."""
        self._lane = self._new_lane()
        _all_tasks.append(self)
        self._loop._ready_task(self)
        self._loop.call_soon(self._step)

    def _new_lane(self):
        return _gil_lab.task_lane(self._name)

    def __repr__(self):
        return '<Task %s name=%r coro=%r>' % (self._state.lower(), self._name, self._coro)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        """Asks the task to cancel itself: a CancelledError is thrown into its coroutine at its
        next step, which may catch it. Counts the request (cancelling(), uncancel())."""
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """The count of the task's cancellation requests not withdrawn by uncancel()."""
        return self._num_cancels_requested

    def uncancel(self):
        """Withdraws a cancellation request (by whoever made it); returns how many remain."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
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
        except CancelledError as e:
            self._cancelled_exc = e  # what awaiting the task raises
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
                    if self._fut_waiter.cancel(msg=self._cancel_message):
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


def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


def iscoroutinefunction(func):
    """Is func a coroutine function (async def), or a partial or method of one?"""
    while hasattr(func, 'func') and hasattr(func, 'args') and hasattr(func, 'keywords'):
        func = func.func  # functools.partial, as inspect unwraps it
    return _gil_lab.is_coroutine_function(func)


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
    if loop is None:
        loop = get_running_loop()
    return set(t for t in _all_tasks if t._loop is loop and not t.done())


def shield(arg):
    """Waits for a future (or coroutine), shielding it from cancellation: cancelling the task that
    awaits shield() cancels the outer future it returns, not the inner one (CPython's shield)."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner._loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def _release_waiter(waiter, *args):
    """Wakes wait_for's or wait()'s waiter, once: the timeout and the awaited outcome may both come."""
    if not waiter.done():
        waiter.set_result(None)


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
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    loop = None
    children = []
    for arg in coros_or_futures:
        child = ensure_future(arg, loop=loop)
        loop = child._loop  # the first child's loop, as in CPython: gather may run outside a loop
        children.append(child)
    outer = loop.create_future()
    n = len(children)
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
    started = _time.monotonic()
    inner = ensure_future(aw, loop=loop)
    if timeout is None:
        return await inner
    if _sequential:
        # The awaitable has already run to its end: the timeout shows only in how long it took.
        if _time.monotonic() - started > timeout:
            raise TimeoutError()
        return await inner
    waiter = loop.create_future()
    handle = loop.call_later(timeout, _release_waiter, waiter)
    inner.add_done_callback(lambda f: _release_waiter(waiter))
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
    handle = loop.call_later(timeout, _release_waiter, waiter) if timeout is not None else None
    await waiter
    if handle is not None:
        handle.cancel()
    done = set(f for f in fs if f.done())
    return done, fs - done


def as_completed(fs, *, timeout=None):
    """Yields awaitables in the order the futures finish; each waits for the next one to finish."""
    loop = get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in fs]
    finished = []
    waiter = [None]

    def on_done(f):
        finished.append(f)
        if waiter[0] is not None and not waiter[0].done():
            waiter[0].set_result(None)

    for f in todo:
        f.add_done_callback(on_done)

    async def next_done():
        if not finished:
            waiter[0] = loop.create_future()
            await (wait_for(waiter[0], timeout) if timeout is not None else waiter[0])
        return finished.pop(0).result()

    for _ in range(len(todo)):
        yield next_done()


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


class _LoopTask(Task):
    """A task the loop makes for itself (asyncio.run's shutdown steps): it takes a task number, as
    in CPython, but the program did not make it, so it has no lane on the timeline."""

    def _new_lane(self):
        return None


class _FinishedTask(Task):
    """The sequential strategy's task: its coroutine runs to its end as the task is made, as the
    current task (no loop steps it, so it has no lane of its own)."""

    def _begin(self):
        coro = self._coro
        previous = self._loop._current
        self._loop._current = self
        try:
            self.set_result(_run_now(coro))
        except BaseException as e:
            self.set_exception(e)
        finally:
            self._loop._current = previous
