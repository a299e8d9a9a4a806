"""atexit: functions the interpreter calls at exit, last registered first, once the main thread and
every non-daemon thread have finished (as CPython's Py_Finalize does). The engine calls
_run_exitfuncs at the end of the main process; a forked child process ends as CPython's does,
with os._exit, and runs none."""

__all__ = ['register', 'unregister']

_exithandlers = []


class _Stderr:
    __gil_lab_stream__ = 'stderr'


def register(func, *args, **kwargs):
    """Register a function to be executed upon normal program termination."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Unregister an exit function which was previously registered using atexit.register."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    """Clear the list of previously registered exit functions."""
    del _exithandlers[:]


def _ncallbacks():
    """Return the number of registered exit functions."""
    return len(_exithandlers)


def _run_exitfuncs():
    """Run all registered exit functions, the last registered first; an exception in one is reported, not raised."""
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            import traceback
            print(f"Exception ignored in atexit callback: {func!r}", file=_Stderr())
            traceback.print_exception(e)
