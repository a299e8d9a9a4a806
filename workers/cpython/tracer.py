"""GIL Lab's tracer: runs a Python program as __main__ in real CPython and reports, on a pipe,
what its threads and processes do.

    python3 tracer.py --events-fd N [--inline-start] [--cpu-count N] [--latency-us N]
                      [--switch-interval-ms MS] -- PROGRAM.py [ARGS...]

Standard library only, CPython 3.8+. No line tracing: the functions below are wrapped, and when
one of them is called the tracer walks sys._getframe() up to the innermost frame of PROGRAM for
the line number.

Its parts are the package gil_lab_tracer next to this file (events, calls, starts), imported from
this file's folder wherever it lies: workers/cpython, out/main, the packaged app's unpacked folder.
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
import time

_TRACER = os.path.abspath(__file__)
# The parts, from this file's folder; sys.path is left as it was, and no __pycache__ is written
# next to the tracer (an installed app's folder may not be writable).
sys.path.insert(0, os.path.dirname(_TRACER))
_dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
try:
    from gil_lab_tracer import events as _ev
    from gil_lab_tracer.calls import (
        _blocking,
        _patch_multiprocessing_connection,
        _patch_multiprocessing_queues,
        _patch_multiprocessing_synchronize,
        _patch_queue,
        _patch_select,
        _patch_selectors,
        _patch_socket,
        _print,
    )
    from gil_lab_tracer.events import _emit, _event, _format_exception, _local, _perf, _report_exception, _thread_name
    from gil_lab_tracer.starts import _patch_multiprocessing_process, _patch_multiprocessing_util, _patch_threading
finally:
    sys.dont_write_bytecode = _dont_write_bytecode
    del sys.path[0]
_ev.tracer = _TRACER
_exit_code = 0


# ---------------------------------------------------------------- patching


_patchers = {
    "queue": _patch_queue,
    "socket": _patch_socket,
    "select": _patch_select,
    "selectors": _patch_selectors,
    "multiprocessing.process": _patch_multiprocessing_process,
    "multiprocessing.util": _patch_multiprocessing_util,
    "multiprocessing.queues": _patch_multiprocessing_queues,
    "multiprocessing.connection": _patch_multiprocessing_connection,
    "multiprocessing.synchronize": _patch_multiprocessing_synchronize,
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
    cpu_count = _ev.options.get("cpu_count")
    if cpu_count:
        os.cpu_count = lambda: cpu_count
        if hasattr(os, "process_cpu_count"):
            os.process_cpu_count = lambda: cpu_count
    switch_ms = _ev.options.get("switch_interval_ms")
    if switch_ms:
        sys.setswitchinterval(switch_ms / 1000.0)
    scale = _ev.options.get("time_scale") or 1.0
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
        if len(r) < 1000 or sys._getframe(1).f_code.co_filename != _ev.program:
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
    _ev.pid = os.getpid()
    _local.depth = 0


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
        seconds = (_ev.options.get("latency_us", 1000) / 1e6) if ms is None else ms / 1000.0
        pair[0].settimeout(seconds)
        try:
            pair[0].recv(1)
        except socket.timeout:
            pass
        return b""

    module.recv = recv
    return module


def bootstrap_child(options_json):
    """Entry of a spawned (or forkserver) child: the same wrappers, no program run."""
    options = json.loads(options_json)
    _ev.fd = options.pop("events_fd")
    _ev.program = options.pop("program")
    _ev.quiet = options.pop("quiet", False)
    _ev.options = options
    _ev.pid = os.getpid()
    _install()


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
    if os.getpid() != _ev.root_pid:
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


def _die_with_the_app():
    """If the app that started the run dies (killed, crashed), the run's whole process group goes
    with it: a deadlocked or endless program must not outlive the app. A low-level thread (no
    lane, no events: threading never sees it) looks at the parent every 0.25 s."""
    import _thread
    import signal

    parent = os.getppid()
    sleep = time.sleep  # the real one, taken before the program's is wrapped and scaled

    def watch():
        while True:
            sleep(0.25)
            if os.getppid() != parent:
                os.killpg(os.getpgrp(), signal.SIGKILL)

    _thread.start_new_thread(watch, ())


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

    if os.getpid() != _ev.root_pid:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # dies of the signal, as it would have
        os.kill(os.getpid(), signal.SIGTERM)
        return
    _end_children()
    os._exit(128 + signum)


def main():
    global _exit_code
    atexit.register(_at_exit)
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    _become_subreaper()
    _die_with_the_app()
    args = _parse_args(sys.argv[1:])
    _ev.fd = args.events_fd
    given = args.program
    _ev.program = program = os.path.abspath(given)
    _ev.options = {
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
    module.__file__ = program
    module.__builtins__ = builtins
    module.__cached__ = None
    try:
        from importlib.machinery import SourceFileLoader

        module.__loader__ = SourceFileLoader("__main__", program)
    except ImportError:
        pass
    sys.modules["_gil_lab_tracer"] = sys.modules[__name__]
    sys.modules["__main__"] = module
    sys.argv = [given] + list(args.args)
    sys.path[0] = os.path.dirname(program)

    try:
        with open(program, "rb") as f:
            source = f.read()
        code = compile(source, program, "exec", dont_inherit=True)
        _event("run", program)
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
