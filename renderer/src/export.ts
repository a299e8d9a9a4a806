// Exports of the session on screen: files handed to the user by the host (host/files.ts): the
// system's Save dialog in Electron, a download link in a browser (no file system access from the renderer).
import type { RunRequest } from '../../common/api';
import { toChromeTrace } from '../../common/chrome-trace';
import { summaryCsv } from '../../common/csv';
import type { RunRecord } from '../../common/run-record';
import { sessionFileSuffix, toSessionFile } from '../../common/session-file';
import type { RunSummary } from '../../common/trace';
import { saveBlob } from './host/files';
import { renderTimelinePng, type TimelineImageOptions } from './timeline/image';
import { shownTimelineView } from './timeline-on-screen';

export function exportChromeTrace(runs: RunRecord[], baseName: string): Promise<void> {
  const blob = new Blob([JSON.stringify(toChromeTrace(runs))], { type: 'application/json' });
  return saveBlob('trace', blob, `${baseName}.trace.json`);
}

/** The session with its whole traces, as a file "Open session…" reads back. */
export function exportSession(runs: RunRecord[], request: RunRequest, baseName: string): Promise<void> {
  const blob = new Blob([JSON.stringify(toSessionFile(runs, request))], { type: 'application/json' });
  return saveBlob('session', blob, `${baseName}${sessionFileSuffix}`);
}

export function exportCsv(summaries: RunSummary[], baseName: string): Promise<void> {
  return saveBlob('csv', new Blob([summaryCsv(summaries)], { type: 'text/csv' }), `${baseName}.csv`);
}

/** The whole timeline (every lane, not only those in the window) at the zoom on screen, as a PNG. */
export async function exportTimelinePng(
  runs: readonly RunRecord[],
  options: TimelineImageOptions,
  baseName: string,
): Promise<void> {
  const png = await renderTimelinePng(runs, shownTimelineView(runs), {
    pixelRatio: window.devicePixelRatio || 1,
    ...options,
  });
  await saveBlob('png', png, `${baseName}.png`);
}
