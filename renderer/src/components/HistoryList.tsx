import { useId } from 'react';
import type { Session } from '../store/runs';
import { useRuns } from '../store/runs';
import { useShownSession } from '../store/hooks';
import { useView } from '../store/view';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function programName(session: Session): string {
  return typeof session.request.program === 'string' ? session.request.program : session.request.program.name;
}

function workersText(session: Session): string {
  const counts = session.request.workerCounts;
  return counts.length > 1
    ? `scaling ${counts[0]}–${counts[counts.length - 1]} workers`
    : `${counts[0]} worker${counts[0] === 1 ? '' : 's'}`;
}

/** The sessions of this window, newest first; picking one shows it everywhere. */
export function HistoryList() {
  const id = useId();
  const sessions = useRuns((s) => s.sessions);
  const currentId = useRuns((s) => s.currentId);
  const shown = useShownSession();
  const selectSession = useView((s) => s.selectSession);

  return (
    <section className="panel-section history" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        History
      </h2>
      {sessions.length === 0 ? (
        <p className="hint">Sessions you run appear here; pick one to look at it again.</p>
      ) : (
        <ol className="history-list">
          {[...sessions].reverse().map((session) => (
            <li key={session.id}>
              <button
                type="button"
                className="history-item"
                aria-current={session.id === shown?.id ? 'true' : undefined}
                onClick={() => selectSession(session.id === currentId ? null : session.id)}
              >
                <span className="history-top">
                  <span className="history-program">{programName(session)}</span>
                  <span className={`badge badge-${session.status}`}>{session.status}</span>
                </span>
                <span className="history-detail">
                  {time.format(session.startedAt)} · {session.request.strategies.join(', ')} · {workersText(session)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
