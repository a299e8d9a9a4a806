// The four exports of a session, as the Export menu's buttons and the desktop menu's items both run
// them: what each needs before it can run, and the run itself, with the file names they suggest.
import { exportChromeTrace, exportCsv, exportSession, exportTimelinePng } from './export';
import { sessionSummaries } from './store/derive';
import type { Session } from './store/runs';

export type ExportFormat = 'session' | 'trace' | 'png' | 'csv';

export function programName(session: Session): string {
  return typeof session.request.program === 'string' ? session.request.program : session.request.program.name;
}

/** gil-lab-<program>-<start time>: the name every export of a session starts with. */
export function baseName(session: Session): string {
  const program = programName(session);
  const stamp = new Date(session.startedAt).toISOString().slice(0, 19).replaceAll(':', '-');
  return `gil-lab-${program.replace(/[^\w.-]+/g, '_')}-${stamp}`;
}

/** The knobs of a session, for the image's heading (as the timeline's header says them). */
export function sessionLine(session: Session): string {
  const { request } = session;
  const workers = request.workerCounts.length === 1 ? `${request.workerCounts[0]} workers · ` : '';
  const when = new Date(session.startedAt).toLocaleString();
  return `${session.runs.length} of ${session.total} runs · ${workers}switch interval ${request.switchIntervalMs} ms · GIL ${request.gil} · time scale ${request.timeScale} · ${when}`;
}

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
        { presenter, title: `GIL Lab · ${programName(session)}`, subtitle: sessionLine(session) },
        baseName(session),
      );
  }
}
