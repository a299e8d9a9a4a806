import { useEffect, useRef } from 'react';
import { exportChromeTrace, exportCsv, download, timelinePng } from '../export';
import { sessionSummaries } from '../store/derive';
import { useShownSession } from '../store/hooks';
import { useRuns, type Session } from '../store/runs';
import { ui } from '../theme';

function baseName(session: Session): string {
  const program = typeof session.request.program === 'string' ? session.request.program : session.request.program.name;
  const stamp = new Date(session.startedAt).toISOString().slice(0, 19).replaceAll(':', '-');
  return `gil-lab-${program.replace(/[^\w.-]+/g, '_')}-${stamp}`;
}

/** Chrome trace (Perfetto), PNG of the timeline, CSV of the summaries: of the session on screen. */
export function ExportMenu() {
  const session = useShownSession();
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

  const act = (action: (s: Session) => Promise<void> | void) => async () => {
    if (menu.current) menu.current.open = false;
    if (!session) return;
    try {
      await action(session);
    } catch (error) {
      reportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const png = async (s: Session) => {
    const root = document.querySelector<HTMLElement>('[data-testid="timeline"]');
    if (!root) throw new Error('there is no timeline on screen');
    download(await timelinePng(root, ui.surface), `${baseName(s)}.png`);
  };

  return (
    <details className="menu" ref={menu}>
      <summary className="button ghost">
        <span aria-hidden="true" className="icon">
          ⤓
        </span>
        Export
      </summary>
      <div className="menu-items" role="group" aria-label="Export">
        <button type="button" disabled={!hasRuns} onClick={act((s) => exportChromeTrace(s.runs, baseName(s)))}>
          Chrome trace <span className="menu-note">.json, opens in Perfetto</span>
        </button>
        <button type="button" disabled={!hasRuns} onClick={act(png)}>
          Timeline image <span className="menu-note">.png</span>
        </button>
        <button
          type="button"
          disabled={!hasSummaries}
          onClick={act((s) => exportCsv(sessionSummaries(s), baseName(s)))}
        >
          Summary table <span className="menu-note">.csv</span>
        </button>
      </div>
    </details>
  );
}
