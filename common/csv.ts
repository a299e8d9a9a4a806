// The run summaries as CSV (RFC 4180): one row per thread per run, for a spreadsheet.
import type { RunSummary } from './trace';

/**
 * One column per field; a number that was not measured is an empty cell, never 0. Percentages say
 * what they divide by, and cannot pass 100%: a thread runs on one core at a time, within the run.
 */
export const summaryColumns = [
  'strategy',
  'workers',
  'status',
  'wallMs',
  'speedup',
  'handoffs',
  'forcedSwitches',
  'thread',
  'process',
  'runningMs',
  'onCpuMs',
  'waitMs',
  'ioMs',
  'blockedMs',
  'startingMs',
  'ioCount',
  'endMs',
  "running, holding the GIL (% of the run's wall time)",
  "on CPU (% of the run's wall time)",
  "waiting for the GIL (% of the run's wall time)",
  'reason',
] as const;

/** part / whole as a percentage with one decimal; empty when either was not measured. */
function percentOf(part: number | null | undefined, whole: number): number | null {
  if (part === null || part === undefined || !(whole > 0)) return null;
  return Math.round((part / whole) * 1000) / 10;
}

type Cell = string | number | null | undefined;

/** Quotes a field when it holds a comma, a quote or a line break; doubles inner quotes. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Three decimals are below the clock's resolution; more would only show float noise.
  const text =
    typeof value === 'number' ? String(Number.isInteger(value) ? value : Math.round(value * 1000) / 1000) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: Cell[]): string {
  return cells.map(csvField).join(',');
}

export function summaryCsv(summaries: RunSummary[]): string {
  const rows = [csvRow([...summaryColumns])];
  for (const run of summaries) {
    const runCells = [run.strategy, run.workers, run.status, run.wallMs, run.speedup, run.handoffs, run.forcedSwitches];
    // A run that failed before any thread started still gets its row, so its reason is not lost.
    const threads = run.threads.length > 0 ? run.threads : [undefined];
    for (const thread of threads) {
      rows.push(
        csvRow([
          ...runCells,
          thread?.name,
          thread?.process,
          thread?.runningMs,
          thread?.onCpuMs,
          thread?.waitMs,
          thread?.ioMs,
          thread?.blockedMs,
          thread?.startingMs,
          thread?.ioCount,
          thread?.endMs,
          percentOf(thread?.runningMs, run.wallMs),
          percentOf(thread?.onCpuMs, run.wallMs),
          percentOf(thread?.waitMs, run.wallMs),
          run.reason,
        ]),
      );
    }
  }
  // RFC 4180: CRLF between records, and after the last one.
  return `${rows.join('\r\n')}\r\n`;
}
