// An uncaught exception as CPython prints it: the chain of causes and contexts, each with its
// traceback (three repeats of a line, then "[Previous line repeated N more times]") and its
// last line "Type: message", with a suggestion for a misspelt name.
import { chainedAttr, tracebacks, type PyExc, type TracebackEntry } from './errors';
import { PyInstance } from './objects';
import { suggestionFor } from './suggestions';
import { pyStr } from './text';

const causeMessage = '\nThe above exception was the direct cause of the following exception:\n\n';
const contextMessage = '\nDuring handling of the above exception, another exception occurred:\n\n';
/** TB_RECURSIVE_CUTOFF of Python/traceback.c. */
const RECURSIVE_CUTOFF = 3;

export interface TracebackSource {
  /** The text of a line of a file, for the traceback. */
  line(file: string, line: number): string | undefined;
  /** Whether a frame is shown (the prelude's own frames are not). */
  shows(entry: TracebackEntry): boolean;
  /** How a frame's line is named: "line 7" unless the run executes a variant of the user's program. */
  shownLine?(file: string, line: number): string;
}

/** The name an exception's type is printed under: the module is left out for builtins and __main__. */
export function exceptionTypeName(e: PyInstance): string {
  const t = e.type;
  return t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
}

/** The last line of an exception's report: "Type: message", or "Type" for an empty message. */
export function exceptionLine(e: PyInstance): string {
  let message: string;
  try {
    message = pyStr(e);
  } catch {
    message = '<exception str() failed>';
  }
  const suggestion = suggestionFor(e);
  if (suggestion !== null) message += `. Did you mean: '${suggestion}'?`;
  const type = exceptionTypeName(e);
  return message ? `${type}: ${message}` : type;
}

export function formatStack(entries: readonly TracebackEntry[], source: TracebackSource): string {
  let out = '';
  let last: TracebackEntry | null = null;
  let count = 0;
  const repeated = () => {
    const more = count - RECURSIVE_CUTOFF;
    if (more > 0) out += `  [Previous line repeated ${more} more time${more > 1 ? 's' : ''}]\n`;
  };
  for (const entry of entries) {
    if (!source.shows(entry)) continue;
    if (last === null || entry.file !== last.file || entry.line !== last.line || entry.name !== last.name) {
      repeated();
      last = entry;
      count = 0;
    }
    if (++count > RECURSIVE_CUTOFF) continue;
    out += `  File "${entry.file}", ${source.shownLine?.(entry.file, entry.line) ?? `line ${entry.line}`}, in ${entry.name}\n`;
    const text = source.line(entry.file, entry.line)?.trim();
    if (text) out += `    ${text}\n`;
  }
  repeated();
  return out;
}

/** The whole report of an uncaught exception, without the final newline. */
export function formatException(exc: PyExc, source: TracebackSource): string {
  const chain: { message: string | null; e: PyInstance; stack: readonly TracebackEntry[] }[] = [];
  const seen = new Set<PyInstance>();
  let e: PyInstance | null = exc.value;
  let stack: readonly TracebackEntry[] = exc.traceback;
  while (e && !seen.has(e)) {
    seen.add(e);
    const cause = chainedAttr(e, '__cause__');
    const context: PyInstance | null =
      e.dict.map.get('__suppress_context__')?.v === true ? null : chainedAttr(e, '__context__');
    const next: PyInstance | null = cause ?? context;
    chain.push({ message: cause ? causeMessage : context ? contextMessage : null, e, stack });
    e = next;
    stack = next ? (tracebacks.get(next) ?? []) : [];
  }
  let out = '';
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i];
    // The message says how this exception relates to the one printed just above it.
    if (link.message !== null) out += link.message;
    if (link.stack.length > 0) out += `Traceback (most recent call last):\n${formatStack(link.stack, source)}`;
    out += exceptionLine(link.e) + (i > 0 ? '\n' : '');
  }
  return out;
}
