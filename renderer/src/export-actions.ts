// The four exports of a session, as the Export menu's buttons and the desktop menu's items both run
// them: what each needs before it can run, and the run itself, with the file names they suggest.
import { exportChromeTrace, exportCsv, exportSession, exportTimelinePng } from './export';
import { sessionSummaries } from './store/derive';
import { programName } from '../../common/api';
import { sessionBaseName as baseName, sessionLine } from './session-text';
import type { SessionRecord as Session } from './store/runs';

export type ExportFormat = 'session' | 'trace' | 'png' | 'csv';

/** Why a format cannot be exported from this session now, or null when it can. */
export function exportUnavailable(format: ExportFormat, session: Session | null): string | null {
  if (!session || session.runs.length === 0) return 'Nothing to export yet: run a session or open one first.';
  if (format === 'session' && session.status === 'running') return 'Save the session once it has ended.';
  if (format === 'csv' && sessionSummaries(session).length === 0) return 'No run of this session has finished yet.';
  return null;
}

/** Runs one export of the session (the host decides between a Save dialog and a download). */
export function runExport(format: ExportFormat, session: Session, presenter: boolean): Promise<void> {
  switch (format) {
    case 'session':
      return exportSession(session.runs, session.request, baseName(session));
    case 'trace':
      return exportChromeTrace(session.runs, baseName(session));
    case 'csv':
      return exportCsv(sessionSummaries(session), baseName(session));
    case 'png':
      return exportTimelinePng(
        session.runs,
        { presenter, title: `GIL Lab · ${programName(session.request.program)}`, subtitle: sessionLine(session, { when: true }) },
        baseName(session),
      );
  }
}
