"""asyncio's Queue, for tasks of one loop (CPython's asyncio/queues.py, pared down)."""
from asyncio.locks import _wait_woken, _wake_up_first
from asyncio.tasks import sleep

__name__ = 'asyncio'


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


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
        _wake_up_first(self._getters)

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
            await _wait_woken(self._getters)
        return self._items.pop(0)

    def task_done(self):
        pass

    async def join(self):
        while self._items:
            await sleep(0)
