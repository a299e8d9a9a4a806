// What the desktop shell remembers between starts, apart from the renderer's settings: the window's
// bounds, the folder of the last Open or Save, the recent files. One JSON file under userData
// (userData/desktop-state.json), versioned and checked field by field: a bad or old file is
// ignored with a note and never stops the app from starting.
import { z } from 'zod';
import { openKinds, type RecentFile } from '../common/desktop-api';
import type { SavedWindow } from './window-bounds';

export const desktopStateVersion = 1;
/** Entries of File ▸ Open Recent. */
export const maxRecentFiles = 10;

export interface DesktopState {
  window: SavedWindow | null;
  lastFolder: string | null;
  recent: RecentFile[];
}

export const emptyDesktopState: DesktopState = { window: null, lastFolder: null, recent: [] };

const finite = z.number().finite();
const schema = z.object({
  version: z.literal(desktopStateVersion),
  window: z
    .object({
      x: finite,
      y: finite,
      width: finite.positive(),
      height: finite.positive(),
      maximized: z.boolean(),
    })
    .nullable(),
  lastFolder: z.string().min(1).nullable(),
  recent: z.array(z.object({ kind: z.enum(openKinds), path: z.string().min(1) })).max(100),
});

/** The state a file holds, or the defaults and why the file was not used. */
export function parseDesktopState(text: string | null): { state: DesktopState; ignored: string | null } {
  if (text === null) return { state: emptyDesktopState, ignored: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: emptyDesktopState, ignored: 'it is not JSON' };
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== desktopStateVersion)
    return { state: emptyDesktopState, ignored: `version ${JSON.stringify(version)} is not ${desktopStateVersion}` };
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { state: emptyDesktopState, ignored: `${issue.path.join('.') || 'the file'}: ${issue.message}` };
  }
  const { window, lastFolder, recent } = parsed.data;
  return { state: { window, lastFolder, recent: recent.slice(0, maxRecentFiles) }, ignored: null };
}

export function serializeDesktopState(state: DesktopState): string {
  return `${JSON.stringify({ version: desktopStateVersion, ...state }, null, 2)}\n`;
}

/** The recent list after opening or saving `file`: it moves to the top, once, and the oldest fall off. */
export function withRecent(recent: readonly RecentFile[], file: RecentFile): RecentFile[] {
  return [file, ...recent.filter((entry) => entry.path !== file.path)].slice(0, maxRecentFiles);
}

/** The recent list without a file that could not be read. */
export function withoutRecent(recent: readonly RecentFile[], path: string): RecentFile[] {
  return recent.filter((entry) => entry.path !== path);
}
