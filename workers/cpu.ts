// Real CPU work: a calibrated number of kernel iterations stands for a CPython-equivalent
// millisecond, so more threads than cores really slow down.
import { epochMs } from './clock';

let sink = 0;

/** Computation runs in slices of about 20 µs, with a look at the drop request between them (CPython's eval breaker). */
export const SLICE_US = 20;

export function sliceIterations(itersPerMs: number): number {
  return Math.max(1, Math.round((itersPerMs * SLICE_US) / 1000));
}

/** Runs `iterations` of the kernel (square roots, like the lesson's loop). */
export function burn(iterations: number): void {
  let acc = sink;
  for (let i = 0; i < iterations; i++) acc += Math.sqrt(i + acc * 1e-12);
  sink = acc % 1e6;
}

/** Iterations per millisecond on this core: the best of several timed batches after a warm-up. */
export function calibrate(batches = 12, batchIterations = 200_000): number {
  burn(batchIterations * 4); // let the JIT optimise the kernel first
  let best = 0;
  for (let b = 0; b < batches; b++) {
    const start = epochMs();
    burn(batchIterations);
    const elapsed = epochMs() - start;
    if (elapsed > 0) best = Math.max(best, batchIterations / elapsed);
  }
  return best;
}
