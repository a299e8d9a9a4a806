// Small pieces of a thread's host that need none of its state: which prelude modules a program
// imports, and a lane's totals (a thread's or an asyncio task's).
import type { CompiledModule } from './interpreter/compile';
import type { Interpreter } from './interpreter/interpreter';
import type { ThreadStats } from './messages';
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

/**
 * A prelude module another thread compiled when it first imported it (inside a function, so not
 * before the run), met in a heap change: compiled here too, the same source giving the same code ids.
 */
export function compilePrelude(interp: Interpreter, prelude: Record<string, string>, file: string): CompiledModule | undefined {
  const name = /^<gil-lab:(.+)>$/.exec(file)?.[1];
  if (name === undefined || prelude[name] === undefined) return undefined;
  return interp.compile(prelude[name], file, name);
}
