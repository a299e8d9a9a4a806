// What a warm thread of a multi-core run does before the run (JitPlan's warmUp): the paths a new
// Python thread or a forked child takes first, run once so V8 has compiled them.
import { restore, snapshot } from './interpreter/heap-codec';
import { runStandalone, standaloneResolver } from './interpreter/standalone';
import type { PyValue } from './interpreter/objects';
import warmUpSource from './warm-up.py?raw';

/**
 * Runs warm-up.py in an interpreter of its own, then copies its modules as a fork does, so a
 * parent's first snapshot and a child's first restore run compiled code (measured with one child:
 * snapshot 2.0–2.6 → 1.4–1.6 ms, restore 4.7–7.6 → 3.7–4.4 ms). Returns the run and its copy.
 */
export function warmUp(): { run: ReturnType<typeof runStandalone>; copy: PyValue } {
  const run = runStandalone(warmUpSource, { file: '<gil-lab:warm-up>' });
  const [copy] = restore(snapshot([run.interp.modules]), standaloneResolver(run.interp));
  return { run, copy };
}
