"""Thread module emulating a subset of Java's threading model: CPython's threading.py, pared
down to what GIL Lab runs, on GIL Lab's primitives (_gil_lab) instead of _thread. Its locks and
what is built on them (RLock, Condition, Semaphore, Event, Barrier) live in _threading_sync."""
import _gil_lab
from _threading_sync import RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier, BrokenBarrierError

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate', 'main_thread',
           'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError', 'get_native_id', 'local',
           'excepthook', 'ExceptHookArgs', 'setprofile', 'settrace', 'activeCount', 'currentThread']

_allocate_lock = _gil_lab.allocate_lock
get_ident = _gil_lab.get_ident
get_native_id = _gil_lab.get_ident
ThreadError = RuntimeError
TIMEOUT_MAX = _gil_lab.TIMEOUT_MAX
Lock = _allocate_lock
_sequential = _gil_lab.mode() == 'sequential'
_subinterpreters = _gil_lab.mode() == 'subinterpreters'


def setprofile(func):
    pass


def settrace(func):
    pass


_counter = 0


def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter


_active_limbo_lock = RLock()
_active = {}
_limbo = {}


class Thread:
    """A thread of control: run() in a new thread once start() is called."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        # GIL Lab's own helper threads (a pool's result collector) stay in the starting interpreter.
        self._same_interpreter = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        if _sequential:
            # The sequential strategy: start() runs the thread's work right here, to the end.
            self._started.set()
            try:
                self.run()
            except BaseException as e:
                excepthook(ExceptHookArgs((type(e), e, None, self)))
            self._is_stopped = True
            return
        if _subinterpreters and not self._same_interpreter:
            # The subinterpreters strategy: the target runs in an interpreter of its own, on a thread of its own.
            target = self._target if self._target is not None else self.run
            ident, lock = _gil_lab.start_interpreter_thread(target, self._args, self._kwargs, self._name)
            self._ident = ident
            self._tstate_lock = lock
            self._started.set()
            return
        with _active_limbo_lock:
            _limbo[self] = self
        ident, lock = _gil_lab.start_thread(self._bootstrap, self._name)
        self._tstate_lock = lock
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._ident = get_ident()
        self._started.set()
        with _active_limbo_lock:
            _active[self._ident] = self
            del _limbo[self]
        try:
            self.run()
        except BaseException as e:
            excepthook(ExceptHookArgs((type(e), e, None, self)))
        finally:
            with _active_limbo_lock:
                try:
                    del _active[get_ident()]
                except KeyError:
                    pass

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        lock = self._tstate_lock
        if lock is None:
            return
        if timeout is None:
            ok = lock.acquire()
        else:
            ok = lock.acquire(True, max(timeout, 0))
        if ok:
            lock.release()
            self._is_stopped = True

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if self._ident is not None:
            _gil_lab.rename_thread(self._ident, self._name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        lock = self._tstate_lock
        if lock is None:
            return not self._is_stopped
        if lock.acquire(False):
            lock.release()
            self._is_stopped = True
            return False
        return True

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _gil_lab.warn('isDaemon() is deprecated, get the daemon attribute instead', DeprecationWarning, 2)
        return self.daemon

    def setDaemon(self, daemonic):
        _gil_lab.warn('setDaemon() is deprecated, set the daemon attribute instead', DeprecationWarning, 2)
        self.daemon = daemonic

    def getName(self):
        _gil_lab.warn('getName() is deprecated, get the name attribute instead', DeprecationWarning, 2)
        return self.name

    def setName(self, name):
        _gil_lab.warn('setName() is deprecated, set the name attribute instead', DeprecationWarning, 2)
        self.name = name


class ExceptHookArgs:
    def __init__(self, args):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = args


def excepthook(args):
    """Prints an exception that ended a thread, as CPython's threading.excepthook does."""
    if args.exc_type == SystemExit:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    _gil_lab.thread_exception(name, args.exc_value)


__excepthook__ = excepthook  # the original, to restore after replacing threading.excepthook


class Timer(Thread):
    """Calls a function after a number of seconds, unless cancel()ed first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return not self._is_stopped


class _DummyThread(Thread):

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    _gil_lab.warn('currentThread() is deprecated, use current_thread() instead', DeprecationWarning, 2)
    return current_thread()


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    _gil_lab.warn('activeCount() is deprecated, use active_count() instead', DeprecationWarning, 2)
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    return _main_thread


class local:
    """Thread-local data: each thread sees its own attributes. As CPython's does, a subclass's
    __init__ runs again, with the arguments the object was made with, the first time another
    thread touches the object, so each thread starts from its own fresh attributes."""

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__args', (args, kw))
        # The thread that makes the object has its dict now: __init__ runs there as for any object.
        object.__setattr__(self, '_local__dicts', {get_ident(): {}})
        return self

    def _local__mine(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        me = get_ident()
        d = dicts.get(me)
        if d is None:
            d = dicts[me] = {}
            cls = type(self)
            if cls.__init__ is not object.__init__:
                args, kw = object.__getattribute__(self, '_local__args')
                cls.__init__(self, *args, **kw)
        return d

    @property
    def __dict__(self):
        return self._local__mine()

    def __getattr__(self, name):
        d = self._local__mine()
        if name in d:
            return d[name]
        kind = "'_thread._local'" if type(self) is local else "'%s'" % type(self).__name__
        raise AttributeError("%s object has no attribute '%s'" % (kind, name))

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % type(self).__name__)
        self._local__mine()[name] = value

    def __delattr__(self, name):
        d = self._local__mine()
        if name not in d:
            kind = "'_thread._local'" if type(self) is local else "'%s'" % type(self).__name__
            raise AttributeError("%s object has no attribute '%s'" % (kind, name))
        del d[name]


_main_thread = _MainThread()


def _after_fork():
    """In a forked child: the thread that forked is the child's only thread, and its main thread."""
    global _active_limbo_lock, _active, _limbo
    _active_limbo_lock = RLock()
    current = _main_thread
    current._ident = get_ident()
    current._is_stopped = False
    current._tstate_lock = None
    _active = {current._ident: current}
    _limbo = {}


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Calls func when the main thread has finished, before the other threads are joined (what
    concurrent.futures uses to end its idle workers)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Waits for every non-daemon thread, as the interpreter does before it exits."""
    global _SHUTTING_DOWN
    _main_thread._is_stopped = True
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    while True:
        with _active_limbo_lock:
            threads = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t.daemon and t is not _main_thread and not t._is_stopped]
        if not threads:
            return
        for t in threads:
            t.join()
