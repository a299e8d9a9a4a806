// A program is Python source: one of the lesson's cells, a teacher's own file, or what was typed
// in the editor. GIL Lab runs it on its simulated GIL (and, where asked, in real CPython).

export interface Program {
  /** Short name: a preset's, or the file's without .py. */
  name: string;
  /** One line: what the program teaches. */
  description: string;
  /** The file name tracebacks and the source view show, e.g. car_truck.py. */
  file: string;
  source: string;
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
