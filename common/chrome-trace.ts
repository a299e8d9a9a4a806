// Export of run records in Chrome's Trace Event Format, which Perfetto (ui.perfetto.dev) and
// chrome://tracing open. Perfetto groups tracks by process, so every run keeps its own clock:
// each Python process starts at ts 0 and runs sit side by side, not one after another.
import { lanesOf, type RunRecord } from './run-record';
import { INTERVAL_STRIDE, threadStates, type InstantKind } from './trace';

export interface TraceEvent {
  name: string;
  ph: 'X' | 'i' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: 't' | 'p' | 'g';
  cat?: string;
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  /** What the events cannot say: per run (in order), its program's source and whether CPython measured it. */
  metadata?: {
    runs: { runId: string; program: string; source?: string; measured?: { python: string; executable: string } }[];
  };
}

const instantNames: Record<InstantKind, string> = {
  print: 'print',
  drop_request: 'drop_request',
  forced_switch: 'forced_switch',
  truncated: 'truncated',
  error: 'error',
};

/** Strategies that appear in more than one run: their process names also say the worker count. */
function sharedStrategies(runs: RunRecord[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const run of runs) {
    if (seen.has(run.info.strategy)) shared.add(run.info.strategy);
    seen.add(run.info.strategy);
  }
  return shared;
}

export function toChromeTrace(runs: RunRecord[]): ChromeTrace {
  const events: TraceEvent[] = [];
  const shared = sharedStrategies(runs);
  // Trace pids and tids are renumbered: a run's own pids start again at 1, and two sessions may reuse tids.
  let nextPid = 1;
  let nextTid = 1;

  for (const [runIndex, run] of runs.entries()) {
    const { info } = run;
    const suffix = shared.has(info.strategy) ? ` [${info.workers} worker${info.workers === 1 ? '' : 's'}]` : '';
    const pidOf = new Map<number, number>();
    const tracePid = (runPid: number, name: string): number => {
      let pid = pidOf.get(runPid);
      if (pid === undefined) {
        pid = nextPid++;
        pidOf.set(runPid, pid);
        events.push({ name: 'process_name', ph: 'M', pid, tid: 0, args: { name: `${name}${suffix}` } });
        // Keeps runs in the order they ran, and a run's processes together.
        events.push({ name: 'process_sort_index', ph: 'M', pid, tid: 0, args: { sort_index: pid } });
        events.push({
          name: 'process_labels',
          ph: 'M',
          pid,
          tid: 0,
          args: { labels: `run ${runIndex + 1}: ${info.program}, ${info.strategy}, ${info.workers} workers` },
        });
      }
      return pid;
    };
    for (const process of info.processes) tracePid(process.pid, process.name);

    for (const thread of lanesOf(run)) {
      const pid = tracePid(thread.pid, `python (${info.strategy})`);
      const tid = nextTid++;
      events.push({ name: 'thread_name', ph: 'M', pid, tid, args: { name: thread.name } });
      events.push({ name: 'thread_sort_index', ph: 'M', pid, tid, args: { sort_index: tid } });

      const trace = run.traces[thread.tid];
      if (!trace) continue;
      const { intervals, instants } = trace;
      for (let i = 0; i + INTERVAL_STRIDE <= intervals.length; i += INTERVAL_STRIDE) {
        const state = threadStates[intervals[i]] ?? 'unknown';
        const start = intervals[i + 1];
        const line = intervals[i + 3];
        const slice: TraceEvent = {
          name: state,
          cat: 'state',
          ph: 'X',
          pid,
          tid,
          ts: start,
          dur: Math.max(0, intervals[i + 2] - start),
        };
        if (line > 0) slice.args = { line };
        events.push(slice);
      }
      for (const instant of instants) {
        const event: TraceEvent = {
          name: instantNames[instant.kind] ?? instant.kind,
          cat: 'gil',
          ph: 'i',
          s: 't',
          pid,
          tid,
          ts: instant.tUs,
        };
        if (instant.text !== undefined || (instant.line ?? 0) > 0)
          event.args = {
            ...(instant.text !== undefined ? { text: instant.text } : {}),
            ...((instant.line ?? 0) > 0 ? { line: instant.line } : {}),
          };
        events.push(event);
      }
    }
  }
  const described = runs.filter((r) => r.info.source !== undefined || r.info.measured);
  if (described.length === 0) return { traceEvents: events, displayTimeUnit: 'ms' };
  const metadata = {
    runs: runs.map(({ info }) => ({
      runId: info.runId,
      program: info.program,
      ...(info.source !== undefined ? { source: info.source } : {}),
      ...(info.measured ? { measured: info.measured } : {}),
    })),
  };
  return { traceEvents: events, displayTimeUnit: 'ms', metadata };
}
