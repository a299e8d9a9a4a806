"""The tracer's wrappers of blocking calls (a 'b' event when one begins, an 'e' when it ends),
of print (a print event), and the patches of the modules whose calls block: queue, socket,
select, selectors, multiprocessing's queues and connections."""
import builtins
import os
import sys
import threading

from . import events as _ev
from .events import _clip, _emit, _line, _local, _perf, _thread_name


def _blocking(func, state, call, forever=None):
    """func, marked as a blocking call: state 'io' or 'blocked'. Nested calls emit nothing.
    `forever(*args, **kwargs)` tells a wait with no timeout (1 in the event: a deadlock is all
    threads in one)."""

    def wrapper(*args, **kwargs):
        depth = getattr(_local, "depth", 0)
        if depth:
            return func(*args, **kwargs)
        _local.depth = 1
        _emit("b", _perf(), _thread_name(), _line(), state, call, 1 if forever is not None and forever(*args, **kwargs) else 0)
        try:
            return func(*args, **kwargs)
        finally:
            _local.depth = 0
            _emit("e", _perf(), _thread_name(), _line())

    wrapper.__name__ = getattr(func, "__name__", call)
    wrapper.__qualname__ = getattr(func, "__qualname__", call)
    wrapper.__doc__ = getattr(func, "__doc__", None)
    wrapper.__wrapped__ = func
    return wrapper


def _wrap_method(cls, name, state, call, fast=None, forever=None):
    """Wraps cls.name; `fast(orig, *args, **kwargs)` may answer without blocking (returns a pair
    (done, value)), so uncontended calls emit nothing."""
    orig = cls.__dict__.get(name) or getattr(cls, name)
    slow = _blocking(orig, state, call, forever)
    if fast is None:
        setattr(cls, name, slow)
        return

    def method(*args, **kwargs):
        done, value = fast(orig, *args, **kwargs)
        return value if done else slow(*args, **kwargs)

    method.__name__ = slow.__name__
    method.__qualname__ = slow.__qualname__
    method.__doc__ = slow.__doc__
    method.__wrapped__ = orig
    setattr(cls, name, method)


class _TracedLock(object):
    """threading.Lock()/RLock(): an uncontended acquire stays one C call; a contended one is a
    'blocked' call."""

    __slots__ = ("_inner", "_call")

    def __init__(self, inner, call):
        self._inner = inner
        self._call = call

    def acquire(self, blocking=True, timeout=-1):
        inner = self._inner
        if inner.acquire(False):
            return True
        if not blocking:
            return False
        if getattr(_local, "depth", 0):
            return inner.acquire(True, timeout)
        _local.depth = 1
        _emit("b", _perf(), _thread_name(), _line(), "blocked", self._call, 1 if timeout < 0 else 0)
        try:
            return inner.acquire(True, timeout)
        finally:
            _local.depth = 0
            _emit("e", _perf(), _thread_name(), _line())

    __enter__ = acquire

    def __exit__(self, *exc):
        self._inner.release()

    def release(self):
        self._inner.release()

    def locked(self):
        return self._inner.locked()

    def __getattr__(self, name):  # _is_owned, _release_save, _at_fork_reinit... as the C lock has them
        return getattr(self._inner, name)

    def __repr__(self):
        return repr(self._inner)


# Which calls wait with no timeout (the arguments as the wrapped method takes them).


def _no_timeout(self, timeout=None, *rest, **kwargs):
    """Condition.wait, Event.wait, Barrier.wait, Thread.join, Process.join."""
    return timeout is None


def _blocks_with_no_timeout(self, block=True, timeout=None, *rest, **kwargs):
    """queue.get and Semaphore.acquire (whose flag is called blocking)."""
    return bool(kwargs.get("blocking", block)) and timeout is None


def _put_with_no_timeout(self, item, block=True, timeout=None, *rest, **kwargs):
    return bool(block) and timeout is None


def _always(*args, **kwargs):
    """A Connection's recv: it has no timeout."""
    return True


def _try_nonblocking(orig, self, block=True, timeout=None, *rest):
    """queue.get/put and Semaphore.acquire: try once without blocking first."""
    if not block:
        return True, orig(self, False, *rest)
    try:
        value = orig(self, False, *rest)
    except Exception as error:  # queue.Empty / queue.Full
        if type(error).__name__ in ("Empty", "Full"):
            return False, None
        raise
    if value is False:  # Semaphore.acquire(False) could not
        return False, None
    return True, value


def _queue_put_fast(orig, self, item, block=True, timeout=None):
    try:
        return True, orig(self, item, False)
    except Exception as error:
        if block and type(error).__name__ == "Full":
            return False, None
        raise


def _event_wait_fast(orig, self, timeout=None):
    return (True, True) if self.is_set() else (False, None)


def _join_fast(orig, self, timeout=None):
    if getattr(self, "_gil_lab_inline", False):
        return True, None
    if isinstance(self, threading.Thread) and self._started.is_set() and not self.is_alive():
        return True, orig(self, timeout)
    return False, None


def _select_fast(orig, self, timeout=None):
    if timeout is not None and timeout <= 0:
        return True, orig(self, timeout)
    return False, None


# ---------------------------------------------------------------- print


_orig_print = builtins.print
_print_lock = threading._CRLock() if threading._CRLock is not None else threading._PyRLock()


def _print(*args, sep=" ", end="\n", file=None, flush=False):
    target = sys.stdout if file is None else file
    if target is None or (target is not sys.stdout and target is not sys.stderr):
        return _orig_print(*args, sep=sep, end=end, file=file, flush=flush)
    try:
        # What print writes, its end included (the app's console joins writes into lines).
        text = (" " if sep is None else sep).join([str(a) for a in args]) + ("\n" if end is None else end)
    except Exception:
        text = None  # CPython's own print below raises as it would (or writes what it can)
    # The text goes to the stream in one write: CPython's print writes each argument, separator
    # and end apart, so under PYTHONUNBUFFERED two processes sharing the pipe (spawned children)
    # could interleave their prints. The lock makes the order of the events' times the order of
    # the text in the stream (a GIL switch between taking the time and writing could otherwise
    # swap two threads' prints).
    with _print_lock:
        t = _perf()
        if text is None:
            _orig_print(*args, sep=sep, end=end, file=file, flush=flush)
        else:
            target.write(text)
            if flush:
                target.flush()
    _emit("print", t, _thread_name(), _line(), _clip("?" if text is None else text), "stdout" if target is sys.stdout else "stderr")


_print.__doc__ = _orig_print.__doc__


# ---------------------------------------------------------------- other modules


def _patch_queue(module):
    _wrap_method(module.Queue, "get", "blocked", "queue.Queue.get", _try_nonblocking, _blocks_with_no_timeout)
    _wrap_method(module.Queue, "put", "blocked", "queue.Queue.put", _queue_put_fast, _put_with_no_timeout)


def _patch_multiprocessing_queues(module):
    _wrap_method(module.Queue, "get", "blocked", "multiprocessing.Queue.get", _try_nonblocking, _blocks_with_no_timeout)


def _patch_multiprocessing_synchronize(module):
    """multiprocessing's Lock, RLock, Semaphore (and the Condition and Event made of them): their
    acquire is the C semaphore's, set on each object, so each object gets a traced one."""
    SemLock = module.SemLock
    make_methods = SemLock._make_methods

    def _make_methods(self):
        make_methods(self)
        self.acquire = _traced_acquire(self._semlock.acquire, type(self).__name__ + ".acquire")

    SemLock._make_methods = _make_methods
    SemLock.__enter__ = lambda self: self.acquire()


def _traced_acquire(acquire, call):
    """A semaphore's acquire(block=True, timeout=None): uncontended, one C call; contended, a 'blocked' call."""

    def traced(block=True, timeout=None):
        if acquire(False):
            return True
        if not block:
            return False
        if getattr(_local, "depth", 0):
            return acquire(True, timeout)
        _local.depth = 1
        _emit("b", _perf(), _thread_name(), _line(), "blocked", call, 1 if timeout is None else 0)
        try:
            return acquire(True, timeout)
        finally:
            _local.depth = 0
            _emit("e", _perf(), _thread_name(), _line())

    return traced


def _patch_multiprocessing_connection(module):
    for name in ("recv", "recv_bytes", "recv_bytes_into"):
        _wrap_method(module._ConnectionBase, name, "io", "Connection." + name, forever=_always)


def _patch_socket(module):
    for name in ("recv", "recv_into", "recvfrom", "recvfrom_into", "send", "sendall", "sendto", "accept", "connect"):
        _wrap_method(module.socket, name, "io", "socket." + name)
    original = module.create_connection

    def create_connection(address, *args, **kwargs):
        if isinstance(address, tuple) and address and address[0] == ECHO_HOST:
            return _echo_peer(module)
        return original(address, *args, **kwargs)

    module.create_connection = create_connection


# The app's programs talk to an echo peer by this name (GIL Lab's socket stand-in, workers/modules/socket.ts).
ECHO_HOST = "echo.gil-lab"


def _echo_peer(socket):
    """An echo peer in a process of its own (no GIL shared with the program), as Beazley's echo
    server was: what the program sends comes back. The process is silent: it reports no events."""
    mine, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        _ev.quiet = True
        try:
            mine.close()
            fd = theirs.fileno()
            while True:
                data = os.read(fd, 65536)
                if not data:
                    break
                os.write(fd, data)
        finally:
            os._exit(0)
    theirs.close()
    return mine


def _patch_select(module):
    module.select = _blocking(module.select, "io", "select.select")


def _patch_selectors(module):
    for cls in list(vars(module).values()):
        if isinstance(cls, type) and issubclass(cls, module.BaseSelector) and cls is not module.BaseSelector:
            if "select" in cls.__dict__:
                _wrap_method(cls, "select", "io", "selector.select", _select_fast)

