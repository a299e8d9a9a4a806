import { useId, type ChangeEvent } from 'react';
import { programName } from '../../../common/api';
import { sessionFileSuffix } from '../../../common/session-file';
import { dialogInstead } from '../host/files';
import { openSessionFile } from '../open-session';
import type { SessionRecord } from '../store/runs';
import { useRuns } from '../store/runs';
import { useShownSession } from '../store/hooks';
import { useView } from '../store/view';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function workersText(session: SessionRecord): string {
  const counts = session.request.workerCounts;
  return counts.length > 1
    ? `scaling ${counts[0]}–${counts[counts.length - 1]} workers`
    : `${counts[0]} worker${counts[0] === 1 ? '' : 's'}`;
}

/** "Open session…": a saved session joins the history; a refused file leaves everything as it was. */
function OpenSession() {
  const error = useRuns((s) => s.sessionFileError);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Clearing the input lets the same file be picked again after it is fixed.
    event.target.value = '';
    if (file) void openSessionFile(file);
  };
  return (
    <>
      <label className="file-button" title={`A ${sessionFileSuffix} file saved with Export → SessionRecord`}>
        <input
          type="file"
          accept={`${sessionFileSuffix},.json,application/json`}
          className="visually-hidden"
          aria-label="Open session"
          onChange={onFile}
          onClick={dialogInstead('session')}
        />
        <span aria-hidden="true">⤒</span> Open session…
      </label>
      {error && (
        <p className="field-error" role="alert" data-testid="session-file-error">
          {error}
        </p>
      )}
    </>
  );
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
      <OpenSession />
      {sessions.length === 0 ? (
        <p className="hint">Sessions you run or open appear here; pick one to look at it again.</p>
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
                  <span className="history-program">{programName(session.request.program)}</span>
                  <span className="history-badges">
                    {session.fromFile && (
                      <span className="badge badge-kind" title={`Opened from ${session.fromFile}`}>
                        file
                      </span>
                    )}
                    <span className={`badge badge-${session.status}`}>{session.status}</span>
                  </span>
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
