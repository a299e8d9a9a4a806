// What the CLI prints and writes about finished runs: the table, the progress line, the --json file.
import type { SessionProgress } from '../common/api';
import type { MachineInfo, RunSummary } from '../common/trace';

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

const percent = (ratio: number) => (Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : '—');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** CPU time over wall time × the cores the run could use (min(workers, cores)): how busy those cores were. */
export function cpuShare(run: RunSummary, cores: number): number {
  return sum(run.threads.map((t) => t.cpuMs)) / (run.wallMs * Math.max(1, Math.min(run.workers, cores)));
}

/** Time spent waiting for the GIL over wall time × threads: the share of thread-time lost to the lock. */
export function gilWaitShare(run: RunSummary): number {
  return sum(run.threads.map((t) => t.waitMs)) / (run.wallMs * Math.max(1, run.threads.length));
}

export function progressLine(p: SessionProgress): string {
  const of = p.estimateMs > 0 ? ` of about ${formatMs(p.estimateMs)}` : '';
  return `[${p.index + 1}/${p.total}] ${p.strategy}, ${p.workers} worker${p.workers === 1 ? '' : 's'}: ${formatMs(p.elapsedMs)}${of}`;
}

export function summaryTable(runs: RunSummary[], cores: number): string {
  const header = [
    'strategy',
    'workers',
    'wall time',
    'speed-up',
    'CPU %',
    'GIL wait %',
    'hand-offs',
    'forced switches',
    'status',
  ];
  const rows = runs.map((run) => {
    const measured = run.wallMs > 0;
    return [
      run.strategy,
      String(run.workers),
      formatMs(run.wallMs),
      run.speedup === null ? '—' : `${run.speedup.toFixed(2)}×`,
      measured ? percent(cpuShare(run, cores)) : '—',
      measured ? percent(gilWaitShare(run)) : '—',
      String(run.handoffs),
      String(run.forcedSwitches),
      run.status === 'done' ? 'done' : `${run.status}${run.reason ? `: ${run.reason}` : ''}`,
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (i === header.length - 1 ? 0 : r[i].length))),
  );
  // Text columns align left, numbers right; the last column (status) is left ragged.
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]),
      )
      .join('  ');
  return [
    line(header),
    line(widths.map((w, i) => (i === header.length - 1 ? '-'.repeat(header[i].length) : '-'.repeat(w)))),
    ...rows.map(line),
  ].join('\n');
}

export interface JsonReport {
  machine: MachineInfo;
  settings: { program: string; switchIntervalMs: number; gil: string; timeScale: number };
  runs: {
    strategy: string;
    workers: number;
    status: string;
    reason?: string;
    wallMs: number;
    speedup: number | null;
    handoffs: number;
    forcedSwitches: number;
    threads: {
      name: string;
      process: string;
      cpuMs: number;
      waitMs: number;
      ioMs: number;
      ioCount: number;
      endMs: number;
    }[];
  }[];
}

/** Microseconds are the clock's resolution: more digits are float noise. */
const ms = (value: number) => Math.round(value * 1000) / 1000;

export function jsonReport(machine: MachineInfo, settings: JsonReport['settings'], runs: RunSummary[]): JsonReport {
  return {
    machine,
    settings,
    runs: runs.map((run) => ({
      strategy: run.strategy,
      workers: run.workers,
      status: run.status,
      ...(run.reason ? { reason: run.reason } : {}),
      wallMs: ms(run.wallMs),
      speedup: run.speedup === null ? null : Math.round(run.speedup * 10_000) / 10_000,
      handoffs: run.handoffs,
      forcedSwitches: run.forcedSwitches,
      threads: run.threads.map((t) => ({
        name: t.name,
        process: t.process,
        cpuMs: ms(t.cpuMs),
        waitMs: ms(t.waitMs),
        ioMs: ms(t.ioMs),
        ioCount: t.ioCount,
        endMs: ms(t.endMs),
      })),
    })),
  };
}
