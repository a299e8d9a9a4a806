// The console pane's lines: what a run's threads wrote, as a terminal shows it. A print instant
// holds the exact text written (print's trailing "\n" included; `end=''` writes none), so writes are
// joined into lines per thread and stream: `print('a', end='')` then `print('b')` is one line "ab",
// and one write of "x\ny\n" is two lines. stderr (the `error` instants: tracebacks, warnings) is a
// stream of its own, shown apart.
import { lanesOf, type RunRecord } from '../../common/run-record';
import type { Instant } from '../../common/trace';
import { threadColors } from './thread-colors';

export type ConsoleStream = 'stdout' | 'stderr';

export interface ConsoleLine {
  /** When the line's first write happened, µs since the run started. */
  tUs: number;
  tid: number;
  thread: string;
  stream: ConsoleStream;
  /** The line without its newline. */
  text: string;
  /** No newline has ended it (yet): the run's last write to that stream, or one still being written. */
  open: boolean;
  /** It began in the same write as the line before it (a traceback's next line): time and thread go unsaid. */
  continues: boolean;
  color: string;
}

const streamOf: Partial<Record<Instant['kind'], ConsoleStream>> = { print: 'stdout', error: 'stderr' };

/** A thread's writes to one stream as lines: [tUs of the line's first write, text, open][]. */
export function joinWrites(
  writes: readonly { tUs: number; text: string }[],
): { tUs: number; text: string; open: boolean }[] {
  const lines: { tUs: number; text: string; open: boolean }[] = [];
  let text = '';
  let startUs: number | null = null;
  for (const write of writes) {
    const pieces = write.text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        // A newline ends the line begun so far (an empty one for a bare print()).
        lines.push({ tUs: startUs ?? write.tUs, text, open: false });
        text = '';
        startUs = null;
      }
      if (piece !== '') {
        startUs ??= write.tUs;
        text += piece;
      }
    });
  }
  if (startUs !== null) lines.push({ tUs: startUs, text, open: true });
  return lines;
}

/**
 * How each thread is named where several runs' threads mix: its name, with its process where names
 * repeat (each process has a MainThread): `label` "Process-1/MainThread", `short` "Process-1".
 */
export function threadNames(run: RunRecord): Map<number, { label: string; short: string }> {
  const threads = lanesOf(run);
  const count = new Map<string, number>();
  for (const t of threads) count.set(t.name, (count.get(t.name) ?? 0) + 1);
  // "python (multiprocessing) Process-1" → "Process-1"; the run's first process is "main".
  const processName = new Map(
    run.info.processes.map((p) => [p.pid, p.name.replace(/^python \([^)]*\)\s*/, '') || 'main']),
  );
  return new Map(
    threads.map((t) => {
      if ((count.get(t.name) ?? 0) <= 1) return [t.tid, { label: t.name, short: t.name }];
      const process = processName.get(t.pid) ?? `pid ${t.pid}`;
      return [t.tid, { label: `${process}/${t.name}`, short: process }];
    }),
  );
}

/** Every line a run's threads wrote, all threads merged in time order, each with its thread's name and colour. */
export function consoleLines(run: RunRecord): ConsoleLine[] {
  const names = threadNames(run);
  const colors = threadColors(run);
  const lines: ConsoleLine[] = [];
  for (const thread of lanesOf(run)) {
    const writes: Record<ConsoleStream, { tUs: number; text: string }[]> = { stdout: [], stderr: [] };
    for (const instant of run.traces[thread.tid]?.instants ?? []) {
      const stream = streamOf[instant.kind];
      if (stream) writes[stream].push({ tUs: instant.tUs, text: instant.text ?? '' });
    }
    for (const stream of ['stdout', 'stderr'] as const)
      for (const line of joinWrites(writes[stream]))
        lines.push({
          ...line,
          tid: thread.tid,
          thread: names.get(thread.tid)?.label ?? thread.name,
          stream,
          continues: false,
          color: colors.get(thread.tid) ?? '',
        });
  }
  // Stable: lines of one instant keep their thread and stream order.
  lines.sort((a, b) => a.tUs - b.tUs);
  for (let i = 1; i < lines.length; i++) {
    const [before, line] = [lines[i - 1], lines[i]];
    line.continues = before.tUs === line.tUs && before.tid === line.tid && before.stream === line.stream;
  }
  return lines;
}

/** The console's note on a run whose durations were shrunk, or null at time scale 1 and above. */
export function timeScaleNote(run: RunRecord): string | null {
  const scale = run.info.timeScale;
  return scale < 1 ? `time scale ${scale}: sleeps and long loops were scaled` : null;
}
