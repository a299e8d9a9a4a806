"""logging's levels, records, formatters and filters (logging.py has the loggers and handlers)."""
import time
import traceback as _traceback

__name__ = 'logging'

try:
    import threading as _threading
    _RLock = _threading.RLock
except ImportError:  # the standalone interpreter has no threads
    _threading = None

    class _RLock:
        def __enter__(self):
            return True

        def __exit__(self, *exc):
            return None

try:
    import sys as _sys
    _stderr = _sys.stderr
except ImportError:
    _sys = None

    class _StdErr:
        """What print() takes for sys.stderr."""
        __gil_lab_stream__ = 'stderr'
        name = '<stderr>'

    _stderr = _StdErr()

try:
    import os as _os
except ImportError:
    _os = None

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING', INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET'}
_nameToLevel = {'CRITICAL': CRITICAL, 'FATAL': FATAL, 'ERROR': ERROR, 'WARN': WARNING, 'WARNING': WARNING,
                'INFO': INFO, 'DEBUG': DEBUG, 'NOTSET': NOTSET}

BASIC_FORMAT = '%(levelname)s:%(name)s:%(message)s'
_startTime = time.time()


def getLevelName(level):
    """The name of a level, or the level of a name; 'Level %s' for a level without a name."""
    result = _levelToName.get(level)
    if result is not None:
        return result
    result = _nameToLevel.get(level)
    if result is not None:
        return result
    return 'Level %s' % level


def addLevelName(level, levelName):
    _levelToName[level] = levelName
    _nameToLevel[levelName] = level


def _checkLevel(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _nameToLevel:
            raise ValueError('Unknown level: %r' % level)
        return _nameToLevel[level]
    raise TypeError('Level not an integer or a valid string: %r' % (level,))


def _thread_info():
    if _threading is None:
        return 1, 'MainThread'
    return _threading.get_ident(), _threading.current_thread().name


def _process_info():
    pid = _os.getpid() if _os is not None else None
    name = 'MainProcess'
    mp = _sys.modules.get('multiprocessing') if _sys is not None else None
    if mp is not None:
        try:
            name = mp.current_process().name
        except Exception:
            pass
    return pid, name


class LogRecord:
    """A LogRecord instance represents an event being logged."""

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None, **kwargs):
        ct = time.time()
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and hasattr(args[0], 'keys') and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        self.filename = pathname.replace('\\', '/').split('/')[-1]
        self.module = self.filename[:-3] if self.filename.endswith('.py') else self.filename
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        self.relativeCreated = (ct - _startTime) * 1000
        self.thread, self.threadName = _thread_info()
        self.process, self.processName = _process_info()

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname, self.lineno, self.msg)

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    """Formats a LogRecord as text: fmt with %(name)s-style fields (or {name} with style='{')."""
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *, defaults=None):
        if style not in ('%', '{'):
            raise ValueError('Style must be one of: %, {')
        self._style = style
        self._fmt = fmt if fmt else ('%(message)s' if style == '%' else '{message}')
        self._defaults = defaults
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        ct = time.localtime(record.created)
        if datefmt:
            return time.strftime(datefmt, ct)
        t = time.strftime(self.default_time_format, ct)
        return self.default_msec_format % (t, record.msecs)

    def formatException(self, ei):
        value = ei[1] if isinstance(ei, tuple) else ei
        s = ''.join(_traceback.format_exception(value))
        return s[:-1] if s[-1:] == '\n' else s

    def usesTime(self):
        return ('%(asctime)' if self._style == '%' else '{asctime') in self._fmt

    def formatMessage(self, record):
        values = dict(self._defaults) if self._defaults else {}
        values.update(record.__dict__)
        if self._style == '{':
            return self._fmt.format(**values)
        return self._fmt % values

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != '\n':
                s = s + '\n'
            s = s + record.exc_text
        return s


class Filter:
    """Lets through the records of the logger named `name` and its children (every record when empty)."""

    def __init__(self, name=''):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if self.nlen == 0:
            return True
        if self.name == record.name:
            return True
        if record.name.find(self.name, 0, self.nlen) != 0:
            return False
        return record.name[self.nlen] == '.'


class Filterer:
    """A base class for loggers and handlers which allows them to share common code."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for f in self.filters:
            result = f.filter(record) if hasattr(f, 'filter') else f(record)
            if not result:
                return False
        return True
