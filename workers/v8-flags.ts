// The V8 flags of every OS process that plays a Python process. Each Python thread is a worker
// thread: a fresh isolate that meets the program's loops cold. With V8's defaults a new thread ran
// its first 2M-iteration loop in ~85 ms of CPU against CPython's 63 ms, interpreting bytecode
// until the loop turned hot, while a background thread compiled it on a core the program's other
// threads were using; a thread that ends after one task never paid that back. Measured on 2
// cores (calc-threads at time scale 0.05, 4 and 16 workers):
// - --always-sparkplug compiles baseline machine code at once: a new thread's loop takes
//   64-71 ms of CPU; 16 threads 1.63 s -> 1.30 s (CPython 1.07 s).
// - --no-concurrent-recompilation optimises on the thread that runs the code, so no compiler
//   thread competes with the program's own: 4 processes 0.27 s -> 0.17 s (CPython 0.15 s),
//   4 free threads 0.25 s -> 0.18 s. Alone (without baseline code) it slowed threading.
// One warm thread's sequential run is unchanged (0.25 s): steady-state code is the same.
import { setFlagsFromString } from 'node:v8';

export const ENGINE_V8_FLAGS = ['--always-sparkplug', '--no-concurrent-recompilation'];

/** Sets the flags for the isolates this process creates from now on (its worker threads). */
export function useEngineV8Flags(): void {
  for (const flag of ENGINE_V8_FLAGS) setFlagsFromString(flag);
}
