"""The tracer's events: the run's state, the writer of one JSON line per event, and the exc
event of an uncaught exception (its traceback without the tracer's own frames). The event
format is in the entry's docstring (tracer.py)."""
import json
import os
import sys
import threading
import time

_perf = time.perf_counter_ns
_get_native_id = threading.get_native_id
_get_ident = threading.get_ident
_active = threading._active  # ident -> Thread; read directly so no _DummyThread is ever created

_MAX_TEXT = 1500  # characters of a print or traceback kept in its event (the output keeps all)
_MAX_LINE = 4000  # bytes: one write below PIPE_BUF stays atomic
_PARTS = os.path.dirname(os.path.abspath(__file__))

# The run's state: set by the entry's main() (the root) or bootstrap_child() (a spawned child),
# read by every part as events.NAME.
tracer = ""  # the entry's path: a spawned child loads it, tracebacks leave its frames out
fd = -1
program = ""
pid = os.getpid()
root_pid = pid
options = {}
# multiprocessing's helpers (fork server, resource tracker) run the tracer silently: they are no
# lanes of the program. A process the fork server forks for the program speaks again.
quiet = False
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
_local = threading.local()


def _write(data):
    global fd
    try:
        while data:
            try:
                n = os.write(fd, data)
            except BlockingIOError:
                import select

                select.select([], [fd], [], 0.05)
                continue
            data = data[n:]
    except OSError:
        fd = -1  # the reader is gone (cancelled run): keep the program running, silently


def _emit(kind, t, name, line, *fields):
    if fd < 0 or quiet:
        return
    record = [kind, t, pid, _get_native_id(), name, line]
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
        if frame.f_code.co_filename == program:
            return frame.f_lineno
        frame = frame.f_back
    return 0


def _event(kind, *fields):
    _emit(kind, _perf(), _thread_name(), _line(), *fields)


def _clip(text, keep_tail=False):
    if len(text) <= _MAX_TEXT:
        return text
    return "…" + text[-_MAX_TEXT:] if keep_tail else text[:_MAX_TEXT] + "…"


# ---------------------------------------------------------------- exceptions


def _tracer_file(filename):
    """A frame of the tracer: of its entry or of one of these parts."""
    return filename == tracer or os.path.dirname(filename) == _PARTS


def _strip_tracer_frames(te, seen):
    import traceback

    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not _tracer_file(f.filename)])
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
        if tb.tb_frame.f_code.co_filename == program:
            line = tb.tb_lineno
        tb = tb.tb_next
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    _emit("exc", _perf(), _thread_name(), line, where, _clip(text, keep_tail=True), last)
