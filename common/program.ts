// A program is what the user runs: a main thread plus named tasks, in the words of
// the lesson (threading.Thread(target=task).start(), time.sleep, print, join).

/** One step of a task or of the main thread. Durations are CPython-equivalent milliseconds. */
export type ProgramStep =
  /** Pure-Python computation: needs the GIL. `ms` is how long CPython takes for it on one core. */
  | { op: 'cpu'; ms: number }
  /** A blocking call (socket read, file read): releases the GIL while it waits. */
  | { op: 'io'; ms: number }
  /** time.sleep: releases the GIL, like any blocking call. */
  | { op: 'sleep'; ms: number }
  | { op: 'print'; text: string }
  /** A loop: the steps `times` times, or (with `forMs`) until that much time has passed since the loop began. */
  | { op: 'repeat'; times?: number; forMs?: number; steps: ProgramStep[] }
  /** Main thread only: start `copies` instances of a task ("workers" = one per worker). */
  | { op: 'start'; task: string; copies?: number | 'workers' }
  /** Main thread only: wait for every task started so far (or only those of `task`). */
  | { op: 'join'; task?: string };

export interface Program {
  name: string;
  /** One line: what the program teaches. */
  description: string;
  main: ProgramStep[];
  tasks: Record<string, ProgramStep[]>;
}

export const strategies = [
  'sequential',
  'threading',
  'multiprocessing',
  'asyncio',
  'free-threading',
  'subinterpreters',
] as const;
export type Strategy = (typeof strategies)[number];

export const gilModels = ['new', 'old'] as const;
export type GilModel = (typeof gilModels)[number];

export const strategyDescriptions: Record<Strategy, string> = {
  sequential: 'one thread: each started task runs to completion before the next line',
  threading: 'one process, one thread per task (a pool of N), one shared GIL',
  multiprocessing: 'one process per task (a pool of N), one GIL each',
  asyncio: 'one thread running an event loop: I/O awaits, CPU work blocks the loop',
  'free-threading': 'one process, one thread per task, no GIL (CPython 3.13t)',
  subinterpreters: 'one process, one interpreter per task, one GIL per interpreter (3.12+)',
};
