// Numbers over a run's threads and how they read: shared by the window and the CLI.
import type { RunSummary, ThreadSummary } from './trace';

type ThreadNumber = {
  [K in keyof ThreadSummary]: ThreadSummary[K] extends number | null ? K : never;
}[keyof ThreadSummary];

/** A thread's summary when it reported nothing: every number null (not measured), never 0. */
export function unmeasuredThread(tid: number, name: string, process: string): ThreadSummary {
  return {
    tid,
    name,
    process,
    runningMs: null,
    onCpuMs: null,
    waitMs: null,
    ioMs: null,
    blockedMs: null,
    startingMs: null,
    ioCount: null,
    endMs: null,
  };
}

/** The sum of one number over the run's threads; null when a thread did not measure it (never a smaller sum). */
export function sumOverThreads(run: RunSummary, field: Exclude<ThreadNumber, 'tid'>): number | null {
  let sum = 0;
  for (const thread of run.threads) {
    const value = thread[field];
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/** A duration in ms as people read it: "8.4 ms", "171 ms", "2.28 s", "12.3 s". */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}
