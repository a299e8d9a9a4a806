// Python exceptions: the builtin hierarchy, the JavaScript throwable that carries an exception
// instance up the interpreter's stack, and tracebacks as CPython prints them.
import { PyInstance, PyTuple, PyType, types, type PyValue } from './objects';

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
  constructor(
    readonly value: PyInstance,
    public traceback: TracebackEntry[] = [],
  ) {}
}

function exceptionClass(name: string, base: PyType | null): PyType {
  const t = new PyType(name, base ? [base] : [types.object], 'builtins', (cls, args) => {
    const e = new PyInstance(cls);
    e.dict.map.set('args', { k: 'args', v: new PyTuple(args) });
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
const Warning = exceptionClass('Warning', Exception);

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
  TimeoutError: exceptionClass('TimeoutError', OSError),
  FileNotFoundError: exceptionClass('FileNotFoundError', OSError),
  RuntimeError,
  NotImplementedError: exceptionClass('NotImplementedError', RuntimeError),
  RecursionError: exceptionClass('RecursionError', RuntimeError),
  StopIteration: exceptionClass('StopIteration', Exception),
  StopAsyncIteration: exceptionClass('StopAsyncIteration', Exception),
  SyntaxError: exceptionClass('SyntaxError', Exception),
  SystemError: exceptionClass('SystemError', Exception),
  TypeError: exceptionClass('TypeError', Exception),
  ValueError,
  UnicodeError: exceptionClass('UnicodeError', ValueError),
  Warning,
  DeprecationWarning: exceptionClass('DeprecationWarning', Warning),
  UserWarning: exceptionClass('UserWarning', Warning),
  RuntimeWarning: exceptionClass('RuntimeWarning', Warning),
  FutureWarning: exceptionClass('FutureWarning', Warning),
  GeneratorExit: exceptionClass('GeneratorExit', BaseException),
  KeyboardInterrupt: exceptionClass('KeyboardInterrupt', BaseException),
  SystemExit: exceptionClass('SystemExit', BaseException),
};

export type ExceptionName = keyof typeof exceptions;

/** A Python exception to throw from TypeScript: `throw pyError('TypeError', "…")`. */
export function pyError(name: ExceptionName, message?: string, ...more: PyValue[]): PyExc {
  const e = new PyInstance(exceptions[name]);
  const args = message === undefined ? more : [message, ...more];
  e.dict.map.set('args', { k: 'args', v: new PyTuple(args) });
  return new PyExc(e);
}

export function exceptionArgs(e: PyInstance): PyValue[] {
  const args = e.dict.map.get('args')?.v;
  return args instanceof PyTuple ? args.items : [];
}

export function isExceptionType(t: PyValue): boolean {
  return t instanceof PyType && t.mro.includes(BaseException);
}

/** The traceback text CPython prints for an uncaught exception (without its final line). */
export function formatTraceback(
  entries: readonly TracebackEntry[],
  sourceLine: (file: string, line: number) => string | undefined,
  shownLine: (file: string, line: number) => string = (_file, line) => `line ${line}`,
): string {
  let out = 'Traceback (most recent call last):\n';
  for (const entry of entries) {
    out += `  File "${entry.file}", ${shownLine(entry.file, entry.line)}, in ${entry.name}\n`;
    const text = sourceLine(entry.file, entry.line)?.trim();
    if (text) out += `    ${text}\n`;
  }
  return out;
}
