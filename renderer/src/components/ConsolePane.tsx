import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RunRecord } from '../../../common/run-record';
import { consoleLines, timeScaleNote } from '../console-lines';
import { useLiveRevision, useShownSession } from '../store/hooks';

function runLabel(run: RunRecord, sweep: boolean): string {
  return sweep ? `${run.info.strategy}, ${run.info.workers} workers` : run.info.strategy;
}

/** What the program wrote, as CPython prints it (lines joined per thread, stderr apart), for one run of the session. */
export function ConsolePane() {
  const id = useId();
  const session = useShownSession();
  const revision = useLiveRevision();
  const [picked, setPicked] = useState<string | null>(null);
  const runs = session?.runs ?? [];
  // Follow the newest run unless the user picked one of this session.
  const run = runs.find((r) => r.info.runId === picked) ?? runs[runs.length - 1] ?? null;
  const sweep = (session?.request.workerCounts.length ?? 0) > 1;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- records grow in place; revision marks each change
  const lines = useMemo(() => (run ? consoleLines(run) : []), [run, revision]);
  const note = run ? timeScaleNote(run) : null;
  const scroller = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines.length, run]);

  return (
    <section className="card console-card" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`}>Console</h2>
        {runs.length > 1 && (
          <select
            className="select compact"
            aria-label="Console run"
            value={run?.info.runId ?? ''}
            onChange={(e) => setPicked(e.target.value)}
          >
            {runs.map((r) => (
              <option key={r.info.runId} value={r.info.runId}>
                {runLabel(r, sweep)}
              </option>
            ))}
          </select>
        )}
      </header>
      {note && (
        <p className="console-note" data-testid="console-note">
          {note}
        </p>
      )}
      {lines.length === 0 ? (
        <p className="empty">
          {run ? 'This run printed nothing.' : 'What the program prints appears here, line by line.'}
        </p>
      ) : (
        <ol className="console" ref={scroller} aria-label="Printed lines" data-testid="console-lines">
          {lines.map((line, i) => (
            <li
              key={i}
              className={`console-line is-${line.stream}${line.open ? ' is-open' : ''}`}
              style={{ color: line.color }}
              data-stream={line.stream}
            >
              <span className="console-time">{line.continues ? '' : `${(line.tUs / 1e6).toFixed(3)} s`}</span>
              <span className="console-thread">{line.continues ? '' : line.thread}</span>
              <span className="console-text" title={line.stream === 'stderr' ? 'written to stderr' : undefined}>
                {line.text}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
