import type { RunRecord } from '../../../common/run-record';
import { Timeline } from '../timeline/Timeline';
import { useLiveRevision, useShownSession } from '../store/hooks';
import { useRuns } from '../store/runs';
import { useView } from '../store/view';

const noRuns: RunRecord[] = [];

/** The shown session's runs stacked on one time axis (the Timeline brings its own legend and keys). */
export function TimelinePane() {
  const session = useShownSession();
  const revision = useLiveRevision();
  const current = useRuns((s) => s.currentId);
  const presenter = useView((s) => s.presenter);
  const setBrushedRange = useView((s) => s.setBrushedRange);
  const runs = session?.runs ?? noRuns;
  const program = session
    ? typeof session.request.program === 'string'
      ? session.request.program
      : session.request.program.name
    : null;
  const earlier = session !== null && session.id !== current;

  return (
    <section className="timeline-pane" aria-labelledby="timeline-title" data-testid="timeline-pane">
      <header className="pane-header">
        <h2 id="timeline-title">Timeline</h2>
        {session && program && (
          <p className="card-note">
            {program} · {runs.length} of {session.total} {session.total === 1 ? 'run' : 'runs'}
            {session.request.workerCounts.length === 1 ? ` · ${session.request.workerCounts[0]} workers` : ''} · switch
            interval {session.request.switchIntervalMs} ms · GIL {session.request.gil} · time scale{' '}
            {session.request.timeScale}
          </p>
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
        runs={runs}
        revision={revision}
        presenter={presenter}
        onSelect={setBrushedRange}
      />
    </section>
  );
}
