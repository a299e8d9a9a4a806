"""asyncio.run(): a coroutine on a new event loop, to its end (CPython's asyncio/runners.py)."""
from asyncio import events
from asyncio.tasks import _LoopTask, all_tasks, gather, iscoroutine


def run(main, *, debug=None):
    """Runs the coroutine as a task on a new event loop until it returns; then cancels the tasks
    it left and shuts the loop down, as CPython's Runner does."""
    if events._get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError('a coroutine was expected, got %r' % (main,))
    loop = events.new_event_loop()
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
            # Each shutdown step is a task, as in CPython: a second asyncio.run's main is Task-5.
            loop.run_until_complete(_LoopTask(loop.shutdown_asyncgens(), loop=loop))
            loop.run_until_complete(_LoopTask(loop.shutdown_default_executor(), loop=loop))
        finally:
            loop.close()


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
