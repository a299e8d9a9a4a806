// One clock for every thread and process: epoch milliseconds from the monotonic clock.
// (performance.timeOrigin + performance.now() agrees across threads and processes within ~0.3 ms.)
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

const parked = new Int32Array(new SharedArrayBuffer(4));

/**
 * Blocks this thread until `deadlineMs` (epoch). Sleeps in Atomics.wait for the bulk and spins
 * the last stretch, because a wait wakes up to ~0.1 ms late and short I/O waits are microseconds.
 */
export function blockUntil(deadlineMs: number): void {
  for (;;) {
    const remaining = deadlineMs - epochMs();
    if (remaining <= 0) return;
    if (remaining > 1.5) Atomics.wait(parked, 0, 0, remaining - 1);
  }
}
