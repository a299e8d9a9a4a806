"""GIL Lab's tracer: runs a Python program as __main__ in real CPython and reports, on a pipe,
what its threads and processes do.

    python3 tracer.py --events-fd N [--inline-start] [--cpu-count N] [--latency-us N]
                      [--switch-interval-ms MS] -- PROGRAM.py [ARGS...]

Standard library only, CPython 3.8+. No line tracing: the functions below are wrapped, and when
one of them is called the tracer walks sys._getframe() up to the innermost frame of PROGRAM for
the line number.

Every event is one JSON array per line, written with one os.write() (so lines of several
processes sharing the pipe never interleave):

    [kind, t_ns, pid, native_tid, thread_name, line, ...fields]

t_ns is time.perf_counter_ns() (CLOCK_MONOTONIC on Linux, the clock of Node's
process.hrtime.bigint()); line is 0 where PROGRAM has no frame. Kinds and their fields:

    sync     monotonic_ns, epoch_ns, python_version, executable, gil_enabled, perf_counter_clock
    run      program_path                    (root: the program starts; the run's t0)
    exit     exit_code                       (root: after non-daemon threads and children ended)
    b        state ('io'|'blocked'), call    (a blocking call begins on this thread)
    e                                        (the blocking call that began last ends)
    print    text, stream ('stdout'|'stderr')
    tspawn   child_native_tid, child_name    (t_ns = when Thread.start() was called)
    tstart   ident                           (a thread begins: first line of its bootstrap)
    tend                                     (a thread ends)
    rename   target_native_tid, new_name
    pspawn   child_pid, child_name           (t_ns = when Process.start() was called)
    pbegin   process_name, parent_pid        (a multiprocessing child begins)
    pend     exit_code
    exc      where ('main'|'thread'|'process'), traceback_text, last_line
"""
import atexit  # first: the exit event must run after every other atexit handler (LIFO)
import builtins
import json
import os
import sys
import threading
import time

_perf = time.perf_counter_ns
_get_native_id = threading.get_native_id
_get_ident = threading.get_ident
_active = threading._active  # ident -> Thread; read directly so no _DummyThread is ever created

_TRACER = os.path.abspath(__file__)
_MAX_TEXT = 1500  # characters of a print or traceback kept in its event (the output keeps all)
_MAX_LINE = 4000  # bytes: one write below PIPE_BUF stays atomic

_fd = -1
_program = ""
_pid = os.getpid()
_root_pid = _pid
_options = {}
_exit_code = 0
# multiprocessing's helpers (fork server, resource tracker) run the tracer silently: they are no
# lanes of the program. A process the fork server forks for the program speaks again.
_quiet = False
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
_local = threading.local()


# ---------------------------------------------------------------- events


def _write(data):
    global _fd
    try:
        while data:
            try:
                n = os.write(_fd, data)
            except BlockingIOError:
                import select

                select.select([], [_fd], [], 0.05)
                continue
            data = data[n:]
    except OSError:
        _fd = -1  # the reader is gone (cancelled run): keep the program running, silently


def _emit(kind, t, name, line, *fields):
    if _fd < 0 or _quiet:
        return
    record = [kind, t, _pid, _get_native_id(), name, line]
    record.extend(fields)
    data = (_encode(record) + "\n").encode("utf-8", "replace")
    if len(data) > _MAX_LINE:
        data = data[: _MAX_LINE - 1] + b"\n"  # unparseable on purpose: the reader counts it as lost
    _write(data)


def _thread_name():
    thread = _active.get(_get_ident())
    return getattr(thread, "_name", None) if thread is not None else None


def _line():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == _program:
            return frame.f_lineno
        frame = frame.f_back
    return 0


def _event(kind, *fields):
    _emit(kind, _perf(), _thread_name(), _line(), *fields)


def _clip(text, keep_tail=False):
    if len(text) <= _MAX_TEXT:
        return text
    return "…" + text[-_MAX_TEXT:] if keep_tail else text[:_MAX_TEXT] + "…"


# ---------------------------------------------------------------- blocking calls


def _blocking(func, state, call):
    """func, marked as a blocking call: state 'io' or 'blocked'. Nested calls emit nothing."""

    def wrapper(*args, **kwargs):
        depth = getattr(_local, "depth", 0)
        if depth:
            return func(*args, **kwargs)
        _local.depth = 1
        _emit("b", _perf(), _thread_name(), _line(), state, call)
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


def _wrap_method(cls, name, state, call, fast=None):
    """Wraps cls.name; `fast(orig, *args, **kwargs)` may answer without blocking (returns a pair
    (done, value)), so uncontended calls emit nothing."""
    orig = cls.__dict__.get(name) or getattr(cls, name)
    slow = _blocking(orig, state, call)
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
        if _options.get("inline_start") and sys._getframe(1).f_code.co_filename == _program:
            return run_inline(self)
        t, name, line = _perf(), _thread_name(), _line()
        start(self)
        _emit(event, t, name, line, *started(self))

    traced_start.__doc__ = start.__doc__
    cls.start = traced_start


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
        _emit("b", _perf(), _thread_name(), _line(), "blocked", self._call)
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


# ---------------------------------------------------------------- threads


def _patch_threading():
    Thread = threading.Thread
    allocate = threading._allocate_lock
    make_rlock = threading.RLock

    threading.Lock = lambda: _TracedLock(allocate(), "Lock.acquire")
    threading.RLock = lambda *args, **kwargs: _TracedLock(make_rlock(*args, **kwargs), "RLock.acquire")
    _wrap_method(threading.Condition, "wait", "blocked", "Condition.wait")
    _wrap_method(threading.Event, "wait", "blocked", "Event.wait", _event_wait_fast)
    _wrap_method(threading.Semaphore, "acquire", "blocked", "Semaphore.acquire", _try_nonblocking)
    threading.Semaphore.__enter__ = threading.Semaphore.acquire
    _wrap_method(threading.Barrier, "wait", "blocked", "Barrier.wait")
    _wrap_method(Thread, "join", "blocked", "Thread.join", _join_fast)

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
    _wrap_method(BaseProcess, "join", "blocked", "Process.join", _join_fast)

    bootstrap = BaseProcess._bootstrap

    def _bootstrap(self, *args, **kwargs):
        global _pid, _quiet
        _pid = os.getpid()
        _quiet = False
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
        if "-c" in args and _fd >= 0:
            i = args.index("-c") + 1
            args[i] = _child_boot_code(quiet="spawn_main" not in args[i]) + args[i]
            passfds = list(passfds) + [_fd]
        return spawnv_passfds(path, args, passfds)

    module.spawnv_passfds = patched


def _child_boot_code(quiet):
    options = dict(_options, events_fd=_fd, program=_program, quiet=quiet)
    return (
        "import sys,types;_m=types.ModuleType('_gil_lab_tracer');_m.__file__=%r;"
        "sys.modules['_gil_lab_tracer']=_m;"
        "exec(compile(open(_m.__file__).read(),_m.__file__,'exec'),_m.__dict__);"
        "_m.bootstrap_child(%r);del _m;" % (_TRACER, json.dumps(options))
    )


def bootstrap_child(options_json):
    """Entry of a spawned (or forkserver) child: the same wrappers, no program run."""
    global _fd, _program, _pid, _options, _quiet
    options = json.loads(options_json)
    _fd = options.pop("events_fd")
    _program = options.pop("program")
    _quiet = options.pop("quiet", False)
    _options = options
    _pid = os.getpid()
    _install()


# ---------------------------------------------------------------- other modules


def _patch_queue(module):
    _wrap_method(module.Queue, "get", "blocked", "queue.Queue.get", _try_nonblocking)
    _wrap_method(module.Queue, "put", "blocked", "queue.Queue.put", _queue_put_fast)


def _patch_multiprocessing_queues(module):
    _wrap_method(module.Queue, "get", "blocked", "multiprocessing.Queue.get", _try_nonblocking)


def _patch_multiprocessing_connection(module):
    for name in ("recv", "recv_bytes", "recv_bytes_into"):
        _wrap_method(module._ConnectionBase, name, "io", "Connection." + name)


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
        global _quiet
        _quiet = True
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


_patchers = {
    "queue": _patch_queue,
    "socket": _patch_socket,
    "select": _patch_select,
    "selectors": _patch_selectors,
    "multiprocessing.process": _patch_multiprocessing_process,
    "multiprocessing.util": _patch_multiprocessing_util,
    "multiprocessing.queues": _patch_multiprocessing_queues,
    "multiprocessing.connection": _patch_multiprocessing_connection,
}


class _PatchedLoader(object):
    def __init__(self, inner, patch):
        self._inner = inner
        self._patch = patch

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        self._patch(module)

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _PatchOnImport(object):
    """Patches a module when the program first imports it, so the tracer does not pay (or spare
    the program) the import of multiprocessing, socket and the rest up front."""

    def find_spec(self, name, path=None, target=None):
        patch = _patchers.get(name)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None:
                    del _patchers[name]
                    spec.loader = _PatchedLoader(spec.loader, patch)
                return spec
        return None


def _install():
    _patch_threading()
    builtins.print = _print
    time.sleep = _blocking(time.sleep, "io", "time.sleep")
    if hasattr(builtins, "input"):
        builtins.input = _blocking(builtins.input, "io", "input")
    cpu_count = _options.get("cpu_count")
    if cpu_count:
        os.cpu_count = lambda: cpu_count
        if hasattr(os, "process_cpu_count"):
            os.process_cpu_count = lambda: cpu_count
    switch_ms = _options.get("switch_interval_ms")
    if switch_ms:
        sys.setswitchinterval(switch_ms / 1000.0)
    scale = _options.get("time_scale") or 1.0
    if scale < 1.0:
        _scale_time(scale)
    sys.modules["gil_lab"] = _stand_ins()
    for name in list(_patchers):
        module = sys.modules.get(name)
        if module is not None:
            _patchers.pop(name)(module)
    sys.meta_path.insert(0, _PatchOnImport())
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _scale_time(scale):
    """The app's time scale, as its simulated runs apply it: sleeps last `scale` as long, range()
    loops of 1000 items or more in the program run `scale` of their iterations, and the program's
    clocks run 1/scale as fast, so it prints the seconds CPython would at scale 1."""
    real_sleep = time.sleep
    real_range = builtins.range
    start = time.perf_counter()
    start_ns = time.perf_counter_ns()
    epoch = time.time()

    def scaled(t0, now):
        return t0 + (now - t0) / scale

    def sleep(seconds):
        return real_sleep(seconds * scale)

    def scaled_range(*args):
        r = real_range(*args)
        if len(r) < 1000 or sys._getframe(1).f_code.co_filename != _program:
            return r
        n = max(1, round(len(r) * scale))
        return real_range(r.start, r.start + n * r.step, r.step)

    perf, perf_ns = time.perf_counter, time.perf_counter_ns
    time.sleep = sleep  # real_sleep is already the blocking call the trace marks
    builtins.range = scaled_range
    time.perf_counter = lambda: scaled(start, perf())
    time.monotonic = time.perf_counter
    time.perf_counter_ns = lambda: int(scaled(start_ns, perf_ns()))
    time.monotonic_ns = time.perf_counter_ns
    time.time = lambda: epoch + (perf() - start) / scale
    time.time_ns = lambda: int(time.time() * 1e9)


def _after_fork_in_child():
    global _pid
    _pid = os.getpid()
    _local.depth = 0


_orig_print = builtins.print
_print_lock = threading._CRLock() if threading._CRLock is not None else threading._PyRLock()


def _print(*args, sep=" ", end="\n", file=None, flush=False):
    target = sys.stdout if file is None else file
    if target is None or (target is not sys.stdout and target is not sys.stderr):
        return _orig_print(*args, sep=sep, end=end, file=file, flush=flush)
    # CPython's own print writes to the real stream; the event's text is computed apart. The lock
    # makes the order of the events' times the order of the text in the stream (a GIL switch
    # between taking the time and writing could otherwise swap two threads' prints).
    with _print_lock:
        t = _perf()
        _orig_print(*args, sep=sep, end=end, file=file, flush=flush)
    try:
        # What print wrote, its end included (the app's console joins writes into lines).
        text = (" " if sep is None else sep).join([str(a) for a in args]) + ("\n" if end is None else end)
    except Exception:
        text = "?"
    _emit("print", t, _thread_name(), _line(), _clip(text), "stdout" if target is sys.stdout else "stderr")


_print.__doc__ = _orig_print.__doc__


def _stand_ins():
    """The `gil_lab` module: stand-ins the app's program variants may call."""
    import types

    module = types.ModuleType("gil_lab")

    def recv(ms=None):
        """A blocking socket.recv() that the peer answers after `ms` (default --latency-us):
        a real GIL-releasing socket wait."""
        import socket

        pair = getattr(_local, "socket_pair", None)
        if pair is None:
            pair = _local.socket_pair = socket.socketpair()
        seconds = (_options.get("latency_us", 1000) / 1e6) if ms is None else ms / 1000.0
        pair[0].settimeout(seconds)
        try:
            pair[0].recv(1)
        except socket.timeout:
            pass
        return b""

    module.recv = recv
    return module


# ---------------------------------------------------------------- exceptions


def _strip_tracer_frames(te, seen):
    import traceback

    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename != _TRACER])
    _strip_tracer_frames(te.__cause__, seen)
    _strip_tracer_frames(te.__context__, seen)
    for nested in getattr(te, "exceptions", None) or ():
        _strip_tracer_frames(nested, seen)


def _format_exception(error_type, error, tb):
    """As CPython prints it, without the tracer's own frames."""
    import traceback

    te = traceback.TracebackException(error_type, error, tb)
    _strip_tracer_frames(te, set())
    return "".join(te.format())


def _report_exception(where, text, tb):
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _program:
            line = tb.tb_lineno
        tb = tb.tb_next
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    _emit("exc", _perf(), _thread_name(), line, where, _clip(text, keep_tail=True), last)


# ---------------------------------------------------------------- the root


def _parse_args(argv):
    import argparse

    parser = argparse.ArgumentParser(prog="tracer.py", description="Runs PROGRAM and reports its threads and processes.")
    parser.add_argument("--events-fd", type=int, required=True)
    parser.add_argument("--inline-start", action="store_true")
    parser.add_argument("--cpu-count", type=int)
    parser.add_argument("--latency-us", type=int, default=1000)
    parser.add_argument("--switch-interval-ms", type=float)
    parser.add_argument("--time-scale", type=float, default=1.0)
    parser.add_argument("program")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    if "--" in argv:
        i = argv.index("--")
        argv = argv[:i] + argv[i + 1 :]
    return parser.parse_args(argv)


def _at_exit():
    if os.getpid() != _root_pid:
        return
    name = _thread_name() or "MainThread"
    _emit("e", _perf(), name, 0)
    _emit("exit", _perf(), name, 0, _exit_code)
    _end_children()


# ---------------------------------------------------------------- nothing left behind


def _become_subreaper():
    """Linux: orphaned descendants of the program become the root's children (not init's), so
    the root can reap them: a process killed after its parent died must not stay a zombie."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass


def _children():
    pids = []
    try:
        for tid in os.listdir("/proc/self/task"):
            with open("/proc/self/task/%s/children" % tid) as f:
                pids.extend(int(p) for p in f.read().split())
    except OSError:
        pass
    return pids


def _helper_processes():
    """multiprocessing's resource tracker and fork server: stopped, not killed, so the tracker
    still unlinks the semaphores it tracks."""
    helpers = []
    tracker = sys.modules.get("multiprocessing.resource_tracker")
    if tracker is not None and getattr(tracker._resource_tracker, "_pid", None):
        helpers.append((tracker._resource_tracker._pid, tracker._resource_tracker))
    forkserver = sys.modules.get("multiprocessing.forkserver")
    if forkserver is not None and getattr(forkserver._forkserver, "_forkserver_pid", None):
        helpers.append((forkserver._forkserver._forkserver_pid, forkserver._forkserver))
    return helpers


def _reap(deadline):
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        except OSError:
            return
        if pid == 0:
            time.sleep(0.002)


def _end_children():
    """Kills and reaps whatever the program left running (orphans included), then stops
    multiprocessing's helper processes."""
    import signal

    helpers = _helper_processes()
    helper_pids = set(pid for pid, _ in helpers)
    for pid in _children():
        if pid not in helper_pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    for _, helper in helpers:
        try:
            helper._stop()
        except Exception:
            pass
    for pid in _children():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    _reap(time.monotonic() + 0.5)


def _on_sigterm(signum, frame):
    """A cancelled run: the whole process group gets SIGTERM; the root ends its descendants and
    reaps them before it goes (a fork child inherits this handler and just exits)."""
    import signal

    if os.getpid() != _root_pid:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # dies of the signal, as it would have
        os.kill(os.getpid(), signal.SIGTERM)
        return
    _end_children()
    os._exit(128 + signum)


def main():
    global _fd, _program, _options, _exit_code
    atexit.register(_at_exit)
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    _become_subreaper()
    args = _parse_args(sys.argv[1:])
    _fd = args.events_fd
    given = args.program
    _program = os.path.abspath(given)
    _options = {
        "inline_start": args.inline_start,
        "cpu_count": args.cpu_count,
        "latency_us": args.latency_us,
        "switch_interval_ms": args.switch_interval_ms,
        "time_scale": args.time_scale,
    }
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    _event(
        "sync",
        time.monotonic_ns(),
        time.time_ns(),
        "%d.%d.%d" % sys.version_info[:3],
        sys.executable,
        gil_enabled,
        time.get_clock_info("perf_counter").implementation,
    )
    _install()

    import types

    module = types.ModuleType("__main__")
    module.__file__ = _program
    module.__builtins__ = builtins
    module.__cached__ = None
    try:
        from importlib.machinery import SourceFileLoader

        module.__loader__ = SourceFileLoader("__main__", _program)
    except ImportError:
        pass
    sys.modules["_gil_lab_tracer"] = sys.modules[__name__]
    sys.modules["__main__"] = module
    sys.argv = [given] + list(args.args)
    sys.path[0] = os.path.dirname(_program)

    try:
        with open(_program, "rb") as f:
            source = f.read()
        code = compile(source, _program, "exec", dont_inherit=True)
        _event("run", _program)
        exec(code, module.__dict__)
    except SystemExit as error:
        _exit_code = error.code if isinstance(error.code, int) else (0 if error.code is None else 1)
        _emit("b", _perf(), _thread_name(), 0, "blocked", "threading._shutdown")
        raise
    except BaseException as error:
        text = _format_exception(type(error), error, error.__traceback__)
        _report_exception("main", text, error.__traceback__)
        sys.stderr.write(text)
        sys.stderr.flush()
        _exit_code = 1
    # CPython now joins the non-daemon threads (threading._shutdown), then runs atexit.
    _emit("b", _perf(), _thread_name(), 0, "blocked", "threading._shutdown")
    if _exit_code:
        sys.exit(_exit_code)


if __name__ == "__main__":
    main()
