// The Python GIL Lab runs: the modules a program may import and the names each provides. The
// checker refuses anything else before a run starts; tests hold the modules written in Python to
// this table (workers/prelude/stdlib.test.ts, engine-modules.test.ts), so they cannot drift apart.
// refusals.ts and check.ts refuse the rest of what the interpreter does not run as CPython does.

export const supportedModules: Record<string, readonly string[]> = {
  threading: [
    'Barrier', 'BoundedSemaphore', 'BrokenBarrierError', 'Condition', 'Event', 'ExceptHookArgs', 'Lock', 'RLock', 'Semaphore',
    'TIMEOUT_MAX', 'Thread', 'ThreadError', 'Timer', 'activeCount', 'active_count', 'currentThread', 'current_thread', 'enumerate',
    '__excepthook__', 'excepthook', 'get_ident', 'get_native_id', 'local', 'main_thread', 'setprofile', 'settrace',
  ],
  _thread: ['LockType', 'TIMEOUT_MAX', 'allocate_lock', 'error', 'get_ident', 'get_native_id', 'start_new_thread'],
  queue: ['Empty', 'Full', 'LifoQueue', 'PriorityQueue', 'Queue', 'SimpleQueue'],
  'concurrent.futures': [
    'ALL_COMPLETED', 'BrokenExecutor', 'CancelledError', 'Executor', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future',
    'ProcessPoolExecutor', 'ThreadPoolExecutor', 'TimeoutError', 'as_completed', 'wait',
  ],
  concurrent: ['futures'],
  multiprocessing: [
    'Array', 'Event', 'JoinableQueue', 'Lock', 'Manager', 'Pipe', 'Pool', 'Process', 'Queue', 'RLock', 'RawArray', 'RawValue',
    'SimpleQueue', 'TimeoutError', 'Value', 'active_children', 'cpu_count', 'current_process', 'get_context', 'get_start_method',
    'parent_process', 'pool', 'set_start_method',
  ],
  'multiprocessing.sharedctypes': ['Array', 'RawArray', 'RawValue', 'Synchronized', 'SynchronizedArray', 'SynchronizedBase', 'Value', 'copy', 'synchronized'],
  'multiprocessing.connection': ['Connection', 'Pipe', 'wait'],
  'multiprocessing.managers': ['BaseManager', 'BaseProxy', 'DictProxy', 'ListProxy', 'SyncManager', 'ValueProxy'],
  'multiprocessing.pool': ['AsyncResult', 'Pool', 'ThreadPool'],
  asyncio: [
    'CancelledError', 'Event', 'Future', 'Lock', 'Queue', 'Semaphore', 'Task', 'TimeoutError', 'all_tasks', 'as_completed',
    'create_task', 'current_task', 'gather', 'get_event_loop', 'get_running_loop', 'iscoroutine', 'run', 'sleep', 'wait',
    'wait_for', 'to_thread', 'ensure_future', 'wrap_future', 'new_event_loop',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'InvalidStateError', 'QueueEmpty', 'QueueFull',
    'BoundedSemaphore', 'Condition', 'LifoQueue', 'PriorityQueue', 'Timeout', 'iscoroutinefunction', 'shield', 'timeout', 'timeout_at',
    'TaskGroup', 'Runner',
  ],
  time: [
    'altzone', 'asctime', 'ctime', 'daylight', 'gmtime', 'localtime', 'mktime', 'monotonic', 'monotonic_ns', 'perf_counter',
    'perf_counter_ns', 'process_time', 'sleep', 'strftime', 'struct_time', 'thread_time', 'time', 'time_ns', 'timezone',
  ],
  math: [
    'acos', 'asin', 'atan', 'atan2', 'ceil', 'comb', 'cos', 'cosh', 'degrees', 'e', 'exp', 'expm1', 'fabs', 'factorial', 'floor',
    'fsum', 'gcd', 'hypot', 'inf', 'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'log', 'log10', 'log1p', 'log2', 'nan', 'pi',
    'pow', 'prod', 'radians', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau', 'trunc',
  ],
  os: ['cpu_count', 'getpid', 'getppid', 'linesep', 'name', 'sep'],
  sys: [
    '_is_gil_enabled', 'argv', 'byteorder', 'executable', 'exit', 'getrecursionlimit', 'getrefcount', 'getswitchinterval',
    'intern', 'maxsize', 'modules', 'path', 'platform', 'setrecursionlimit', 'setswitchinterval', 'stderr', 'stdout', 'version',
    'version_info',
  ],
  random: ['choice', 'choices', 'gauss', 'getrandbits', 'randint', 'random', 'randrange', 'sample', 'seed', 'shuffle', 'uniform'],
  functools: [
    'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES', 'cache', 'cmp_to_key', 'lru_cache', 'partial', 'reduce', 'total_ordering',
    'update_wrapper', 'wraps',
  ],
  collections: ['Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple'],
  itertools: [
    'accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress', 'count', 'cycle', 'dropwhile',
    'filterfalse', 'groupby', 'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
    'zip_longest',
  ],
  typing: [
    'Any', 'AnyStr', 'Callable', 'ClassVar', 'Counter', 'DefaultDict', 'Deque', 'Dict', 'Final', 'FrozenSet',
    'Generator', 'Generic', 'Hashable', 'Iterable', 'Iterator', 'List', 'Literal', 'Mapping', 'MutableMapping',
    'MutableSequence', 'NamedTuple', 'MutableSet', 'NoReturn', 'Optional', 'OrderedDict', 'Protocol', 'Sequence', 'Set', 'Sized',
    'TYPE_CHECKING', 'Tuple', 'Type', 'TypeVar', 'Union', 'cast', 'final', 'no_type_check', 'overload',
    'runtime_checkable',
  ],
  logging: [
    'BASIC_FORMAT', 'CRITICAL', 'DEBUG', 'ERROR', 'FATAL', 'Filter', 'Filterer', 'Formatter', 'Handler', 'INFO', 'LogRecord',
    'Logger', 'Manager', 'NOTSET', 'NullHandler', 'RootLogger', 'StreamHandler', 'WARN', 'WARNING', 'addLevelName', 'basicConfig', 'critical', 'debug', 'disable',
    'error', 'exception', 'fatal', 'getLevelName', 'getLogger', 'info', 'lastResort', 'log', 'raiseExceptions', 'root',
    'shutdown', 'warn', 'warning',
  ],
  enum: ['Enum', 'EnumMeta', 'EnumType', 'Flag', 'IntEnum', 'IntFlag', 'ReprEnum', 'StrEnum', 'auto', 'unique'],
  dataclasses: ['Field', 'FrozenInstanceError', 'MISSING', 'asdict', 'astuple', 'dataclass', 'field', 'fields', 'is_dataclass', 'replace'],
  operator: [
    'abs', 'add', 'and_', 'attrgetter', 'concat', 'contains', 'countOf', 'delitem', 'eq', 'floordiv', 'ge', 'getitem',
    'gt', 'iadd', 'iand', 'ifloordiv', 'imod', 'imul', 'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow', 'is_',
    'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le', 'lshift', 'lt', 'methodcaller', 'mod', 'mul', 'ne', 'neg',
    'not_', 'or_', 'pos', 'pow', 'rshift', 'setitem', 'sub', 'truediv', 'truth', 'xor',
  ],
  heapq: ['heapify', 'heappop', 'heappush', 'heappushpop', 'heapreplace', 'merge', 'nlargest', 'nsmallest'],
  json: ['JSONDecodeError', 'JSONDecoder', 'JSONEncoder', 'dumps', 'loads'],
  statistics: [
    'LinearRegression', 'StatisticsError', 'correlation', 'covariance', 'fmean', 'geometric_mean', 'harmonic_mean',
    'linear_regression', 'mean', 'median', 'median_grouped', 'median_high', 'median_low', 'mode', 'multimode', 'pstdev',
    'pvariance', 'quantiles', 'stdev', 'variance',
  ],
  string: [
    'Template', 'ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits', 'hexdigits', 'octdigits',
    'printable', 'punctuation', 'whitespace',
  ],
  contextlib: [
    'AbstractContextManager', 'ContextDecorator', 'ExitStack', 'closing', 'contextmanager', 'nullcontext', 'suppress',
  ],
  abc: ['ABC', 'ABCMeta', 'abstractmethod', 'get_cache_token', 'update_abstractmethods'],
  atexit: ['register', 'unregister'],
  re: [
    'A', 'ASCII', 'DOTALL', 'I', 'IGNORECASE', 'M', 'MULTILINE', 'Match', 'NOFLAG', 'Pattern', 'S', 'U', 'UNICODE', 'VERBOSE', 'X',
    'compile', 'error', 'escape', 'findall', 'finditer', 'fullmatch', 'match', 'purge', 'search', 'split', 'sub', 'subn',
  ],
  textwrap: ['TextWrapper', 'dedent', 'fill', 'indent', 'shorten', 'wrap'],
  traceback: ['format_exc', 'format_exception', 'print_exc', 'print_exception'],
  socket: ['AF_INET', 'ECHO_HOST', 'SOCK_STREAM', 'create_connection', 'socket'],
};

/** Names of supported modules the checker refuses with a reason of their own (module.name → why). */
export const refusedModuleNames: Record<string, string> = {
  'contextlib.asynccontextmanager': 'asynchronous generators (yield inside async def) are not supported here',
  'contextlib.AsyncExitStack': 'asynchronous context managers of contextlib are not supported here',
  'contextlib.AbstractAsyncContextManager': 'asynchronous context managers of contextlib are not supported here',
  'contextlib.aclosing': 'asynchronous generators (yield inside async def) are not supported here',
  'contextlib.redirect_stdout': 'print() here does not write through sys.stdout, so it cannot be redirected',
  'contextlib.redirect_stderr': 'print() here does not write through sys.stderr, so it cannot be redirected',
};

/** Builtins a program may not call: what they do has no place in a GIL Lab run. */
export const refusedBuiltins: Record<string, string> = {
  open: 'GIL Lab programs have no files',
  input: 'GIL Lab programs have no keyboard input',
  exec: 'GIL Lab runs the program it checked, not code made at run time',
  eval: 'GIL Lab runs the program it checked, not code made at run time',
  compile: 'GIL Lab runs the program it checked, not code made at run time',
  __import__: 'use import',
  breakpoint: 'GIL Lab has no debugger',
  memoryview: 'memoryview is not supported here',
  bytearray: 'bytearray is not supported here',
  complex: 'complex numbers are not supported here',
  aiter: 'asynchronous iteration is not supported here',
  anext: 'asynchronous iteration is not supported here',
  help: 'GIL Lab has no interactive help',
  copyright: 'GIL Lab has no interactive help',
  credits: 'GIL Lab has no interactive help',
  license: 'GIL Lab has no interactive help',
};

/** Methods of builtin types the interpreter does not have, by name: a call is refused unless the program defines the name. */
export const unsupportedMethods: Record<string, string> = {
  translate: 'str.translate',
  maketrans: 'str.maketrans',
  to_bytes: 'int.to_bytes',
  from_bytes: 'int.from_bytes',
};

/** Methods refused only when called on the type named (bytes.fromhex is supported, float.fromhex is not). */
export const unsupportedTypeMethods = ['float.fromhex'];

/** Builtin types a class written in the program may not derive from (their instances are not instances of classes). */
export const unsupportedBases = ['set', 'frozenset', 'tuple', 'float', 'bool', 'bytes'];

export function moduleList(): string {
  return Object.keys(supportedModules)
    .filter((m) => !m.startsWith('_') && m !== 'concurrent')
    .join(', ');
}
