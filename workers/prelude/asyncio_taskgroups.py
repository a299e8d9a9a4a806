"""asyncio.TaskGroup: an async context manager that waits for the tasks made in it; the first
one to fail cancels the others (and the body), and the failures come out together as an
ExceptionGroup (CPython 3.11's asyncio/taskgroups.py). Under the sequential strategy each task
has run to its end when create_task() returns: a failure cancels nothing, and the failures come
out together at the end of the block."""
from asyncio import events
from asyncio import exceptions
from asyncio import tasks
from asyncio.futures import _sequential

__all__ = ['TaskGroup']


class TaskGroup:
    """Asynchronous context manager for managing groups of tasks: all of them are awaited when
    it exits; any exception but CancelledError raised in one cancels the rest, and the
    exceptions are raised together as an ExceptionGroup."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True

        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        propagate_cancellation_error = exc if et is exceptions.CancelledError else None
        if self._parent_cancel_requested:
            # If this flag is set we *must* call uncancel().
            if self._parent_task.uncancel() == 0:
                # If there are no pending cancellations left, don't propagate CancelledError.
                propagate_cancellation_error = None

        if et is not None:
            if not self._aborting:
                # The parent task is being cancelled, or the body raised: cancel the tasks.
                self._abort()

        # A loop: the future can be cancelled more than once if the parent task is being
        # cancelled repeatedly (or once, when our own cancellation is already in progress).
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except exceptions.CancelledError as ex:
                if not self._aborting:
                    # The parent task is being cancelled while the tasks still run.
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        assert not self._tasks

        if self._base_error is not None:
            raise self._base_error

        # Propagate CancelledError if there is one, except if there are other errors -- those
        # have priority.
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error

        if et is not None and et is not exceptions.CancelledError:
            self._errors.append(exc)

        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        """Create a new task in this group and return it (as asyncio.create_task)."""
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        # Named as it is made (CPython names it just after), so its lane on the timeline has the name.
        task = self._loop.create_task(coro, name=name)
        # Added before its callback is: the sequential strategy's task is done already, and the
        # callback runs at once.
        self._tasks.add(task)
        task.add_done_callback(self._on_task_done)
        return task

    # Tasks propagate all exceptions correctly, except for KeyboardInterrupt and SystemExit,
    # which are still considered special.

    def _is_base_error(self, exc):
        assert isinstance(exc, BaseException)
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)

        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return

        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            # CPython reports this to the loop's exception handler; the loop here has none.
            return

        if not self._aborting and not self._parent_cancel_requested and not _sequential:
            # The parent task is not being cancelled: cancel it, to abort whatever the body of
            # the TaskGroup awaits now, and mark it "not cancelled" again in __aexit__.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
