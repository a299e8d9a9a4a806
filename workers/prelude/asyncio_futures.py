"""asyncio's Future: a result that will exist later (CPython's asyncio/futures.py)."""
import _gil_lab
from asyncio.events import get_event_loop
from asyncio.exceptions import CancelledError, InvalidStateError

__name__ = 'asyncio'
_sequential = _gil_lab.mode() == 'sequential'
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
        self._cancel_message = None
        self._cancelled_exc = None

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, self._state.lower())

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _make_cancelled_error(self):
        """The CancelledError to raise: the first time, the one that cancelled a task's coroutine."""
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

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
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not ready.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
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


def wrap_future(future, *, loop=None):
    """An asyncio Future that finishes as the concurrent.futures Future does (on the loop's thread)."""
    if isinstance(future, Future):
        return future
    loop = loop if loop is not None else get_event_loop()
    new = Future(loop=loop)

    def copy_state(done):
        if new.cancelled():
            return
        if done.cancelled():
            new.cancel()
        elif done.exception() is not None:
            new.set_exception(done.exception())
        else:
            new.set_result(done.result())

    if future.done():
        copy_state(future)
    else:
        future.add_done_callback(lambda done: loop.call_soon_threadsafe(copy_state, done))
    return new
