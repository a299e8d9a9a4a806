// What the time cursor shows: for the run it is on, each thread's line at that instant, with the
// thread's name and colour, grouped by line for the editor (several threads on one line: every colour).
import { lanesOf, type RunRecord } from '../../common/run-record';
import type { ThreadState } from '../../common/trace';
import { threadNames } from './console-lines';
import type { LitLine } from './editor/thread-lines';
import { linesAt } from './source-lines';
import { threadColors } from './thread-colors';

export interface CursorThread {
  tid: number;
  /** The thread's name, with its process where names repeat ("Process-1/MainThread"). */
  name: string;
  /** What a chip on the line says: the thread's name, or its process's where thread names repeat. */
  short: string;
  color: string;
  /** The program's line (0: a line the strategy's variant added). */
  line: number;
  /** The line of the run's executed source. */
  sourceLine: number;
  state: ThreadState;
}

/** Each thread of `run` at `us` that is on a known line, in lane order. */
export function cursorThreads(run: RunRecord, us: number): CursorThread[] {
  const colors = threadColors(run);
  const names = threadNames(run);
  const known = new Set(lanesOf(run).map((t) => t.tid));
  return linesAt(run, us)
    .filter((l) => known.has(l.tid))
    .map((l) => {
      const name = names.get(l.tid) ?? { label: `thread ${l.tid}`, short: `thread ${l.tid}` };
      return { ...l, name: name.label, short: name.short, color: colors.get(l.tid) ?? '' };
    });
}

/** The lines to light, one entry per line, its threads in lane order; `of` picks the program's lines or the executed source's. */
export function litLines(threads: readonly CursorThread[], of: 'program' | 'source'): LitLine[] {
  const byLine = new Map<number, LitLine>();
  for (const t of threads) {
    const line = of === 'program' ? t.line : t.sourceLine;
    if (line <= 0) continue;
    const entry = byLine.get(line) ?? { line, threads: [] };
    entry.threads.push({ tid: t.tid, name: t.short, color: t.color });
    byLine.set(line, entry);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
