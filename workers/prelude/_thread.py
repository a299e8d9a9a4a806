"""The low-level threading API, on GIL Lab's primitives."""
import _gil_lab

allocate_lock = _gil_lab.allocate_lock
LockType = _gil_lab.LockType
get_ident = _gil_lab.get_ident
get_native_id = _gil_lab.get_ident
TIMEOUT_MAX = _gil_lab.TIMEOUT_MAX
error = RuntimeError
_count_started = 0


def start_new_thread(function, args, kwargs=None):
    """Starts a thread running function(*args, **kwargs); returns its identifier."""
    global _count_started
    if kwargs is None:
        kwargs = {}
    _count_started += 1

    def bootstrap():
        try:
            function(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            _gil_lab.thread_exception(None, e)

    ident, lock = _gil_lab.start_thread(bootstrap, "Dummy-%d" % _count_started)
    return ident
