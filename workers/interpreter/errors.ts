// Python exceptions: the builtin hierarchy, the JavaScript throwable that carries an exception
// instance up the interpreter's stack, and tracebacks as CPython prints them.
import { PyInstance, PyTuple, PyType, types, type Constructor, type PyValue } from './objects';
import { setName } from './compare';

/** The traceback of an exception a handler caught (`except … as e`), so it can still be printed. */
export const tracebacks = new WeakMap<PyInstance, TracebackEntry[]>();

/** One line of a traceback: where a frame was when the exception passed through it. */
export interface TracebackEntry {
  file: string;
  line: number;
  name: string;
}

/**
 * Thrown to raise a Python exception. Not an Error subclass on purpose: V8 captures no stack
 * for it, so `try: d[k] except KeyError:` in a loop stays cheap.
 */
export class PyExc {
  /** The frame of the newest entry: as in CPython, a frame adds one entry per raise into it. */
  private inFrame: object | null = null;

  constructor(
    readonly value: PyInstance,
    public traceback: TracebackEntry[] = [],
  ) {}

  /** The exception reached `frame` (raised there, or a call from there raised it): its line goes first. */
  enter(frame: object, file: string, line: number, name: string): void {
    if (this.inFrame === frame) return;
    this.inFrame = frame;
    this.traceback.unshift({ file, line, name });
  }

  /** A bare `raise` in `frame` re-raises without an entry for it, as RAISE_VARARGS 0 does. */
  reraiseIn(frame: object): void {
    this.inFrame = frame;
  }
}

function exceptionClass(name: string, base: PyType | null): PyType {
  const t = new PyType(name, base ? [base] : [types.object], 'builtins', (cls, args) => {
    const e = new PyInstance(cls);
    setName(e.dict, 'args', new PyTuple(args));
    return e;
  });
  t.mro = [t, ...(base ? base.mro : [types.object])];
  return t;
}

const BaseException = exceptionClass('BaseException', null);
const Exception = exceptionClass('Exception', BaseException);
const ArithmeticError = exceptionClass('ArithmeticError', Exception);
const LookupError = exceptionClass('LookupError', Exception);
const NameError = exceptionClass('NameError', Exception);
const OSError = exceptionClass('OSError', Exception);
const RuntimeError = exceptionClass('RuntimeError', Exception);
const ImportError = exceptionClass('ImportError', Exception);
const ValueError = exceptionClass('ValueError', Exception);
const ConnectionError = exceptionClass('ConnectionError', OSError);
const SyntaxError = exceptionClass('SyntaxError', Exception);
const IndentationError = exceptionClass('IndentationError', SyntaxError);
const UnicodeError = exceptionClass('UnicodeError', ValueError);
const Warning = exceptionClass('Warning', Exception);
// The groups' __new__ (which checks what they wrap) is installed by exception-groups.ts.
const BaseExceptionGroup = exceptionClass('BaseExceptionGroup', BaseException);
const ExceptionGroup = new PyType('ExceptionGroup', [BaseExceptionGroup, Exception]);
ExceptionGroup.mro = [ExceptionGroup, BaseExceptionGroup, ...Exception.mro];

export const exceptions = {
  BaseException,
  Exception,
  ArithmeticError,
  ZeroDivisionError: exceptionClass('ZeroDivisionError', ArithmeticError),
  OverflowError: exceptionClass('OverflowError', ArithmeticError),
  FloatingPointError: exceptionClass('FloatingPointError', ArithmeticError),
  AssertionError: exceptionClass('AssertionError', Exception),
  AttributeError: exceptionClass('AttributeError', Exception),
  EOFError: exceptionClass('EOFError', Exception),
  ImportError,
  ModuleNotFoundError: exceptionClass('ModuleNotFoundError', ImportError),
  LookupError,
  IndexError: exceptionClass('IndexError', LookupError),
  KeyError: exceptionClass('KeyError', LookupError),
  MemoryError: exceptionClass('MemoryError', Exception),
  NameError,
  UnboundLocalError: exceptionClass('UnboundLocalError', NameError),
  OSError,
  ConnectionError,
  BrokenPipeError: exceptionClass('BrokenPipeError', ConnectionError),
  ConnectionResetError: exceptionClass('ConnectionResetError', ConnectionError),
  ConnectionRefusedError: exceptionClass('ConnectionRefusedError', ConnectionError),
  ConnectionAbortedError: exceptionClass('ConnectionAbortedError', ConnectionError),
  TimeoutError: exceptionClass('TimeoutError', OSError),
  FileNotFoundError: exceptionClass('FileNotFoundError', OSError),
  FileExistsError: exceptionClass('FileExistsError', OSError),
  BlockingIOError: exceptionClass('BlockingIOError', OSError),
  ChildProcessError: exceptionClass('ChildProcessError', OSError),
  InterruptedError: exceptionClass('InterruptedError', OSError),
  IsADirectoryError: exceptionClass('IsADirectoryError', OSError),
  NotADirectoryError: exceptionClass('NotADirectoryError', OSError),
  PermissionError: exceptionClass('PermissionError', OSError),
  ProcessLookupError: exceptionClass('ProcessLookupError', OSError),
  EnvironmentError: OSError,
  IOError: OSError,
  BufferError: exceptionClass('BufferError', Exception),
  ReferenceError: exceptionClass('ReferenceError', Exception),
  RuntimeError,
  NotImplementedError: exceptionClass('NotImplementedError', RuntimeError),
  RecursionError: exceptionClass('RecursionError', RuntimeError),
  StopIteration: exceptionClass('StopIteration', Exception),
  StopAsyncIteration: exceptionClass('StopAsyncIteration', Exception),
  SyntaxError,
  IndentationError,
  TabError: exceptionClass('TabError', IndentationError),
  SystemError: exceptionClass('SystemError', Exception),
  TypeError: exceptionClass('TypeError', Exception),
  ValueError,
  UnicodeError,
  UnicodeDecodeError: exceptionClass('UnicodeDecodeError', UnicodeError),
  UnicodeEncodeError: exceptionClass('UnicodeEncodeError', UnicodeError),
  UnicodeTranslateError: exceptionClass('UnicodeTranslateError', UnicodeError),
  Warning,
  UserWarning: exceptionClass('UserWarning', Warning),
  DeprecationWarning: exceptionClass('DeprecationWarning', Warning),
  PendingDeprecationWarning: exceptionClass('PendingDeprecationWarning', Warning),
  SyntaxWarning: exceptionClass('SyntaxWarning', Warning),
  RuntimeWarning: exceptionClass('RuntimeWarning', Warning),
  FutureWarning: exceptionClass('FutureWarning', Warning),
  ImportWarning: exceptionClass('ImportWarning', Warning),
  UnicodeWarning: exceptionClass('UnicodeWarning', Warning),
  BytesWarning: exceptionClass('BytesWarning', Warning),
  ResourceWarning: exceptionClass('ResourceWarning', Warning),
  EncodingWarning: exceptionClass('EncodingWarning', Warning),
  BaseExceptionGroup,
  ExceptionGroup,
  GeneratorExit: exceptionClass('GeneratorExit', BaseException),
  KeyboardInterrupt: exceptionClass('KeyboardInterrupt', BaseException),
  SystemExit: exceptionClass('SystemExit', BaseException),
};

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): the attributes from the arguments, args
// without the filenames; OSError itself makes the subclass of the errno (OSError(2, '…') is a FileNotFoundError).
const errnoClasses = new Map<number, PyType>([
  [1, exceptions.PermissionError],
  [2, exceptions.FileNotFoundError],
  [3, exceptions.ProcessLookupError],
  [4, exceptions.InterruptedError],
  [10, exceptions.ChildProcessError],
  [11, exceptions.BlockingIOError],
  [13, exceptions.PermissionError],
  [17, exceptions.FileExistsError],
  [20, exceptions.NotADirectoryError],
  [21, exceptions.IsADirectoryError],
  [32, exceptions.BrokenPipeError],
  [103, exceptions.ConnectionAbortedError],
  [104, exceptions.ConnectionResetError],
  [108, exceptions.BrokenPipeError],
  [110, exceptions.TimeoutError],
  [111, exceptions.ConnectionRefusedError],
  [114, exceptions.BlockingIOError],
  [115, exceptions.BlockingIOError],
]);
const constructOSError: Constructor = (cls, args) => {
  const errno = args.length >= 2 && args.length <= 5 ? args[0] : undefined;
  const mapped = cls === OSError && typeof errno === 'number' ? errnoClasses.get(errno) : undefined;
  const e = new PyInstance(mapped ?? cls);
  initOSError(e, args);
  return e;
};
for (const t of Object.values(exceptions)) if (t.mro.includes(OSError)) t.construct = constructOSError;

/** OSError.__init__'s arguments: errno, strerror, filename and filename2 when 2 to 5 are given (args keeps 2 with a filename). */
export function initOSError(e: PyInstance, args: PyValue[]): void {
  const n = args.length;
  const named = n >= 3 && n <= 5 && args[2] !== null;
  setName(e.dict, 'args', new PyTuple(named ? args.slice(0, 2) : args));
  if (n < 2 || n > 5) return;
  setName(e.dict, 'errno', args[0]);
  setName(e.dict, 'strerror', args[1]);
  if (named) setName(e.dict, 'filename', args[2]);
  if (named && n === 5) setName(e.dict, 'filename2', args[4]);
}

export type ExceptionName = keyof typeof exceptions;

/** A Python exception to throw from TypeScript: `throw pyError('TypeError', "…")`. */
export function pyError(name: ExceptionName, message?: string, ...more: PyValue[]): PyExc {
  const e = new PyInstance(exceptions[name]);
  const args = message === undefined ? more : [message, ...more];
  setName(e.dict, 'args', new PyTuple(args));
  return new PyExc(e);
}

export function exceptionArgs(e: PyInstance): PyValue[] {
  const args = e.dict.map.get('args')?.v;
  return args instanceof PyTuple ? args.items : [];
}

/** SystemExit's code: None without arguments, the argument, or the tuple of them. */
export function systemExitCode(e: PyInstance): PyValue {
  const args = exceptionArgs(e);
  return args.length === 0 ? null : args.length === 1 ? args[0] : new PyTuple(args);
}

export function isExceptionType(t: PyValue): boolean {
  return t instanceof PyType && t.mro.includes(BaseException);
}

/** The exception an exception was raised from (`raise … from`) or during the handling of. */
export function chainedAttr(e: PyInstance, name: '__cause__' | '__context__'): PyInstance | null {
  const v = e.dict.map.get(name)?.v;
  return v instanceof PyInstance ? v : null;
}

/**
 * CPython sets __context__ to the exception being handled when another is raised: a raise
 * statement always does (`overwrite`); an error raised by a builtin gets it where it is caught.
 */
export function setContext(exc: PyExc, handling: readonly PyExc[], overwrite = false): void {
  const outer = handling[handling.length - 1];
  if (!outer || outer.value === exc.value || (!overwrite && exc.value.dict.map.has('__context__'))) return;
  // Avoid a cycle: the handled exception may itself have this one in its chain.
  for (let c: PyInstance | null = outer.value; c; c = chainedAttr(c, '__context__')) if (c === exc.value) return;
  setName(exc.value.dict, '__context__', outer.value);
}
