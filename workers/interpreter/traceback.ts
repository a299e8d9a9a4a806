// An uncaught exception as CPython prints it: the chain of causes and contexts, each with its
// traceback (three repeats of a line, then "[Previous line repeated N more times]") and its
// last line "Type: message", with a suggestion for a misspelt name; an exception group's members
// boxed below it, as traceback.py prints them.
import { chainedAttr, tracebacks, type PyExc, type TracebackEntry } from './errors';
import { groupExceptions, isExceptionGroup } from './exception-groups';
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

/** MAX_GROUP_WIDTH and MAX_GROUP_DEPTH of Python/pythonrun.c: the groups' members printed, and how deep. */
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/**
 * Where the report is within exception groups (traceback.py's _ExceptionPrintContext): inside one,
 * each line is indented and boxed with "| ".
 */
class PrintContext {
  readonly seen = new Set<PyInstance>();
  depth = 0;
  needClose = false;
  out = '';

  indent(): string {
    return ' '.repeat(2 * this.depth);
  }

  emit(text: string, margin = '|'): void {
    const prefix = this.depth > 0 ? `${this.indent()}${margin} ` : '';
    for (const line of text.split(/(?<=\n)/)) if (line) this.out += prefix + line;
  }
}

/** One exception with its chain of causes and contexts; a group with its members below it, boxed. */
function formatChained(exc: PyInstance, stack: readonly TracebackEntry[], source: TracebackSource, ctx: PrintContext): void {
  const chain: { message: string | null; e: PyInstance; stack: readonly TracebackEntry[] }[] = [];
  let e: PyInstance | null = exc;
  while (e && !ctx.seen.has(e)) {
    ctx.seen.add(e);
    const cause = chainedAttr(e, '__cause__');
    const context: PyInstance | null =
      e.dict.map.get('__suppress_context__')?.v === true ? null : chainedAttr(e, '__context__');
    const next: PyInstance | null = cause ?? context;
    chain.push({ message: cause ? causeMessage : context ? contextMessage : null, e, stack });
    e = next;
    stack = next ? (tracebacks.get(next) ?? []) : [];
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i];
    // The message says how this exception relates to the one printed just above it.
    if (link.message !== null) ctx.emit(link.message);
    if (!isExceptionGroup(link.e)) {
      if (link.stack.length > 0) ctx.emit(`Traceback (most recent call last):\n${formatStack(link.stack, source)}`);
      ctx.emit(`${exceptionLine(link.e)}\n`);
    } else if (ctx.depth > MAX_GROUP_DEPTH) {
      ctx.emit(`... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    } else {
      formatGroup(link.e, link.stack, source, ctx);
    }
  }
}

function formatGroup(eg: PyInstance, stack: readonly TracebackEntry[], source: TracebackSource, ctx: PrintContext): void {
  const topLevel = ctx.depth === 0;
  if (topLevel) ctx.depth++;
  if (stack.length > 0) {
    ctx.emit('Exception Group Traceback (most recent call last):\n', topLevel ? '+' : '|');
    ctx.emit(formatStack(stack, source));
  }
  ctx.emit(`${exceptionLine(eg)}\n`);
  const members = groupExceptions(eg);
  const n = Math.min(members.length, MAX_GROUP_WIDTH + 1);
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    // The closing line may be printed by a group nested in the last member instead.
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    ctx.out += `${ctx.indent()}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`;
    ctx.depth++;
    if (!truncated) formatChained(members[i], tracebacks.get(members[i]) ?? [], source, ctx);
    else {
      const more = members.length - MAX_GROUP_WIDTH;
      ctx.emit(`and ${more} more exception${more > 1 ? 's' : ''}\n`);
    }
    if (last && ctx.needClose) {
      ctx.out += `${ctx.indent()}+------------------------------------\n`;
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (topLevel) ctx.depth = 0;
}

/** The whole report of an uncaught exception, without the final newline. */
export function formatException(exc: PyExc, source: TracebackSource): string {
  const ctx = new PrintContext();
  formatChained(exc.value, exc.traceback, source, ctx);
  return ctx.out.slice(0, -1);
}
