"""asyncio's running loop and default loop: what get_running_loop() and get_event_loop() answer
(CPython's asyncio/events.py). The loop itself is asyncio.base_events._EventLoop."""

_running_loop = None
_default_loop = None


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError('no running event loop')
    return _running_loop


def get_event_loop():
    global _default_loop
    if _running_loop is not None:
        return _running_loop
    if _default_loop is None:
        _default_loop = new_event_loop()
    return _default_loop


def new_event_loop():
    # Imported here, as CPython's events makes its loops through a policy it imports late: the
    # loop's module imports futures and tasks, which import this one.
    from asyncio.base_events import _EventLoop
    return _EventLoop()
