// The lesson's words (its glossary, lightly edited) and what the runs on screen show about them.
import type { Strategy } from '../../common/program';
import type { RunSummary } from '../../common/trace';
import { formatMs } from '../../common/totals';
import { formatSpeedup, sequentialBaselineMs, threadTotals } from './store/derive';

export interface Term {
  word: string;
  definition: string;
}

export const lessonTerms: Term[] = [
  {
    word: 'Concurrency',
    definition:
      'Tasks that make progress in overlapping periods, in a different order on every run, without changing the outcome. They may take turns.',
  },
  { word: 'Parallelism', definition: 'Running two or more things at the very same time, on different cores.' },
  { word: 'Thread', definition: 'A line of code execution that can run on one of the computer’s cores.' },
  {
    word: 'Process',
    definition:
      'One or more threads and the resources they need: memory, files, network connections, the cores they run on.',
  },
  {
    word: 'GIL',
    definition:
      'The Global Interpreter Lock: one per Python process. Only the thread that holds it executes Python code.',
  },
  {
    word: 'CPU-bound',
    definition:
      'Work that keeps the processor busy: arithmetic, searching, image processing. Only more cores make it faster.',
  },
  {
    word: 'I/O-bound',
    definition: 'Work that mostly waits for a user, a file, a database or the network. Waiting releases the GIL.',
  },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;

/** Close enough to sequential that the difference is noise, not a speed-up. */
const sameAsSequential = (speedup: number) => speedup > 0.87 && speedup < 1.15;

/** Without a sequential run, parallel strategies are measured against threading, the usual alternative. */
function againstThreading(run: RunSummary, summaries: RunSummary[]): string {
  if (run.strategy === 'threading' || run.strategy === 'sequential') return '';
  const threading = summaries.find(
    (s) => s.strategy === 'threading' && s.workers === run.workers && s.status === 'done',
  );
  if (!threading || !(run.wallMs > 0)) return '';
  const ratio = threading.wallMs / run.wallMs;
  if (sameAsSequential(ratio)) return ` ≈ threading ${formatMs(threading.wallMs)}`;
  return ratio > 1
    ? `, ${formatSpeedup(ratio)} faster than threading`
    : `, slower than threading ${formatMs(threading.wallMs)}`;
}

function comparison(speedup: number | null, baseMs: number | null): string {
  if (speedup === null || baseMs === null) return '';
  if (sameAsSequential(speedup)) return ` ≈ sequential ${formatMs(baseMs)}`;
  return speedup > 1
    ? `, ${formatSpeedup(speedup)} faster than sequential`
    : `, slower than sequential ${formatMs(baseMs)}`;
}

/** One sentence per run: what happened, in the lesson's words. */
export function describeRun(run: RunSummary, summaries: RunSummary[]): string {
  const label =
    summaries.filter((s) => s.strategy === run.strategy).length > 1
      ? `${run.strategy} (${plural(run.workers, 'worker')})`
      : run.strategy;
  if (run.status === 'cancelled') return `${label}: cancelled after ${formatMs(run.wallMs)}.`;
  if (run.status === 'failed') return `${label}: failed — ${run.reason ?? 'no reason given'}.`;

  const { speedup } = run;
  const baseMs = sequentialBaselineMs(summaries, run.workers);
  const wall = `wall time ${formatMs(run.wallMs)}${baseMs === null ? againstThreading(run, summaries) : comparison(speedup, baseMs)}`;
  const { runningMs, waitMs, ioMs, blockedMs } = threadTotals(run);
  // Shares of the threads' running, waiting, I/O and blocked time together (0 when not measured).
  const busy = (runningMs ?? 0) + (waitMs ?? 0) + (ioMs ?? 0) + (blockedMs ?? 0);
  const waitShare = busy > 0 && waitMs !== null ? Math.round((waitMs / busy) * 100) : 0;
  const ioShare = busy > 0 && ioMs !== null ? ioMs / busy : 0;
  const threadingMs = summaries.find(
    (s) => s.strategy === 'threading' && s.workers === run.workers && s.status === 'done',
  )?.wallMs;
  // Faster than sequential, or (with no sequential run) faster than threads under one GIL.
  const parallel = speedup !== null ? speedup >= 1.15 : threadingMs !== undefined && threadingMs / run.wallMs >= 1.15;
  const n = run.workers;

  const explain: Record<Strategy, () => string> = {
    sequential: () =>
      `one thread ran every task one after another in ${formatMs(run.wallMs)}: the baseline the others are measured against.`,
    threading: () => {
      const turns = `${plural(n, 'thread')} shared one GIL, which changed hands ${run.handoffs} times (${run.forcedSwitches} forced switches); ${wall}`;
      if (speedup !== null && sameAsSequential(speedup))
        return `${turns}: CPU-bound threads take turns — concurrency without parallelism${waitShare ? ` (${waitShare}% of the threads' time spent waiting for the GIL)` : ''}.`;
      if (parallel && ioShare >= 0.1)
        return `${turns}: while one thread waited on I/O another held the GIL, so I/O-bound threads overlap.`;
      if (parallel)
        return `${turns}: with one GIL only one thread computes at a time, so the difference is not parallelism (other work on the machine, or start-up costs).`;
      if (speedup !== null) return `${turns}: taking turns on one GIL costs more than it gains.`;
      return `${turns}${waitShare ? `; ${waitShare}% of the threads' time was spent waiting for the GIL` : ''}.`;
    },
    multiprocessing: () =>
      parallel
        ? `${plural(n, 'process')}, one GIL each, ran in parallel; ${wall}.`
        : `${plural(n, 'process')}, one GIL each; ${wall}${speedup === null ? '' : ': there was little to run in parallel, and starting processes costs time'}.`,
    asyncio: () =>
      `one thread ran the tasks on an event loop: awaiting I/O lets another task run, CPU work blocks the loop; ${wall}.`,
    'free-threading': () =>
      parallel
        ? `${plural(n, 'thread')} with no GIL ran in parallel; ${wall}.`
        : `${plural(n, 'thread')} with no GIL; ${wall}.`,
    subinterpreters: () =>
      parallel
        ? `${plural(n, 'interpreter')} in one process, one GIL each, ran in parallel; ${wall}.`
        : `${plural(n, 'interpreter')} in one process, one GIL each; ${wall}.`,
  };
  return `${label}: ${explain[run.strategy]()}`;
}

/** Whether the program mostly computes or mostly waits, judged from its finished runs' thread times. */
/**
 * The runs measured in CPython, in one line beside the simulated runs' own:
 * "Measured in CPython 3.11.7, the same programs: sequential 680 ms, threading 753 ms (0.9×), …".
 */
export function describeMeasured(measured: RunSummary[], python: string | undefined): string | null {
  if (measured.length === 0) return null;
  const parts = measured.map((s) => {
    const workers = new Set(measured.map((m) => m.workers)).size > 1 ? ` (${plural(s.workers, 'worker')})` : '';
    if (s.status !== 'done') return `${s.strategy}${workers} ${s.status}`;
    const speedup = s.speedup !== null && s.strategy !== 'sequential' ? ` (${formatSpeedup(s.speedup)})` : '';
    return `${s.strategy}${workers} ${formatMs(s.wallMs)}${speedup}`;
  });
  return `Measured in CPython${python ? ` ${python}` : ''}, the same programs: ${parts.join(', ')}.`;
}

export function workloadKind(summaries: RunSummary[]): 'CPU-bound' | 'I/O-bound' | 'mixed' | null {
  const done = summaries.filter((s) => s.status === 'done');
  const base = done.find((s) => s.strategy === 'sequential') ?? done[0];
  if (!base) return null;
  const { runningMs, ioMs } = threadTotals(base);
  if (runningMs === null || ioMs === null || runningMs + ioMs <= 0) return null;
  const cpuShare = runningMs / (runningMs + ioMs);
  if (cpuShare >= 0.7) return 'CPU-bound';
  if (cpuShare <= 0.3) return 'I/O-bound';
  return 'mixed';
}
