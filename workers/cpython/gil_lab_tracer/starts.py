"""The tracer's wrappers of the starts of threads and processes: Thread.start and Process.start
(tspawn, pspawn; inline under --inline-start), a thread's and a multiprocessing child's begin
and end (tstart/tend, pbegin/pend), renames, uncaught exceptions in threads and children, and
the command line of a spawned (or forkserver) child, which loads the tracer first."""
import json
import os
import sys
import threading

from . import events as _ev
from .calls import _blocks_with_no_timeout, _event_wait_fast, _join_fast, _no_timeout, _TracedLock, _try_nonblocking, _wrap_method
from .events import _emit, _event, _format_exception, _get_ident, _line, _perf, _report_exception, _thread_name


def _wrap_start(cls, event, started, failed):
    """Wraps cls.start (Thread's, Process's): emits `event` with when, in which thread and on which
    line start() was called, and what `started(self)` gives: the started one's id and name.

    --inline-start (the sequential strategy): a start called by the program runs the target to
    completion in the caller, and join() returns at once; `failed(self)` reports what it raised."""
    start = cls.start

    def run_inline(self):
        self._gil_lab_inline = True
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException:
            failed(self)

    def traced_start(self):
        if _ev.options.get("inline_start") and sys._getframe(1).f_code.co_filename == _ev.program:
            return run_inline(self)
        t, name, line = _perf(), _thread_name(), _line()
        start(self)
        _emit(event, t, name, line, *started(self))

    traced_start.__doc__ = start.__doc__
    cls.start = traced_start


# ---------------------------------------------------------------- threads


def _patch_threading():
    Thread = threading.Thread
    allocate = threading._allocate_lock
    make_rlock = threading.RLock

    threading.Lock = lambda: _TracedLock(allocate(), "Lock.acquire")
    threading.RLock = lambda *args, **kwargs: _TracedLock(make_rlock(*args, **kwargs), "RLock.acquire")
    _wrap_method(threading.Condition, "wait", "blocked", "Condition.wait", forever=_no_timeout)
    _wrap_method(threading.Event, "wait", "blocked", "Event.wait", _event_wait_fast, _no_timeout)
    _wrap_method(threading.Semaphore, "acquire", "blocked", "Semaphore.acquire", _try_nonblocking, _blocks_with_no_timeout)
    threading.Semaphore.__enter__ = threading.Semaphore.acquire
    _wrap_method(threading.Barrier, "wait", "blocked", "Barrier.wait", forever=_no_timeout)
    _wrap_method(Thread, "join", "blocked", "Thread.join", _join_fast, _no_timeout)

    bootstrap_inner = Thread._bootstrap_inner

    def _bootstrap_inner(self):
        _emit("tstart", _perf(), self._name, 0, _get_ident())
        try:
            bootstrap_inner(self)
        finally:
            _emit("tend", _perf(), self._name, 0)

    Thread._bootstrap_inner = _bootstrap_inner

    _wrap_start(
        Thread,
        "tspawn",
        lambda thread: (getattr(thread, "_native_id", None), thread._name),
        lambda thread: thread._invoke_excepthook(thread),
    )

    name_property = Thread.name

    def set_name(self, value):
        name_property.fset(self, value)
        native_id = getattr(self, "_native_id", None)
        if native_id is not None:
            _event("rename", native_id, self._name)

    Thread.name = property(name_property.fget, set_name, doc=name_property.__doc__)

    def excepthook(args):
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else _get_ident()
        text = "Exception in thread %s:\n%s" % (name, _format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        _report_exception("thread", text, args.exc_traceback)
        stderr = sys.stderr if sys.stderr is not None else getattr(args.thread, "_stderr", None)
        if stderr is not None:
            stderr.write(text)
            stderr.flush()

    threading.excepthook = excepthook


# ---------------------------------------------------------------- processes


def _patch_multiprocessing_process(module):
    BaseProcess = module.BaseProcess
    _wrap_start(BaseProcess, "pspawn", lambda process: (process.pid, process.name), _process_failed)
    _wrap_method(BaseProcess, "join", "blocked", "Process.join", _join_fast, _no_timeout)

    bootstrap = BaseProcess._bootstrap

    def _bootstrap(self, *args, **kwargs):
        _ev.pid = os.getpid()
        _ev.quiet = False
        _emit("pbegin", _perf(), _thread_name(), 0, self.name, self._parent_pid)
        _patch_print_exc(bootstrap.__code__)
        code = 1
        try:
            code = bootstrap(self, *args, **kwargs)
            return code
        finally:
            _emit("pend", _perf(), _thread_name(), 0, code)

    BaseProcess._bootstrap = _bootstrap


def _process_failed(process):
    """What a Process run inline raised, as multiprocessing's _bootstrap would write it."""
    error_type, error, tb = sys.exc_info()
    text = "Process %s:\n%s" % (process.name, _format_exception(error_type, error, tb))
    _report_exception("process", text, tb)
    sys.stderr.write(text)


def _patch_print_exc(bootstrap_code):
    """A child's uncaught exception: multiprocessing's _bootstrap writes 'Process NAME:' and calls
    traceback.print_exc(); report it from there, without adding a frame to what it prints."""
    import traceback

    print_exc = traceback.print_exc

    def patched(limit=None, file=None, chain=True):
        if sys._getframe(1).f_code is not bootstrap_code:
            return print_exc(limit, file, chain)
        error_type, error, tb = sys.exc_info()
        text = _format_exception(error_type, error, tb)
        from multiprocessing import current_process

        _report_exception("process", "Process %s:\n%s" % (current_process().name, text), tb)
        (file or sys.stderr).write(text)

    traceback.print_exc = patched


def _patch_multiprocessing_util(module):
    """Start methods spawn and forkserver exec a new python with `-c CODE`: pass it the events
    fd and make CODE load this tracer first."""
    spawnv_passfds = module.spawnv_passfds

    def patched(path, args, passfds):
        args = list(args)
        if "-c" in args and _ev.fd >= 0:
            i = args.index("-c") + 1
            args[i] = _child_boot_code(quiet="spawn_main" not in args[i]) + args[i]
            passfds = list(passfds) + [_ev.fd]
        return spawnv_passfds(path, args, passfds)

    module.spawnv_passfds = patched


def _child_boot_code(quiet):
    options = dict(_ev.options, events_fd=_ev.fd, program=_ev.program, quiet=quiet)
    return (
        "import sys,types;_m=types.ModuleType('_gil_lab_tracer');_m.__file__=%r;"
        "sys.modules['_gil_lab_tracer']=_m;"
        "exec(compile(open(_m.__file__).read(),_m.__file__,'exec'),_m.__dict__);"
        "_m.bootstrap_child(%r);del _m;" % (_ev.tracer, json.dumps(options))
    )
