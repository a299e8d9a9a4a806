"""asyncio's synchronization primitives: Event, Lock, Condition, Semaphore and BoundedSemaphore, for tasks of one loop (CPython's
asyncio/locks.py). A task that must wait awaits a future of its own, which whoever frees the way
completes."""
from asyncio.events import get_running_loop
from asyncio.exceptions import CancelledError

__name__ = 'asyncio'


def _repr(lock, extra):
    """CPython's repr of its asyncio locks: the object's, with their state in brackets."""
    if lock._waiters:
        extra = '%s, waiters:%d' % (extra, len(lock._waiters))
    return '<asyncio.locks.%s object at %s [%s]>' % (type(lock).__qualname__, hex(id(lock)), extra)


async def _wait_woken(waiters):
    """Waits on a new future in `waiters` until something completes it; it leaves `waiters` either way."""
    fut = get_running_loop().create_future()
    waiters.append(fut)
    try:
        await fut
    finally:
        waiters.remove(fut)


def _wake_up_first(waiters):
    for fut in waiters:
        if not fut.done():
            fut.set_result(True)
            break


class Event:
    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        return _repr(self, 'set' if self._value else 'unset')

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
        await _wait_woken(self._waiters)
        return True


class _ContextManagerMixin:
    # As in CPython's asyncio/locks.py: `async with lock:` acquires and releases.
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    def __init__(self):
        self._locked = False
        self._waiters = []

    def __repr__(self):
        return _repr(self, 'locked' if self._locked else 'unlocked')

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and not self._waiters:
            self._locked = True
            return True
        await _wait_woken(self._waiters)
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        _wake_up_first(self._waiters)


class Condition(_ContextManagerMixin):
    """Lets tasks wait until another notifies them, holding a Lock around both (CPython's
    asyncio.Condition)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __repr__(self):
        return _repr(self, 'locked' if self.locked() else 'unlocked')

    async def wait(self):
        """Releases the lock, waits to be notified, and takes the lock again before returning."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            await _wait_woken(self._waiters)
            return True
        finally:
            # The lock is taken again even if the task is cancelled meanwhile.
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        """Waits until predicate() is true, and returns its value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._value = value
        self._waiters = []

    def __repr__(self):
        return _repr(self, 'locked' if self.locked() else 'unlocked, value:%d' % self._value)

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            await _wait_woken(self._waiters)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        _wake_up_first(self._waiters)


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released more times than it was acquired."""

    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)
