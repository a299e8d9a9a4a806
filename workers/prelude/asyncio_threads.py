"""asyncio.to_thread (CPython's asyncio/threads.py): a blocking call run in the loop's default
executor, a thread pool, so the loop's other tasks go on meanwhile."""
from asyncio import events

__name__ = 'asyncio'


async def to_thread(func, *args, **kwargs):
    """Runs func(*args, **kwargs) in a thread of the loop's pool and awaits its result."""
    loop = events.get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))
