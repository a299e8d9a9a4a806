import { programName } from '../../../common/api';
import type { RunRecord } from '../../../common/run-record';
import { sessionLine } from '../session-text';
import { timelineOnScreen } from '../timeline-on-screen';
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
  const selection = useView((s) => s.brushedRange);
  const setBrushedRange = useView((s) => s.setBrushedRange);
  const runs = session?.runs ?? noRuns;
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
      />
    </section>
  );
}
