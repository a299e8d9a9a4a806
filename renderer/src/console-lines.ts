// The console pane's lines: what a run's threads printed, merged as a terminal would show them.
import { lanesOf, type RunRecord } from '../../common/run-record';
import { holderPalette } from './theme';

export interface PrintedLine {
  tUs: number;
  tid: number;
  thread: string;
  text: string;
  color: string;
}

/** Every print of a run, all threads merged in time order, each with its thread's name and colour. */
export function printedLines(run: RunRecord): PrintedLine[] {
  const threads = lanesOf(run);
  const names = new Map<string, number>();
  for (const t of threads) names.set(t.name, (names.get(t.name) ?? 0) + 1);
  // "python (multiprocessing) worker 1" → "worker 1"; the run's first process is "main".
  const processName = new Map(
    run.info.processes.map((p) => [p.pid, p.name.replace(/^python \([^)]*\)\s*/, '') || 'main']),
  );
  const lines: PrintedLine[] = [];
  threads.forEach((thread, index) => {
    // Processes each have a MainThread: name the process where the name alone is ambiguous.
    const label =
      (names.get(thread.name) ?? 0) > 1
        ? `${processName.get(thread.pid) ?? `pid ${thread.pid}`}/${thread.name}`
        : thread.name;
    const color = holderPalette[index % holderPalette.length];
    for (const instant of run.traces[thread.tid]?.instants ?? []) {
      if (instant.kind === 'print')
        lines.push({ tUs: instant.tUs, tid: thread.tid, thread: label, text: instant.text ?? '', color });
    }
  });
  return lines.sort((a, b) => a.tUs - b.tUs);
}
