import { programName } from '../../../common/api';
import type { RunRecord } from '../../../common/run-record';
import { sessionLine } from '../session-text';
import { timelineOnScreen } from '../timeline-on-screen';
import { Timeline } from '../timeline/Timeline';
import { useLiveRevision, useShownSession } from '../store/hooks';
import { useRuns } from '../store/runs';
import { useView } from '../store/view';
import type { RunRow } from '../timeline/layout';

const noRuns: RunRecord[] = [];

/** A run header's toggle of that run's source view. */
function SourceToggle({ row }: { row: RunRow }) {
  const runId = row.run.info.runId;
  const open = useView((s) => s.sourceRuns.includes(runId));
  const toggle = useView((s) => s.toggleSource);
  return (
    <button
      type="button"
      className="tl-button tl-source-toggle"
      aria-pressed={open}
      data-testid="source-toggle"
      data-strategy={row.run.info.strategy}
      data-measured={row.run.info.measured ? 'true' : undefined}
      title={`The Python ${row.run.info.strategy} ran: ${row.run.info.note ?? 'its variant of the program'}`}
      onClick={() => toggle(runId)}
    >
      {'</>'} source
    </button>
  );
}

const runActions = (row: RunRow) => <SourceToggle row={row} />;

/** The shown session's runs stacked on one time axis (the Timeline brings its own legend and keys). */
export function TimelinePane() {
  const session = useShownSession();
  const revision = useLiveRevision();
  const current = useRuns((s) => s.currentId);
  const presenter = useView((s) => s.presenter);
  const selection = useView((s) => s.brushedRange);
  const setBrushedRange = useView((s) => s.setBrushedRange);
  const cursor = useView((s) => s.cursor?.us ?? null);
  const setCursor = useView((s) => s.setCursor);
  const sourceRuns = useView((s) => s.sourceRuns);
  const setSourceRuns = useView((s) => s.setSourceRuns);
  const runs = session?.runs ?? noRuns;
  const allOpen = runs.length > 0 && runs.every((r) => sourceRuns.includes(r.info.runId));
  const earlier = session !== null && session.id !== current;

  return (
    <section className="timeline-pane" aria-labelledby="timeline-title" data-testid="timeline-pane">
      <header className="pane-header">
        <h2 id="timeline-title">Timeline</h2>
        {session && (
          <p className="card-note">
            {programName(session.request.program)} · {sessionLine(session)}
          </p>
        )}
        {runs.length > 0 && (
          <button
            type="button"
            className="button ghost compact sources-button"
            aria-pressed={allOpen}
            data-testid="sources-button"
            title="The Python each run executed, side by side"
            onClick={() => setSourceRuns(allOpen ? [] : runs.map((r) => r.info.runId))}
          >
            {'</>'} Sources
          </button>
        )}
        {session?.fromFile ? (
          <span className="badge badge-kind" title="A saved session, opened from a file">
            from {session.fromFile}
          </span>
        ) : (
          earlier && <span className="badge badge-kind">earlier session</span>
        )}
      </header>
      <Timeline
        key={session?.id ?? 'none'}
        ref={timelineOnScreen}
        runs={runs}
        revision={revision}
        presenter={presenter}
        selection={selection}
        onSelect={setBrushedRange}
        cursor={cursor}
        onCursor={setCursor}
        runActions={runActions}
      />
    </section>
  );
}
