// Small pieces of a thread's host that need none of its state: which prelude modules a program
// imports, and a lane's totals (a thread's or an asyncio task's).
import { parseModule } from '../common/python/ast';
import type { Module } from '../common/python/ast-nodes';
import type { CompiledModule } from './interpreter/compile';
import type { Interpreter } from './interpreter/interpreter';
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
 * The prelude modules a source imports, and the ones those import at their top level, found by
 * their import lines. A prelude module's import inside a function (multiprocessing's Value and
 * Manager) is left until it runs, as in CPython: a program that never calls it carries none of it.
 */
export function preludeNeeds(source: string, prelude: Record<string, string>): string[] {
  const needed = new Set<string>();
  const visit = (text: string, own: boolean) => {
    const imports = own ? /^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w., ]+))/gm : /^(?:from\s+([\w.]+)\s+import|import\s+([\w., ]+))/gm;
    for (const m of text.matchAll(imports)) {
      const names = m[1] ? [m[1]] : m[2].split(',').map((x) => x.trim().split(/\s+/)[0]);
      for (const name of names) {
        for (const candidate of [name, name.split('.')[0]]) {
          if (prelude[candidate] === undefined || needed.has(candidate)) continue;
          needed.add(candidate);
          visit(prelude[candidate], false);
        }
      }
    }
  };
  visit(source, true);
  return [...needed];
}

/** A prelude module's file name, as tracebacks show it. */
export const preludeFile = (name: string): string => `<gil-lab:${name}>`;

/** Prelude modules parsed before, by name: their text never changes while the engine runs. */
const parsedPrelude = new Map<string, Module>();

/**
 * The program and the prelude modules it needs, parsed once for the run: every warm thread of
 * every process would otherwise parse them again in a cold isolate (~35 ms each for threading's).
 * What does not parse is left out: the thread that compiles it reports the SyntaxError.
 */
export function parseForRun(
  source: string,
  file: string,
  prelude: Record<string, string>,
  /** The program already parsed (the engine parses each variant): not parsed again. */
  program?: Module,
): ParsedSources {
  const parsed: ParsedSources = {};
  if (program) parsed[file] = program;
  else {
    const p = parseModule(source);
    if (p.ok) parsed[file] = p.module;
  }
  for (const name of preludeNeeds(source, prelude)) {
    let module = parsedPrelude.get(name);
    if (module === undefined) {
      const p = parseModule(prelude[name]);
      if (!p.ok) continue;
      module = p.module;
      parsedPrelude.set(name, module);
    }
    parsed[preludeFile(name)] = module;
  }
  return parsed;
}

/**
 * A prelude module another thread compiled when it first imported it (inside a function, so not
 * before the run), met in a heap change: compiled here too, the same source giving the same code ids.
 */
export function compilePrelude(interp: Interpreter, prelude: Record<string, string>, file: string): CompiledModule | undefined {
  const name = /^<gil-lab:(.+)>$/.exec(file)?.[1];
  if (name === undefined || prelude[name] === undefined) return undefined;
  return interp.compile(prelude[name], file, name);
}
