// Files in and out of the window, by host: Electron's system dialogs (with filters, the last folder
// and the recent files, main/desktop-services.ts), or the browser's file input and download link
// on the web host. The callers (export.ts, the Open buttons, the menu) do not know which.
import type { OpenResult, OpenKind, SaveKind } from '../../../common/desktop-api';
import { loadProgramFile } from '../engine-link';
import { openSessionFile } from '../open-session';
import { useRuns } from '../store/runs';
import { useSettings } from '../store/settings';
import { desktopApi } from './desktop';

/** The browser's way: a download link (in Electron too, if there were no desktop services). */
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

/** Saves an export or a session: the Save dialog in Electron (throws with the reason if writing failed), a download on the web. */
export async function saveBlob(kind: SaveKind, blob: Blob, fileName: string): Promise<void> {
  const desktop = desktopApi();
  if (!desktop) return download(blob, fileName);
  const data = kind === 'png' ? new Uint8Array(await blob.arrayBuffer()) : await blob.text();
  const result = await desktop.saveFile(kind, fileName, data);
  if (result && !result.ok) throw new Error(result.error);
}

/** What an opened file becomes: the same steps as a file picked in the browser's file input. */
export async function takeOpenedFile(result: OpenResult): Promise<void> {
  if (!result.ok) {
    const refusal = { ok: false as const, error: result.error };
    if (result.kind === 'program') useSettings.getState().refuseProgramFile(refusal.error, result.name);
    else useRuns.getState().openSession(refusal, result.name);
    return;
  }
  const { kind, name, text } = result.value;
  const file = new File([text], name, { type: kind === 'program' ? 'text/x-python' : 'application/json' });
  await (kind === 'program' ? loadProgramFile(file) : openSessionFile(file));
}

/** Electron's Open dialog for a kind of file; false on the web host, where the page's file input does it. */
export async function openWithDialog(kind: OpenKind): Promise<boolean> {
  const desktop = desktopApi();
  if (!desktop) return false;
  try {
    const result = await desktop.openFile(kind);
    if (result) await takeOpenedFile(result);
  } catch (error) {
    useRuns
      .getState()
      .reportError(`Could not open the file: ${error instanceof Error ? error.message : String(error)}`);
  }
  return true;
}

/**
 * For a file input's label: in Electron a click opens the system's dialog instead of Chromium's
 * (filters, last folder, recent files); on the web host it returns undefined and the input works as ever.
 */
export function dialogInstead(kind: OpenKind): ((event: { preventDefault(): void }) => void) | undefined {
  if (!desktopApi()) return undefined;
  return (event) => {
    event.preventDefault();
    void openWithDialog(kind);
  };
}
