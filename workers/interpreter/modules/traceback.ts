// traceback: an exception's report as the interpreter prints an uncaught one (logging.exception
// uses it). format_exception returns the report as one string in a list, where CPython splits it
// into lines: ''.join() of either is the same text.
import { tracebacks, PyExc } from '../errors';
import type { Interpreter } from '../interpreter';
import { defineFunction } from '../native';
import { PyInstance, PyList, PyModule, PyTuple, type PyValue } from '../objects';
import { callMethod, findAttr } from '../attributes';

function report(interp: Interpreter, e: PyValue): string {
  if (!(e instanceof PyInstance)) return 'NoneType: None\n';
  const handled = interp.handling.find((x) => x.value === e);
  return interp.describe(handled ?? new PyExc(e, tracebacks.get(e) ?? [])).text + '\n';
}

/** The exception an except block is handling now, or null. */
function current(interp: Interpreter): PyValue {
  return interp.handling.length > 0 ? interp.handling[interp.handling.length - 1].value : null;
}

/** print_exc and print_exception write to file= (sys.stderr when absent) as print does. */
function write(interp: Interpreter, text: string, file: PyValue | undefined): void {
  if (file !== undefined && file !== null && findAttr(file, '__gil_lab_stream__') === undefined) callMethod(file, 'write', [text]);
  else interp.host.write(text, findAttr(file ?? null, '__gil_lab_stream__') === 'stdout' ? 'stdout' : 'stderr', interp.userLine());
}

/**
 * format_exception(exc) or format_exception(type, value, tb): the value is the exception, with its
 * own traceback (the interpreter's __traceback__ is None, so tb cannot say which).
 */
const exceptionOf = (args: PyValue[]) => (args.length >= 2 ? args[1] : args[0]);

export function makeTraceback(interp: Interpreter): PyModule {
  const m = new PyModule('traceback', true);
  const d = m.dict;
  defineFunction(d, 'format_exc', () => report(interp, current(interp)), 'traceback');
  defineFunction(d, 'format_exception', (args) => new PyList([report(interp, exceptionOf(args))]), 'traceback');
  defineFunction(d, 'print_exc', (_args, kwargs) => {
    write(interp, report(interp, current(interp)), kwargs?.get('file'));
    return null;
  }, 'traceback');
  defineFunction(d, 'print_exception', (args, kwargs) => {
    write(interp, report(interp, exceptionOf(args)), kwargs?.get('file'));
    return null;
  }, 'traceback');
  // logging's record of where it was called: (file, line, function) of the innermost frame of the program's own code.
  defineFunction(d, '_caller', () => {
    for (let f = interp.frame; f; f = f.back)
      if (!f.code.file.startsWith('<gil-lab:')) return new PyTuple([f.code.file, interp.host.programLine?.(f.line) || f.line, f.code.name]);
    return null;
  }, 'traceback');
  return m;
}
