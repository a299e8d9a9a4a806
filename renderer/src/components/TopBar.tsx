import { cancelRuns, startRuns } from '../engine-link';
import { selectCurrentSession, selectIsRunning, selectProgress, selectRunFraction, selectStatusText, useRuns } from '../store/runs';
import { scalingWorkerCounts, selectCanRun, settingsErrors, useSettings } from '../store/settings';
import { useView } from '../store/view';
import { ExportMenu } from './ExportMenu';

function RunControls() {
  const running = useRuns(selectIsRunning);
  const canRun = useSettings(selectCanRun);
  const firstError = useSettings((s) => settingsErrors(s)[0] ?? null);
  const workers = useSettings((s) => s.workers);
  const cores = useSettings((s) => s.machine?.cores ?? null);
  const sweep = scalingWorkerCounts(cores ?? 2);
  const blocked = running ? 'a session is running' : firstError;

  return (
    <div className="run-controls">
      <button
        type="button"
        className="button primary"
        disabled={!canRun || running}
        title={blocked ?? `Run each chosen strategy with ${workers} worker${workers === 1 ? '' : 's'}`}
        aria-describedby={!running && firstError ? 'run-blocked' : undefined}
        onClick={() => void startRuns([workers])}
      >
        <span aria-hidden="true" className="icon">
          ▶
        </span>
        Run
      </button>
      <button
        type="button"
        className="button"
        disabled={!canRun || running || cores === null}
        title={
          blocked ?? `Run each chosen strategy with ${sweep.join(', ')} workers (include sequential for speed-ups)`
        }
        onClick={() => void startRuns(sweep)}
      >
        <span aria-hidden="true" className="icon">
          ⤢
        </span>
        Scaling
      </button>
      <button type="button" className="button danger" disabled={!running} onClick={() => void cancelRuns()}>
        <span aria-hidden="true" className="icon">
          ■
        </span>
        Cancel
      </button>
    </div>
  );
}

function RunProgress() {
  const status = useRuns(selectStatusText);
  const running = useRuns(selectIsRunning);
  // Why Run is disabled, where the status would say "ready": the reason in view, not only in a tooltip.
  const blocked = useSettings((s) => settingsErrors(s)[0] ?? null);
  const fraction = useRuns(selectRunFraction);
  const session = useRuns(selectCurrentSession);
  const state = useRuns((s) => (s.starting ? 'running' : (selectCurrentSession(s)?.status ?? 'idle')));
  const index = useRuns((s) => selectProgress(s, session)?.index ?? 0);
  const total = session?.total ?? 0;
  // The bar covers the session: finished runs plus the current run's share.
  const overall = fraction === null || total === 0 ? null : (index + fraction) / total;

  return (
    <div className={`run-progress state-${state}`}>
      {blocked && !running ? (
        <span id="run-blocked" data-testid="run-blocked" className="run-status is-blocked" title={blocked}>
          Cannot run: {blocked}
        </span>
      ) : null}
      <span
        data-testid="run-status"
        className="run-status"
        role="status"
        aria-live="polite"
        hidden={Boolean(blocked && !running)}
      >
        {status}
      </span>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={overall === null ? undefined : Math.round(overall * 100)}
        hidden={overall === null}
      >
        <div className="progress-fill" style={{ transform: `scaleX(${overall ?? 0})` }} />
      </div>
    </div>
  );
}

function PresenterToggle() {
  const presenter = useView((s) => s.presenter);
  const setPresenter = useView((s) => s.setPresenter);
  return (
    <button
      type="button"
      className="button ghost"
      aria-pressed={presenter}
      title="Large type and thick lanes for a projector"
      onClick={() => setPresenter(!presenter)}
    >
      <span aria-hidden="true" className="icon">
        ◐
      </span>
      Presenter
    </button>
  );
}

export function TopBar() {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <div>
          <h1>GIL Lab</h1>
          <p className="tagline">Python’s Global Interpreter Lock, made visible</p>
        </div>
      </div>
      <RunControls />
      <RunProgress />
      <div className="top-actions">
        <PresenterToggle />
        <ExportMenu />
      </div>
    </header>
  );
}
