// What every warm thread made before a run does before it: the paths a new Python thread or a
// forked child takes first, run once so V8 has compiled them. Measured with warm-up.py alone:
// 4 free threads 190 -> 172 ms, 16 free threads 724 -> 690 ms (medians of 5). Under one GIL it
// was left out once, when the compiles it queued ran in the run beside the GIL holder (16
// threads: 1,195 -> 1,255 ms); it is back there for thread starts, which it cut by about a
// quarter (four starts one after another, the machine under load: 22-50 -> 18-44 ms, measured
// while the MainThread still announced its modules before t0).
import { HeapLog, newHeapLogBuffer } from './heap-log';
import { restore, snapshot } from './interpreter/heap-codec';
import { SharedHeap } from './interpreter/heap';
import type { Interpreter } from './interpreter/interpreter';
import { PyDict, type PyValue } from './interpreter/objects';
import { runStandalone, standaloneResolver } from './interpreter/standalone';
import warmUpSource from './warm-up.py?raw';

/**
 * Runs warm-up.py in an interpreter of its own, then copies its modules as a fork does, so a
 * parent's first snapshot and a child's first restore run compiled code (measured with one child:
 * snapshot 2.0–2.6 → 1.4–1.6 ms, restore 4.7–7.6 → 3.7–4.4 ms). Returns the run and its copy.
 */
export function warmUp(): { run: ReturnType<typeof runStandalone>; copy: PyValue } {
  const run = runStandalone(warmUpSource, { file: '<gil-lab:warm-up>' });
  const [copy] = restore(snapshot([run.interp.modules]), standaloneResolver(run.interp));
  shareAsAThreadStartDoes(run.interp);
  return { run, copy };
}

/**
 * What the first thread start does with the modules: one thread announces them in a heap log, a
 * thread that starts replays them. Cold, a replay took ~20-35 µs an op (~200 ops for threading).
 */
function shareAsAThreadStartDoes(interp: Interpreter): void {
  const buffer = newHeapLogBuffer();
  const announcing = new SharedHeap(standaloneResolver(interp), 1, interp.modules);
  announcing.shareAll(interp.modules);
  const ops = announcing.takePending();
  if (ops) new HeapLog(buffer, 1).append(ops);
  const replaying = new SharedHeap(standaloneResolver(interp, false), 2, new PyDict());
  for (const batch of new HeapLog(buffer, 2).read()) replaying.apply(batch);
}
