// Exports of the session on screen: files handed to the user through a download link, which works
// the same in Electron and in a browser (no file system access from the renderer).
import type { RunRequest } from '../../common/api';
import { toChromeTrace } from '../../common/chrome-trace';
import { summaryCsv } from '../../common/csv';
import type { RunRecord } from '../../common/run-record';
import { sessionFileSuffix, toSessionFile } from '../../common/session-file';
import type { RunSummary } from '../../common/trace';
import { renderTimelinePng, type TimelineImageOptions } from './timeline/image';
import { shownTimelineView } from './timeline-on-screen';

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a later revoke keeps Safari-like engines happy.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportChromeTrace(runs: RunRecord[], baseName: string): void {
  download(new Blob([JSON.stringify(toChromeTrace(runs))], { type: 'application/json' }), `${baseName}.trace.json`);
}

/** The session with its whole traces, as a file "Open session…" reads back. */
export function exportSession(runs: RunRecord[], request: RunRequest, baseName: string): void {
  download(
    new Blob([JSON.stringify(toSessionFile(runs, request))], { type: 'application/json' }),
    `${baseName}${sessionFileSuffix}`,
  );
}

export function exportCsv(summaries: RunSummary[], baseName: string): void {
  download(new Blob([summaryCsv(summaries)], { type: 'text/csv' }), `${baseName}.csv`);
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
  download(png, `${baseName}.png`);
}
