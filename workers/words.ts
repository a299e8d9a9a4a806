// The layout of a process's shared words: counters, lock words and process handles. Every
// Python thread of the process maps the same SharedArrayBuffer.
export const NEXT_TID = 0;
export const NEXT_LOCK = 1;
export const NEXT_HANDLE = 2;
export const NEXT_GIL = 3;
/** sys.setswitchinterval, for every thread of the process: microseconds. */
export const SWITCH_INTERVAL_US = 4;
/** Shared-memory slots (multiprocessing.Value, Array) this process has allocated: see shared-memory.ts. */
export const NEXT_SLOT = 5;
/** Counts every start and end of a wait with no timeout (deadlock.ts). */
export const WAIT_GENERATION = 6;
/** sys.setrecursionlimit, for every thread of the process (0: CPython's default, 1000). */
export const RECURSION_LIMIT_WORD = 7;
export const LOCK_BASE = 16;
export const LOCK_COUNT = 1 << 16;
/** A process handle (a child started by this process) is two words: exited (0/1) and exit code. */
export const HANDLE_BASE = LOCK_BASE + LOCK_COUNT;
export const HANDLE_COUNT = 4096;
/** The random module's Mersenne Twister, shared by the threads of a process as CPython's is: 624 words, index, seeded flag. */
export const RANDOM_BASE = HANDLE_BASE + 2 * HANDLE_COUNT;
export const RANDOM_WORDS = 626;
/** Threads a process may start; tids of a process are its tidBase + 0 … THREADS_PER_PROCESS - 1. */
export const THREADS_PER_PROCESS = 4096;
/** A word per thread: 0, or the program's line + 1 while the thread waits with no timeout (deadlock.ts). */
export const WAITING_BASE = RANDOM_BASE + RANDOM_WORDS;
export const WORD_COUNT = WAITING_BASE + THREADS_PER_PROCESS;
/** GILs a process may hold: its main interpreter's, and one per subinterpreter. */
export const GILS_PER_PROCESS = 257;

export function newWords(): SharedArrayBuffer {
  return new SharedArrayBuffer(WORD_COUNT * Int32Array.BYTES_PER_ELEMENT);
}
