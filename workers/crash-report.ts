// What a worker thread throws when it fails outside the program's own run (warming up: the
// program or a prelude module does not compile; or the engine's bug): an Error, whose message
// Node carries to the process. Node would send anything else that cannot be cloned, a Python
// exception among them, as an inspection of the JavaScript object.
import { PyExc } from './interpreter/errors';
import { formatException } from './interpreter/traceback';

/** A Python exception is reported as CPython prints it (`describe`: the thread's interpreter, once it has one). */
export function crashError(e: unknown, describe?: (exc: PyExc) => string): Error {
  if (e instanceof Error) return e;
  if (e instanceof PyExc) return new Error(describe ? describe(e) : formatException(e, { line: () => undefined, shows: () => true }));
  return new Error(String(e));
}
