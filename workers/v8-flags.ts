// The V8 flags of the OS processes that play Python processes. Each Python thread is a worker
// thread: a fresh isolate that meets the program's loops cold. With V8's defaults a new thread ran
// its first 2M-iteration loop in ~85 ms of CPU against CPython's 63 ms, interpreting bytecode
// until the loop turned hot, while a background thread compiled it; a thread that ends after one
// task never paid that back. Measured on 2 cores (calc-threads at time scale 0.05):
// - --always-sparkplug compiles baseline machine code at once: a new thread's first loop takes
//   64-71 ms of CPU; 16 threads 1.63 s -> 1.30 s (CPython 1.07 s). Every Python process has it.
// - --no-concurrent-recompilation optimises on the thread that runs the code. Where the program
//   computes on every core at once (processes, free threads, subinterpreters), V8's compiler thread
//   took a core from the program's own: 4 processes 0.22 s -> 0.17 s (CPython 0.15 s), 4 free
//   threads 0.23 s -> 0.18 s. Under one GIL only one thread computes and the compiler has the
//   other core; there the flag made the convoy's I/O thread lose every race for the GIL
//   (~105 echo rounds/s beside a CPU-bound thread, every repeat, against CPython's 1,500-3,500),
//   so a single-GIL run does without it.
// One warm thread's sequential run is the same either way (0.25 s): steady-state code is the same.
import { setFlagsFromString } from 'node:v8';
import type { ThreadingMode } from './messages';

/**
 * Node's options for the OS processes that play Python processes (child_process.fork's execArgv).
 * --v8-pool-size=1: one thread, not four, runs the background work (optimising compiles, GC) of
 * all of a process's isolates. With four, the compiles of 16 fresh threads' isolates ran beside
 * the GIL holder and took its core from it. calc-threads at time scale 0.05 under threading,
 * 4/8/16 workers, against CPython in the same run: +22/+16/+13% -> +7/+4/+3%; multiprocessing
 * and free-threading unchanged (they compile on their own threads). Electron's utility
 * processes run on a platform Electron makes itself, so the desktop shell cannot pass it.
 */
export const ENGINE_NODE_OPTIONS = ['--v8-pool-size=1'];

/** Every Python process's flags, from its start. */
export const ENGINE_V8_FLAGS = ['--always-sparkplug'];

/** How a run's processes compile: the flags they add. */
export interface JitPlan {
  flags: string[];
}

/** A run's plan: synchronous compiles where the program computes on every core at once. */
export function runJitPlan(mode: ThreadingMode, startsProcesses: boolean): JitPlan {
  const everyCore = mode === 'nogil' || mode === 'subinterpreters' || startsProcesses;
  return { flags: everyCore ? ['--no-concurrent-recompilation'] : [] };
}

/** Sets flags for the isolates this process creates from now on (its worker threads). */
export function useV8Flags(flags: string[]): void {
  for (const flag of flags) setFlagsFromString(flag);
}
