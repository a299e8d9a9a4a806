// One program, every strategy: the Python each strategy runs. A program written with threads
// runs under multiprocessing with Process in place of Thread (as the lesson's two calc() cells);
// one written with processes runs under threading the other way round; free-threading and
// subinterpreters run the threading source under other rules; sequential runs each started
// thread to completion at start(); asyncio runs the coroutine variant (asyncio-variant.ts).
import type { Strategy } from '../program';
import { walk, type Expr, type Module, type Stmt } from './ast';
import { asyncioVariant } from './asyncio-variant';
import { applyEdits, type Edit } from './edits';

/** How a run's Python threads relate; the engine enforces it (see workers/messages.ts). */
export type ThreadingMode = 'gil' | 'nogil' | 'subinterpreters' | 'sequential';

export interface Variant {
  strategy: Strategy;
  /** The Python this strategy runs. */
  source: string;
  mode: ThreadingMode;
  /** For each line of `source` (index = line - 1), the program's own line (0: a line the variant added). */
  lineMap: number[];
  /** One line on what this strategy does with the program, for the source view. */
  note: string;
}

export type VariantResult = { ok: true; variant: Variant } | { ok: false; reason: string };

/** What a program is written with. */
export interface ProgramStyle {
  threads: boolean;
  processes: boolean;
  asyncio: boolean;
}

const threadNames = ['Thread', 'ThreadPoolExecutor', 'Timer'];
const processNames = ['Process', 'Pool', 'ProcessPoolExecutor'];

export function styleOf(module: Module): ProgramStyle {
  const style: ProgramStyle = { threads: false, processes: false, asyncio: false };
  for (const n of walk(module.body)) {
    const name = n.kind === 'Name' ? n.id : n.kind === 'Attribute' ? n.attr : null;
    if (name && threadNames.includes(name)) style.threads = true;
    if (name && processNames.includes(name)) style.processes = true;
    if (n.kind === 'FunctionDef' && n.isAsync) style.asyncio = true;
    if (n.kind === 'Import' && n.names.some((a) => a.name === 'asyncio')) style.asyncio = true;
    if (n.kind === 'ImportFrom' && n.module === 'asyncio') style.asyncio = true;
  }
  return style;
}

interface Rename {
  /** Attribute form: module.Name -> module.Other. */
  from: [string, string];
  to: [string, string];
}

// What threads share to work together becomes what processes share, as a person moving the
// program to processes would write it: a queue.Queue or a threading.Lock copied into each child
// would leave the children waiting on their own copies. (Plain objects stay copies: that is the
// lesson of multiprocessing.)
const toProcesses: Rename[] = [
  { from: ['threading', 'Thread'], to: ['multiprocessing', 'Process'] },
  { from: ['concurrent.futures', 'ThreadPoolExecutor'], to: ['concurrent.futures', 'ProcessPoolExecutor'] },
  { from: ['queue', 'Queue'], to: ['multiprocessing', 'JoinableQueue'] },
  { from: ['threading', 'Lock'], to: ['multiprocessing', 'Lock'] },
  { from: ['threading', 'RLock'], to: ['multiprocessing', 'RLock'] },
  { from: ['threading', 'Event'], to: ['multiprocessing', 'Event'] },
];
const toThreads: Rename[] = [
  { from: ['multiprocessing', 'Process'], to: ['threading', 'Thread'] },
  { from: ['concurrent.futures', 'ProcessPoolExecutor'], to: ['concurrent.futures', 'ThreadPoolExecutor'] },
  { from: ['multiprocessing', 'Pool'], to: ['multiprocessing.pool', 'ThreadPool'] },
];

/**
 * Module-level imports: which local names stand for which module, and which for which module's
 * name; `last` ends the program's opening block (its docstring and first imports): the variant's
 * own imports go there, before any code that could use them.
 */
function importsOf(module: Module): { modules: Map<string, string>; names: Map<string, [string, string]>; star: Set<string>; last: Stmt | null } {
  const modules = new Map<string, string>();
  const names = new Map<string, [string, string]>();
  const star = new Set<string>();
  let last: Stmt | null = null;
  let opening = true;
  module.body.forEach((s, i) => {
    const isImport = s.kind === 'Import' || s.kind === 'ImportFrom';
    const docstring = i === 0 && s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str';
    if (!isImport && !docstring) opening = false;
    if (s.kind === 'Import') {
      for (const a of s.names) modules.set(a.asname ?? a.name.split('.')[0], a.asname ? a.name : a.name.split('.')[0]);
    } else if (s.kind === 'ImportFrom') {
      for (const a of s.names) {
        if (a.name === '*') star.add(s.module);
        else names.set(a.asname ?? a.name, [s.module, a.name]);
      }
    }
    if ((isImport || docstring) && opening) last = s;
  });
  return { modules, names, star, last };
}

/** Rewrites each use of a class from one module as the other module's class, adding the imports it needs. */
function renameClasses(source: string, module: Module, renames: Rename[]): { source: string; lineMap: number[]; changed: boolean } {
  const { modules, names, star, last } = importsOf(module);
  const edits: Edit[] = [];
  const imports = new Set<string>();
  const resolvesTo = (local: string, mod: string, name: string) => {
    const imported = names.get(local);
    if (imported) return imported[0] === mod && imported[1] === name;
    return local === name && star.has(mod);
  };
  for (const n of walk(module.body)) {
    for (const r of renames) {
      const [mod, name] = r.from;
      const [toMod, toName] = r.to;
      if (n.kind === 'Attribute' && n.attr === name && dottedName(n.value) !== null && modules.get(dottedName(n.value)!.split('.')[0]) !== undefined) {
        const base = dottedName(n.value)!;
        const resolved = base.replace(/^[^.]+/, (first) => modules.get(first)!);
        if (resolved !== mod) continue;
        edits.push({ line: n.line, col: n.col, endLine: n.endLine, endCol: n.endCol, text: `${toMod}.${toName}` });
        imports.add(`import ${toMod}`);
      } else if (n.kind === 'Name' && resolvesTo(n.id, mod, name)) {
        edits.push({ line: n.line, col: n.col, endLine: n.endLine, endCol: n.endCol, text: toName });
        imports.add(`from ${toMod} import ${toName}`);
      }
    }
  }
  if (edits.length === 0) return { source, lineMap: source.split('\n').map((_, i) => i + 1), changed: false };
  // The imports the new names need, on lines of their own after the program's last import.
  const at = last ? last.endLine : 0;
  const present = new Set(source.split('\n').map((l) => l.trim()));
  const added = [...imports].filter((i) => !present.has(i));
  if (added.length > 0) edits.push({ line: at + 1, col: 0, endLine: at + 1, endCol: 0, text: `${added.join('\n')}\n`, insertLines: added.length });
  const out = applyEdits(source, edits);
  return { ...out, changed: true };
}

function dottedName(e: Expr): string | null {
  if (e.kind === 'Name') return e.id;
  if (e.kind === 'Attribute') {
    const base = dottedName(e.value);
    return base === null ? null : `${base}.${e.attr}`;
  }
  return null;
}

const notes: Record<Strategy, string> = {
  sequential: 'sequential: one thread — each Thread.start() runs its target to the end before start() returns',
  threading: 'threading: one process, a thread per task, one GIL shared by all of them',
  multiprocessing: 'multiprocessing: a process per task (started as with fork: it begins with a copy of the parent\'s objects), a GIL each',
  asyncio: 'asyncio: one thread running an event loop — awaiting a sleep lets another coroutine run, computing blocks them all',
  'free-threading': 'free-threading (python3.13t): one process, a thread per task, no GIL',
  subinterpreters: 'subinterpreters: one process, an interpreter per thread (its own GIL and its own copy of the modules)',
};

/** Why each of these strategies that cannot express the program cannot (the editor's and the CLI's defaults). */
export function strategyRefusals(source: string, module: Module, strategies: readonly Strategy[]): Map<Strategy, string> {
  const refusals = new Map<Strategy, string>();
  for (const strategy of strategies) {
    const v = variantFor(source, module, strategy);
    if (!v.ok) refusals.set(strategy, v.reason);
  }
  return refusals;
}

/** The Python a strategy runs for this program, or why that strategy cannot express it. */
export function variantFor(source: string, module: Module, strategy: Strategy): VariantResult {
  const style = styleOf(module);
  const identity = (mode: ThreadingMode): VariantResult => ({
    ok: true,
    variant: { strategy, source, mode, lineMap: source.split('\n').map((_, i) => i + 1), note: notes[strategy] },
  });
  if (strategy === 'asyncio') {
    if (style.asyncio) return identity('gil');
    const converted = asyncioVariant(source, module);
    if (!converted.ok) return converted;
    return { ok: true, variant: { strategy, source: converted.source, lineMap: converted.lineMap, mode: 'gil', note: notes.asyncio } };
  }
  if (style.asyncio && !style.threads && !style.processes) {
    if (strategy === 'sequential') return identity('sequential');
    return { ok: false, reason: `this program is written with asyncio: its coroutines need an event loop, so ${strategy} cannot run them as they are` };
  }
  const mode: ThreadingMode = strategy === 'free-threading' ? 'nogil' : strategy === 'subinterpreters' ? 'subinterpreters' : strategy === 'sequential' ? 'sequential' : 'gil';
  const renamed = renameClasses(source, module, strategy === 'multiprocessing' ? toProcesses : toThreads);
  return { ok: true, variant: { strategy, source: renamed.source, lineMap: renamed.lineMap, mode, note: notes[strategy] } };
}
