// Numbers the panes show, computed from run summaries each time (never stored beside them). The
// speed-up is the engine's (summary.speedup, sequential wall time / this wall time): read, not redone.
import type { Strategy } from '../../../common/program';
import { sumOverThreads } from '../../../common/totals';
import type { RunSummary } from '../../../common/trace';
import type { SessionRecord } from './runs';

export function sessionSummaries(session: SessionRecord | null): RunSummary[] {
  if (!session) return [];
  return session.runs.flatMap((r) => (r.summary ? [r.summary] : []));
}

/** How a run is named beside its strategy's others: "threading", or "threading · CPython" for a measured run. */
export function runName(summary: Pick<RunSummary, 'strategy' | 'measured'>): string {
  return summary.measured ? `${summary.strategy} · CPython` : summary.strategy;
}

/** Wall time of the finished sequential run with the same worker count (the same work), if any. */
export function sequentialBaselineMs(summaries: RunSummary[], workers: number): number | null {
  const base = summaries.find((s) => s.strategy === 'sequential' && s.workers === workers && s.status === 'done');
  return base && base.wallMs > 0 ? base.wallMs : null;
}

export interface ThreadTotals {
  threads: number;
  processes: number;
  /** Sums over the run's threads; null when a thread did not measure it. */
  runningMs: number | null;
  waitMs: number | null;
  ioMs: number | null;
  blockedMs: number | null;
}

export function threadTotals(run: RunSummary): ThreadTotals {
  return {
    threads: run.threads.length,
    processes: new Set(run.threads.map((t) => t.process)).size,
    runningMs: sumOverThreads(run, 'runningMs'),
    waitMs: sumOverThreads(run, 'waitMs'),
    ioMs: sumOverThreads(run, 'ioMs'),
    blockedMs: sumOverThreads(run, 'blockedMs'),
  };
}

export interface ScalingPoint {
  workers: number;
  wallMs: number;
  speedup: number | null;
}

/** Per strategy, its finished runs ordered by worker count: the scaling chart's lines. */
export function scalingSeries(summaries: RunSummary[], options: { measured?: boolean } = {}): Map<Strategy, ScalingPoint[]> {
  const series = new Map<Strategy, ScalingPoint[]>();
  for (const run of summaries) {
    if (run.status !== 'done' || Boolean(run.measured) !== Boolean(options.measured)) continue;
    const points = series.get(run.strategy) ?? [];
    points.push({ workers: run.workers, wallMs: run.wallMs, speedup: run.speedup });
    series.set(run.strategy, points);
  }
  for (const points of series.values()) points.sort((a, b) => a.workers - b.workers);
  return series;
}

/**
 * Perfect parallelism's speed-up: one per worker until the machine runs out of cores, then flat
 * (4 workers on 2 cores can be at most 2× faster). A point at the core count marks the bend.
 */
export function idealSpeedups(workers: readonly number[], cores: number | null): { workers: number; value: number }[] {
  if (workers.length === 0) return [];
  const lo = Math.min(...workers);
  const hi = Math.max(...workers);
  const at = new Set(workers);
  if (cores !== null && cores > lo && cores < hi) at.add(cores);
  return [...at].sort((a, b) => a - b).map((n) => ({ workers: n, value: cores === null ? n : Math.min(n, cores) }));
}

/** A session is a sweep when it asked for more than one worker count. */
export function isSweep(session: SessionRecord | null): boolean {
  return (session?.request.workerCounts.length ?? 0) > 1;
}

export function formatSpeedup(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;
}
