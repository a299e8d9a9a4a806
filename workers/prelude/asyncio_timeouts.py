"""asyncio.timeout() and timeout_at(): an async context manager that cancels the task running its
body once the deadline passes and turns that cancellation into TimeoutError as the body exits
(CPython 3.11's asyncio/timeouts.py). Under the sequential strategy the body has already run to
its end when it exits: the timeout shows only in how long it took, as in wait_for."""
from asyncio import events
from asyncio.exceptions import CancelledError
from asyncio.futures import _sequential
from asyncio.tasks import current_task

__name__ = 'asyncio'
__all__ = ('Timeout', 'timeout', 'timeout_at')

_CREATED = 'created'
_ENTERED = 'active'
_EXPIRING = 'expiring'
_EXPIRED = 'expired'
_EXITED = 'finished'


class Timeout:
    """The deadline of an `async with asyncio.timeout(...)` block, in the loop's time (None: none)."""

    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != _ENTERED:
            raise RuntimeError('Cannot reschedule an unentered or already expired timeout' if self._state == _CREATED
                               else 'Cannot reschedule expired timeout')
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if when is not None and not _sequential:
            loop = events.get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in (_EXPIRING, _EXPIRED)

    def __repr__(self):
        info = ['']
        if self._state == _ENTERED:
            info.append('when=%s' % (round(self._when, 3) if self._when is not None else None))
        return '<Timeout [%s]%s>' % (self._state, ' '.join(info))

    async def __aenter__(self):
        self._state = _ENTERED
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if _sequential and self._state == _ENTERED and self._when is not None \
                and events.get_running_loop().time() > self._when:
            self._state = _EXPIRED
            raise TimeoutError
        if self._state == _EXPIRING:
            self._state = _EXPIRED
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                # No cancellation was asked for since the block began but ours: it is ours to handle.
                raise TimeoutError from exc_val
        elif self._state == _ENTERED:
            self._state = _EXITED
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """An async context manager that cancels its body after `delay` seconds (None: never), raising TimeoutError."""
    loop = events.get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """As timeout(), with a deadline in the loop's time (loop.time())."""
    return Timeout(when)
