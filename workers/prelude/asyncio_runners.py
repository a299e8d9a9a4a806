"""asyncio.run(): a coroutine on a new event loop, to its end (CPython's asyncio/runners.py)."""
from asyncio import events
from asyncio.futures import _sequential
from asyncio.tasks import _all_tasks, _run_now, gather, iscoroutine


def run(main, *, debug=None):
    """Runs the coroutine on a new event loop until it returns; then cancels the tasks it left."""
    if _sequential:
        events._set_running_loop(events.get_event_loop())
        try:
            return _run_now(main)
        finally:
            events._set_running_loop(None)
    if events._get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError('a coroutine was expected, got %r' % (main,))
    loop = events.new_event_loop()
    try:
        return loop.run_until_complete(main)
    finally:
        pending = [t for t in _all_tasks if not t.done()]
        for t in pending:
            t.cancel()
        if pending:
            loop.run_until_complete(_gather_all(pending))
        loop.close()


async def _gather_all(tasks):
    await gather(*tasks, return_exceptions=True)
