// A deadlock: every thread of every process of the run waits, with no timeout, for something
// only another of those threads could do (a lock, a join, an event, a queue). CPython would hang
// for good; the run ends instead, naming each thread and the line it waits at.
//
// A thread marks its slot in the process's words with the program's line while it waits with no
// timeout, and counts every mark and unmark in WAIT_GENERATION. The process's relay thread looks
// every POLL_MS: all its Python threads marked, and the generation unchanged since the last look,
// is "stuck". The supervisor calls it a deadlock once every live process has been stuck for
// QUIET_MS with nothing else happening (no process started or exited, no channel traffic).
import { THREADS_PER_PROCESS, WAIT_GENERATION, WAITING_BASE } from './words';

export const POLL_MS = 250;
export const QUIET_MS = 1000;

export interface StuckThread {
  tid: number;
  /** The program's line the thread waits at (0: not in the program's own code). */
  line: number;
}

/** Runs `wait` (a wait with no timeout) with this thread marked as waiting at `line`. */
export function waitingForever<T>(words: Int32Array, tid: number, line: number, wait: () => T): T {
  const slot = WAITING_BASE + (tid % THREADS_PER_PROCESS);
  // Line 0 still has to read as waiting: the mark is line + 1.
  Atomics.store(words, slot, line + 1);
  Atomics.add(words, WAIT_GENERATION, 1);
  try {
    return wait();
  } finally {
    Atomics.store(words, slot, 0);
    Atomics.add(words, WAIT_GENERATION, 1);
  }
}

/** The process's relay: notices when all of its Python threads have been waiting forever since its last look. */
export class StuckWatch {
  private generation = -1;

  constructor(private readonly words: Int32Array) {}

  /** The stuck threads, or null when at least one of them can still run (or the waits changed since the last look). */
  look(tids: Iterable<number>): StuckThread[] | null {
    const generation = Atomics.load(this.words, WAIT_GENERATION);
    const unchanged = generation === this.generation;
    this.generation = generation;
    const stuck: StuckThread[] = [];
    for (const tid of tids) {
      const mark = Atomics.load(this.words, WAITING_BASE + (tid % THREADS_PER_PROCESS));
      if (mark === 0) return null;
      stuck.push({ tid, line: mark - 1 });
    }
    return unchanged && stuck.length > 0 ? stuck : null;
  }
}

/** The supervisor's side: which processes are stuck, since when, and when anything last happened. */
export class DeadlockWatch {
  private readonly stuck = new Map<number, { since: number; threads: StuckThread[] }>();
  private lastActivity = 0;

  /** A process's report: its stuck threads, or null when it can run again. */
  report(pid: number, threads: StuckThread[] | null, now: number): void {
    if (threads === null) this.stuck.delete(pid);
    else this.stuck.set(pid, { since: now, threads });
  }

  /** Something that may wake a waiting thread happened (a process started or exited, a channel moved). */
  activity(now: number): void {
    this.lastActivity = now;
  }

  /** Every thread of the run's live processes, when all of them have been stuck for QUIET_MS; else null. */
  deadlocked(livePids: number[], now: number): StuckThread[] | null {
    if (livePids.length === 0 || now - this.lastActivity < QUIET_MS) return null;
    const threads: StuckThread[] = [];
    for (const pid of livePids) {
      const s = this.stuck.get(pid);
      if (!s || now - s.since < QUIET_MS) return null;
      threads.push(...s.threads);
    }
    return threads;
  }
}

/**
 * Names each waiting thread and the line of the user's program it waits at (lineMap: the
 * variant's lines to the program's), under its process's name when more than one process waits.
 */
export function deadlockReason(
  stuck: StuckThread[],
  laneOf: (tid: number) => { thread: string; process: string },
  lineMap: number[],
): string {
  const lanes = stuck.map((s) => ({ ...s, ...laneOf(s.tid) }));
  const several = new Set(lanes.map((l) => l.process)).size > 1;
  const waits = lanes.map(({ line, thread, process }) => {
    const at = line ? (lineMap[line - 1] ?? line) : 0;
    return `${several ? `${process}: ` : ''}${thread}${at ? ` at line ${at}` : ''}`;
  });
  const who =
    waits.length === 1
      ? `${waits[0]} waits, with no timeout, for what no other thread is left to do`
      : `every thread waits, with no timeout, for another that is waiting too (${waits.join(', ')})`;
  return `deadlock: ${who}; CPython would wait for good, so the run was stopped`;
}
