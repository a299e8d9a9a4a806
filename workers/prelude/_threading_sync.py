"""threading's locks and what is built on them: RLock, Condition, Semaphore, BoundedSemaphore,
Event and Barrier. CPython defines them in threading.py; here threading imports them from this
private module, and they name threading as their module (as _collections_abc names itself
collections.abc), so reprs and tracebacks say threading.Event as CPython's do."""
import _gil_lab
from time import monotonic as _time

__name__ = 'threading'
_allocate_lock = _gil_lab.allocate_lock
get_ident = _gil_lab.get_ident
Lock = _allocate_lock

class RLock:
    """A reentrant lock: the thread that holds it may acquire it again."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d>" % (
            "locked" if self._block.locked() else "unlocked", self.__class__.__module__,
            self.__class__.__qualname__, owner, self._count)

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()


class Condition:
    """Lets threads wait until another thread notifies them."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()

    def _acquire_restore(self, x):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(x)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if isinstance(self._lock, RLock):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    """A counter of permits: acquire() waits while there are none."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released more often than acquired."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        return "<%s.%s at %s: %s>" % (self.__class__.__module__, self.__class__.__qualname__,
                                       hex(id(self)), "set" if self._flag else "unset")

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class _Generation:
    """One round of a Barrier: its waiters leave together, released or broken."""

    def __init__(self):
        self.state = 'filling'


class Barrier:
    """Lets a fixed number of threads wait for each other. Each round is a _Generation: the last
    party releases it; a timeout, abort(), a failing action or reset() breaks it, and its
    waiters raise BrokenBarrierError (reset() then opens a new round, as in CPython)."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._count = 0
        self._round = _Generation()
        self._broken = False

    def __repr__(self):
        cls = self.__class__
        if self._broken:
            return '<%s.%s at %s: broken>' % (cls.__module__, cls.__qualname__, hex(id(self)))
        return '<%s.%s at %s: waiters=%d/%d>' % (cls.__module__, cls.__qualname__, hex(id(self)),
                                                 self._count, self._parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            current = self._round
            index = self._count
            self._count += 1
            if self._count == self._parties:
                try:
                    if self._action:
                        self._action()
                except:
                    self._break()
                    raise
                current.state = 'released'
                self._round = _Generation()
                self._count = 0
                self._cond.notify_all()
                return index
            if not self._cond.wait_for(lambda: current.state != 'filling', timeout):
                self._break()
            if current.state == 'broken':
                if current is self._round:
                    self._count -= 1
                raise BrokenBarrierError
            return index

    def _break(self):
        self._broken = True
        self._round.state = 'broken'
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                self._round.state = 'broken'
                self._cond.notify_all()
            self._round = _Generation()
            self._count = 0
            self._broken = False

    def abort(self):
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken
