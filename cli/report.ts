// What the CLI prints and writes about finished runs: the table, the progress line, the --json file.
import type { SessionProgress } from '../common/api';
import { formatMs, sumOverThreads, unmeasuredThread } from '../common/totals';
import { traceEndUs, type RunRecord } from '../common/run-record';
import { summaryHead, type MachineInfo, type MeasuredInfo, type RunSummary, type ThreadSummary } from '../common/trace';

const percent = (ratio: number | null) =>
  ratio !== null && Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : '—';

/**
 * CPU time the OS gave the run's threads over wall time × the machine's cores: how much of the
 * machine the run used (at most 100%); null when a thread's CPU time was not measured.
 */
export function cpuShare(run: RunSummary, cores: number): number | null {
  const onCpu = sumOverThreads(run, 'onCpuMs');
  return onCpu === null || !(run.wallMs > 0) ? null : onCpu / (run.wallMs * Math.max(1, cores));
}

/** Time waiting for the GIL over wall time × threads: the share of thread time lost to the lock (at most 100%). */
export function gilWaitShare(run: RunSummary): number | null {
  const wait = sumOverThreads(run, 'waitMs');
  return wait === null || !(run.wallMs > 0) ? null : wait / (run.wallMs * Math.max(1, run.threads.length));
}

/** The summary of a run that was interrupted before the engine summed it up: cancelled, nothing measured. */
export function interruptedSummary(record: RunRecord): RunSummary {
  const { info } = record;
  const processName = new Map(info.processes.map((p) => [p.pid, p.name]));
  return {
    ...summaryHead(info, { status: 'cancelled', reason: 'interrupted before the run ended' }),
    wallMs: traceEndUs(record) / 1000,
    speedup: null,
    handoffs: 0,
    forcedSwitches: 0,
    truncated: false,
    spawnMs: 0,
    threads: info.threads.map((t) => unmeasuredThread(t.tid, t.name, processName.get(t.pid) ?? '')),
  };
}

export function progressLine(p: SessionProgress): string {
  const of = p.estimateMs > 0 ? ` of about ${formatMs(p.estimateMs)}` : '';
  return `[${p.index + 1}/${p.total}] ${p.strategy}, ${p.workers} worker${p.workers === 1 ? '' : 's'}: ${formatMs(p.elapsedMs)}${of}`;
}

/** The table of a session's runs; a run measured in CPython (its id in `measured`) says so after its strategy. */
export function summaryTable(runs: RunSummary[], cores: number, measured: ReadonlySet<string> = new Set()): string {
  const header = [
    'strategy',
    'workers',
    'wall time',
    'speed-up',
    'on CPU %',
    'GIL wait %',
    'hand-offs',
    'forced switches',
    'status',
  ];
  const rows = runs.map((run) => {
    return [
      measured.has(run.runId) ? `${run.strategy} (CPython)` : run.strategy,
      String(run.workers),
      formatMs(run.wallMs),
      run.speedup === null ? '—' : `${run.speedup.toFixed(2)}×`,
      percent(cpuShare(run, cores)),
      percent(gilWaitShare(run)),
      run.handoffs === null ? '—' : String(run.handoffs),
      run.forcedSwitches === null ? '—' : String(run.forcedSwitches),
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
    '',
    `on CPU % = CPU time of the run's threads / (wall time × ${cores} cores); GIL wait % = time waiting for the GIL / (wall time × threads); — = not measured`,
    ...[...new Map(runs.filter((r) => r.notMeasured).map((r) => [r.strategy, r.notMeasured])).entries()].map(
      ([strategy, why]) => `${strategy} in CPython: ${why}`,
    ),
  ].join('\n');
}

type ThreadTotals = Omit<ThreadSummary, 'tid'>;

export interface JsonReport {
  machine: MachineInfo;
  settings: { program: string; switchIntervalMs: number; gil: string; timeScale: number };
  runs: {
    strategy: string;
    workers: number;
    /** done, cancelled (Ctrl+C, or cancelled from elsewhere) or failed. */
    status: string;
    reason?: string;
    wallMs: number;
    speedup: number | null;
    handoffs: number | null;
    forcedSwitches: number | null;
    /** Set when the run was measured in real CPython rather than simulated: which CPython. */
    measured?: MeasuredInfo;
    /** Why this strategy was not measured, when the session measured. */
    notMeasured?: string;
    /** The Python source the run executed, when the engine knows it. */
    source?: string;
    /** Every number is null where it was not measured. */
    threads: ThreadTotals[];
    /** What the program wrote to stdout and stderr, in time order: ms since the run's start, the writing thread, its line. */
    prints: Print[];
  }[];
}

export interface Print {
  ms: number;
  thread: string;
  text: string;
  stream: 'stdout' | 'stderr';
  line?: number;
}

/** The run's writes (print instants, and errors' text on stderr) across its lanes, in time order. */
export function printsOf(record: RunRecord | undefined): Print[] {
  if (!record) return [];
  const nameOf = new Map(record.info.threads.map((t) => [t.tid, t.name]));
  const prints: Print[] = [];
  for (const [tid, trace] of Object.entries(record.traces)) {
    for (const instant of trace.instants) {
      if ((instant.kind !== 'print' && instant.kind !== 'error') || instant.text === undefined) continue;
      prints.push({
        ms: Math.round(instant.tUs) / 1000,
        thread: nameOf.get(Number(tid)) ?? `thread ${tid}`,
        text: instant.text,
        stream: instant.kind === 'print' ? 'stdout' : 'stderr',
        ...((instant.line ?? 0) > 0 ? { line: instant.line } : {}),
      });
    }
  }
  return prints.sort((a, b) => a.ms - b.ms);
}

/** Microseconds are the clock's resolution: more digits are float noise. A null stays null. */
const ms = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** The --json file: every run's summary, with what its record says of how it ran (source, measured). */
export function jsonReport(
  machine: MachineInfo,
  settings: JsonReport['settings'],
  runs: RunSummary[],
  records: readonly RunRecord[] = [],
): JsonReport {
  const recordOf = new Map(records.map((r) => [r.info.runId, r]));
  const infoOf = new Map(records.map((r) => [r.info.runId, r.info]));
  return {
    machine,
    settings,
    runs: runs.map((run) => ({
      strategy: run.strategy,
      workers: run.workers,
      status: run.status,
      ...(run.reason ? { reason: run.reason } : {}),
      wallMs: ms(run.wallMs) ?? 0,
      speedup: run.speedup === null ? null : Math.round(run.speedup * 10_000) / 10_000,
      handoffs: run.handoffs,
      forcedSwitches: run.forcedSwitches,
      ...(infoOf.get(run.runId)?.measured ? { measured: infoOf.get(run.runId)?.measured } : {}),
      ...(run.notMeasured ? { notMeasured: run.notMeasured } : {}),
      ...(infoOf.get(run.runId)?.source !== undefined ? { source: infoOf.get(run.runId)?.source } : {}),
      threads: run.threads.map((t) => ({
        name: t.name,
        process: t.process,
        runningMs: ms(t.runningMs),
        onCpuMs: ms(t.onCpuMs),
        waitMs: ms(t.waitMs),
        ioMs: ms(t.ioMs),
        blockedMs: ms(t.blockedMs),
        startingMs: ms(t.startingMs),
        ioCount: t.ioCount,
        endMs: ms(t.endMs),
      })),
      prints: printsOf(recordOf.get(run.runId)),
    })),
  };
}
