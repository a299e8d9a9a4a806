"""asyncio.run() and asyncio.Runner: coroutines on a new event loop, each to its end (CPython
3.11's asyncio/runners.py, without signals and contexts)."""
from asyncio import events
from asyncio.tasks import _LoopTask, all_tasks, gather, iscoroutine

_CREATED = 'created'
_INITIALIZED = 'initialized'
_CLOSED = 'closed'


class Runner:
    """A loop of its own for run() calls, one after another; close() (or the with block's end)
    cancels the tasks they left and shuts the loop down."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != _INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            # Each shutdown step is a task, as in CPython: a second asyncio.run's main is Task-5.
            loop.run_until_complete(_LoopTask(loop.shutdown_asyncgens(), loop=loop))
            loop.run_until_complete(_LoopTask(loop.shutdown_default_executor(), loop=loop))
        finally:
            loop.close()
            self._loop = None
            self._state = _CLOSED

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError('a coroutine was expected, got %r' % (coro,))
        if events._get_running_loop() is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._lazy_init()
        # The loop makes the task once it runs: the sequential strategy's task runs as it is made.
        return self._loop.run_until_complete(coro)

    def _lazy_init(self):
        if self._state == _CLOSED:
            raise RuntimeError('Runner is closed')
        if self._state == _INITIALIZED:
            return
        self._loop = events.new_event_loop() if self._loop_factory is None else self._loop_factory()
        self._state = _INITIALIZED


def run(main, *, debug=None):
    """Runs the coroutine as a task on a new event loop until it returns; then cancels the tasks
    it left and shuts the loop down."""
    if events._get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
