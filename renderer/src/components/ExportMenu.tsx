import { useEffect, useRef } from 'react';
import { sessionFileSuffix } from '../../../common/session-file';
import { runExport, type ExportFormat } from '../export-actions';
import { sessionSummaries } from '../store/derive';
import { useShownSession } from '../store/hooks';
import { useRuns } from '../store/runs';
import { useView } from '../store/view';

/** Session file, Chrome trace (Perfetto), PNG of the timeline, CSV of the summaries: of the session on screen. */
export function ExportMenu() {
  const session = useShownSession();
  const presenter = useView((s) => s.presenter);
  const reportError = useRuns((s) => s.reportError);
  const menu = useRef<HTMLDetailsElement>(null);
  const hasRuns = (session?.runs.length ?? 0) > 0;
  const hasSummaries = sessionSummaries(session).length > 0;

  // A menu closes on a click elsewhere or on Escape, as menus do.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !details.contains(event.target as Node)) {
        details.open = false;
        if (event instanceof KeyboardEvent) details.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  // The desktop menu's File ▸ Save Session and Export items run the same (renderer/src/host/commands.ts).
  const act = (format: ExportFormat) => async () => {
    if (menu.current) menu.current.open = false;
    if (!session) return;
    try {
      await runExport(format, session, presenter);
    } catch (error) {
      reportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const running = session?.status === 'running';

  return (
    <details className="menu" ref={menu}>
      <summary className="button ghost">
        <span aria-hidden="true" className="icon">
          ⤓
        </span>
        Export
      </summary>
      <div className="menu-items" role="group" aria-label="Export">
        <button
          type="button"
          disabled={!hasRuns || running}
          title={
            running
              ? 'Save the session once it has ended'
              : 'Every run with its whole trace; Open session reads it back'
          }
          onClick={act('session')}
        >
          Session <span className="menu-note">{sessionFileSuffix}, opens in GIL Lab</span>
        </button>
        <button type="button" disabled={!hasRuns} onClick={act('trace')}>
          Chrome trace <span className="menu-note">.json, opens in Perfetto</span>
        </button>
        <button type="button" disabled={!hasRuns} onClick={act('png')}>
          Timeline image <span className="menu-note">.png</span>
        </button>
        <button type="button" disabled={!hasSummaries} onClick={act('csv')}>
          Summary table <span className="menu-note">.csv</span>
        </button>
      </div>
    </details>
  );
}
