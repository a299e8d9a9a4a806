// Small pieces of a thread's host that need none of its state: which prelude modules a program
// imports, and a lane's totals (a thread's or an asyncio task's).
import { parseModule, walk } from '../common/python/ast';
import type { Module, Stmt } from '../common/python/ast-nodes';
import type { ParsedSources, ThreadStats } from './messages';
import { BLOCKED, IO, RUNNING, STARTING, WAITING, type Recorder } from './recorder';

/** What a thread's totals have beyond its recorder's: its CPU clock, its GIL's counts, its lag. */
export type OwnStats = Pick<ThreadStats, 'onCpuUs' | 'handoffs' | 'forcedSwitches' | 'behindMs'>;

/** An asyncio task's lane has no CPU clock or GIL of its own (its thread has). */
const TASK_LANE: OwnStats = { onCpuUs: null, handoffs: 0, forcedSwitches: 0, behindMs: 0 };

/** A lane's totals, from its recorder and what its thread has of its own (a task lane: nothing). */
export function laneStats(r: Recorder, own: OwnStats = TASK_LANE): ThreadStats {
  return {
    tid: r.tid,
    startingUs: r.totalsUs[STARTING],
    runningUs: r.totalsUs[RUNNING],
    waitUs: r.totalsUs[WAITING],
    ioUs: r.totalsUs[IO],
    blockedUs: r.totalsUs[BLOCKED],
    onCpuUs: own.onCpuUs,
    ioCount: r.ioCount,
    endUs: r.lastActiveUs,
    handoffs: own.handoffs,
    forcedSwitches: own.forcedSwitches,
    truncated: r.truncated,
    behindMs: own.behindMs,
  };
}

/**
 * The prelude modules a program imports (at any depth of its own code), and the ones those import
 * when they are imported (their top level, class bodies and top-level ifs and trys, from their
 * syntax trees). `from asyncio import base_events` names a submodule as well as a package. A
 * prelude module's import inside a function (multiprocessing's Value and Manager) is left until it
 * runs, as in CPython: a program that never calls it carries none of it. With `later`, those
 * imports are followed too: what the program may import while it runs.
 */
export function preludeNeeds(program: Module, prelude: Record<string, string>, later = false): string[] {
  const needed = new Set<string>();
  const visit = (imports: Iterable<Stmt>) => {
    for (const statement of imports)
      for (const name of importedModules(statement)) {
        if (prelude[name] === undefined || needed.has(name)) continue;
        const module = parsedPreludeModule(name, prelude);
        if (!module) continue;
        needed.add(name);
        visit(later ? allImports(module.body) : importsAtImport(module.body));
      }
  };
  visit(allImports(program.body));
  return [...needed];
}

function* allImports(body: Stmt[]): Generator<Stmt> {
  for (const node of walk(body)) if (node.kind === 'Import' || node.kind === 'ImportFrom') yield node as Stmt;
}

/** The imports a module runs when it is imported: not those in its functions' bodies. */
function* importsAtImport(body: Stmt[]): Generator<Stmt> {
  for (const s of body)
    switch (s.kind) {
      case 'Import':
      case 'ImportFrom':
        yield s;
        break;
      case 'ClassDef':
      case 'With':
        yield* importsAtImport(s.body);
        break;
      case 'If':
      case 'For':
      case 'While':
        yield* importsAtImport([...s.body, ...s.orelse]);
        break;
      case 'Try':
        yield* importsAtImport([...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody]);
    }
}

/** The modules an import statement may load: `import a.b` loads a and a.b; `from a import b`, a and a.b if b is a module. */
function importedModules(s: Stmt): string[] {
  const withPackages = (name: string) => name.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
  if (s.kind === 'Import') return s.names.flatMap((a) => withPackages(a.name));
  if (s.kind === 'ImportFrom' && s.level === 0)
    return [...withPackages(s.module), ...s.names.filter((a) => a.name !== '*').map((a) => `${s.module}.${a.name}`)];
  return [];
}

/** A prelude module's file name, as tracebacks show it. */
export const preludeFile = (name: string): string => `<gil-lab:${name}>`;

/** The prelude module a file name names (undefined for the program's own file). */
export const preludeName = (file: string): string | undefined => /^<gil-lab:(.+)>$/.exec(file)?.[1];

/** Prelude modules parsed before, by name: their text never changes while the engine runs. */
const parsedPrelude = new Map<string, Module | null>();

/** A prelude module's syntax tree, parsed once while the engine runs (null if it does not parse). */
function parsedPreludeModule(name: string, prelude: Record<string, string>): Module | null {
  let module = parsedPrelude.get(name);
  if (module === undefined) {
    const p = parseModule(prelude[name]);
    module = p.ok ? p.module : null;
    parsedPrelude.set(name, module);
  }
  return module;
}

/**
 * The program and the prelude modules it may import, parsed once for the run: every warm thread of
 * every process compiles the program and what its imports load before the run (it would otherwise
 * parse them again in a cold isolate, ~35 ms each for threading's), and the rest from these trees
 * when an import inside a function first needs them. A program that does not parse is left out:
 * the thread that compiles it reports the SyntaxError.
 */
export function parseForRun(
  source: string,
  file: string,
  prelude: Record<string, string>,
  /** The program already parsed (the engine parses each variant): not parsed again. */
  program?: Module,
): ParsedSources {
  const parsed: ParsedSources = { modules: {}, before: [] };
  if (!program) {
    const p = parseModule(source);
    if (!p.ok) return parsed;
    program = p.module;
  }
  parsed.modules[file] = program;
  for (const name of preludeNeeds(program, prelude, true)) parsed.modules[preludeFile(name)] = parsedPreludeModule(name, prelude)!;
  parsed.before = [file, ...preludeNeeds(program, prelude).map(preludeFile)];
  return parsed;
}
