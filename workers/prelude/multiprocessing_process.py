"""multiprocessing's processes: Process, the parent's own process object, and the children a
process started (CPython's multiprocessing/process.py). multiprocessing imports and re-exports
them; this module names itself multiprocessing, so its classes say multiprocessing.Process."""
import os
import threading
import _gil_lab

__name__ = 'multiprocessing'
_process_counter = 0
_sequential = _gil_lab.mode() == 'sequential'


def _next_process_number():
    global _process_counter
    _process_counter += 1
    return _process_counter


class BaseProcess:
    """A process: run() in a new Python process (its own GIL) once start() is called."""

    _start_method = 'fork'

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or 'Process-%d' % _next_process_number()
        self._daemonic = daemon if daemon is not None else False
        self._parent_pid = os.getpid()
        self._handle = None
        self._exitcode = None
        self._started = False

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._started:
            raise AssertionError('cannot start a process twice')
        self._started = True
        if _sequential:
            # The sequential strategy: start() runs the process's work right here, to the end.
            try:
                self.run()
                self._exitcode = 0
            except BaseException as e:
                _gil_lab.process_exception(self._name, e)
                self._exitcode = 1
            return
        # What the child's parent_process() is: this process.
        self._parent_name = _current_process.name
        self._handle = _gil_lab.start_process(self, self._name)
        _children.append(self)

    def join(self, timeout=None):
        if not self._started:
            raise AssertionError('can only join a started process')
        if self._handle is None:
            return
        code = _gil_lab.join_process(self._handle, timeout)
        if code is not None:
            self._exitcode = code
            if self in _children:
                _children.remove(self)

    def is_alive(self):
        if self is _current_process:
            return True
        if not self._started or self._exitcode is not None:
            return False
        if self._handle is None:
            return False
        code = _gil_lab.process_exitcode(self._handle)
        if code is None:
            return True
        self._exitcode = code
        return False

    def terminate(self):
        if self._handle is not None:
            _gil_lab.terminate_process(self._handle, 15)  # SIGTERM

    def kill(self):
        if self._handle is not None:
            _gil_lab.terminate_process(self._handle, 9)  # SIGKILL

    def close(self):
        pass

    @property
    def exitcode(self):
        if self._exitcode is None and self._handle is not None and self is not _current_process:
            self._exitcode = _gil_lab.process_exitcode(self._handle)
        return self._exitcode

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        self._daemonic = daemonic

    @property
    def pid(self):
        if self is _current_process:
            return os.getpid()  # in the child, as CPython's
        if self._handle is None:
            return None
        return _gil_lab.process_pid(self._handle)

    ident = pid

    def __repr__(self):
        if not self._started:
            status = 'initial'
        elif self.exitcode is None:
            status = 'started'
        else:
            status = 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._started and self is not _current_process and self.pid is not None:
            info.append('pid=%s' % self.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if self.exitcode is not None and self._started:
            code = self.exitcode
            info.append('exitcode=%s' % (_SIGNAL_NAMES.get(-code, code) if code < 0 else code))
        if self._daemonic:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        """Runs in the child: the process's work, then its threads; returns the exit code."""
        global _current_process, _children, _parent_process
        threading._after_fork()
        _current_process = self
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
        _children = []
        exitcode = 0
        try:
            self.run()
        except SystemExit as e:
            exitcode = e.args[0] if e.args and isinstance(e.args[0], int) else 1 if e.args else 0
        except BaseException as e:
            _gil_lab.process_exception(self._name, e)
            exitcode = 1
        threading._shutdown()
        for p in list(_children):
            if not p.daemon:
                p.join()
        return exitcode


_SIGNAL_NAMES = {1: '-SIGHUP', 2: '-SIGINT', 9: '-SIGKILL', 15: '-SIGTERM'}


class Process(BaseProcess):
    pass


class _MainProcess(BaseProcess):
    # As in CPython: the parent's own process object, never started, never joined.
    def __init__(self):
        self._name = 'MainProcess'
        self._daemonic = False
        self._handle = None
        self._exitcode = None

    @property
    def pid(self):
        return os.getpid()

    ident = pid

    def __repr__(self):
        return "<_MainProcess name='%s' parent=None started>" % self._name


class _ParentProcess(BaseProcess):
    # A child's parent_process(): the process that started it.
    def __init__(self, name, pid):
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._daemonic = False
        self._handle = None
        self._exitcode = None
        self._started = False

    @property
    def pid(self):
        return self._pid

    ident = pid

    def is_alive(self):
        return True

    def __repr__(self):
        return "<_ParentProcess name='%s' parent=None unknown>" % self._name


_current_process = _MainProcess()
_parent_process = None
_children = []


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    return [p for p in _children if p.is_alive()]


def _join_children():
    """At exit, the parent waits for its non-daemon children, as multiprocessing's atexit does."""
    for p in list(_children):
        if p.daemon:
            p.terminate()
        else:
            p.join()
