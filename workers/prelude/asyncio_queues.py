"""asyncio's queues, for tasks of one loop (CPython's asyncio/queues.py): Queue, and PriorityQueue
and LifoQueue, which change only the order items leave in. A task that must wait (get on an empty
queue, put on a full one, join while tasks are unfinished) awaits a future of its own."""
import heapq
from asyncio.exceptions import CancelledError
from asyncio.locks import Event, _wait_woken, _wake_up_first

__name__ = 'asyncio'


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


class Queue:
    """A queue, useful for coordinating producer and consumer coroutines. maxsize <= 0: unbounded."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []

    def _get(self):
        return self._queue.pop(0)

    def _put(self, item):
        self._queue.append(item)

    def __repr__(self):
        return '<%s at %s %s>' % (type(self).__name__, hex(id(self)), self._format())

    def __str__(self):
        return '<%s %s>' % (type(self).__name__, self._format())

    def _format(self):
        result = 'maxsize=%r' % (self._maxsize,)
        if self._queue:
            result += ' _queue=%r' % (list(self._queue),)
        if self._getters:
            result += ' _getters[%d]' % len(self._getters)
        if self._putters:
            result += ' _putters[%d]' % len(self._putters)
        if self._unfinished_tasks:
            result += ' tasks=%d' % self._unfinished_tasks
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Puts an item into the queue; waits while it is full."""
        while self.full():
            try:
                await _wait_woken(self._putters)
            except CancelledError:
                if not self.full():
                    _wake_up_first(self._putters)  # the slot this task was woken for
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        _wake_up_first(self._getters)

    async def get(self):
        """Removes and returns an item from the queue; waits while it is empty."""
        while self.empty():
            try:
                await _wait_woken(self._getters)
            except CancelledError:
                if not self.empty():
                    _wake_up_first(self._getters)  # the item this task was woken for
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        _wake_up_first(self._putters)
        return item

    def task_done(self):
        """Tells the queue that a task taken from it is done: join() waits for every one."""
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Waits until every item put into the queue has been taken and marked task_done()."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """Retrieves entries in priority order (lowest first), kept as a heap as in CPython."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """Retrieves most recently added entries first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
