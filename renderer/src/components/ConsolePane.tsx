import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RunRecord } from '../../../common/run-record';
import { printedLines } from '../console-lines';
import { useLiveRevision, useShownSession } from '../store/hooks';

function runLabel(run: RunRecord, sweep: boolean): string {
  return sweep ? `${run.info.strategy}, ${run.info.workers} workers` : run.info.strategy;
}

/** The program's printed output, as a terminal would show it, for one run of the session. */
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
  const lines = useMemo(() => (run ? printedLines(run) : []), [run, revision]);
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
      {lines.length === 0 ? (
        <p className="empty">
          {run ? 'This run printed nothing.' : 'What the program prints appears here, line by line.'}
        </p>
      ) : (
        <ol className="console" ref={scroller} aria-label="Printed lines">
          {lines.map((line, i) => (
            <li key={i} style={{ color: line.color }}>
              <span className="console-time">{(line.tUs / 1e6).toFixed(3)} s</span>
              <span className="console-thread">{line.thread}</span>
              <span className="console-text">{line.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
