"""asyncio's synchronization primitives: Event, Lock and Semaphore, for tasks of one loop (CPython's
asyncio/locks.py). A task that must wait awaits a future of its own, which whoever frees the way
completes."""
from asyncio.events import get_running_loop

__name__ = 'asyncio'


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


class Semaphore(_ContextManagerMixin):
    def __init__(self, value=1):
        self._value = value
        self._waiters = []

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
