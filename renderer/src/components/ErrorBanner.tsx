import { useRuns } from '../store/runs';

/** The engine's refusals and failures, in plain sight until dismissed. */
export function ErrorBanner() {
  const error = useRuns((s) => s.error);
  const dismiss = useRuns((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span className="error-icon" aria-hidden="true">
        !
      </span>
      <p>{error}</p>
      <button type="button" className="button ghost compact" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
