// Small pieces of a thread's host that need none of its state: which prelude modules a program
// imports, and the totals of an asyncio task's lane.
import type { ThreadStats } from './messages';
import { BLOCKED, IO, RUNNING, STARTING, WAITING, type Recorder } from './recorder';

/** A task lane's totals: it has no CPU clock or GIL of its own (its thread has). */
export function laneStats(r: Recorder): ThreadStats {
  return {
    tid: r.tid,
    startingUs: r.totalsUs[STARTING],
    runningUs: r.totalsUs[RUNNING],
    waitUs: r.totalsUs[WAITING],
    ioUs: r.totalsUs[IO],
    blockedUs: r.totalsUs[BLOCKED],
    onCpuUs: null,
    ioCount: r.ioCount,
    endUs: r.lastActiveUs,
    handoffs: 0,
    forcedSwitches: 0,
    truncated: r.truncated,
    behindMs: 0,
  };
}

/** The prelude modules a source imports, and the ones those import, found by their import lines. */
export function preludeNeeds(source: string, prelude: Record<string, string>): string[] {
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const m of text.matchAll(/^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w., ]+))/gm)) {
      const names = m[1] ? [m[1]] : m[2].split(',').map((x) => x.trim().split(/\s+/)[0]);
      for (const name of names) {
        for (const candidate of [name, name.split('.')[0]]) {
          if (prelude[candidate] === undefined || needed.has(candidate)) continue;
          needed.add(candidate);
          visit(prelude[candidate]);
        }
      }
    }
  };
  visit(source);
  return [...needed];
}
