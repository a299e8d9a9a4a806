// The desktop's services (DesktopMethods of common/desktop-api.ts) in Electron: the system's dialogs,
// the last folder and the recent files (userData/desktop-state.json), the renderer's settings file
// (userData/settings.json), the menu state and the notice for a page opened again. The pure parts
// live beside it: dialog-options.ts, desktop-files.ts, desktop-state.ts, session-guard.ts.
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DesktopMethods, MenuState, RecentFile } from '../common/desktop-api';
import { maxSettingsBytes } from '../common/desktop-api';
import { openDialogOptions, saveDialogOptions } from './dialog-options';
import { readAppFile, readUserFile, saveName, withEnding, writeFileAtomic, writeUserFile } from './desktop-files';
import {
  parseDesktopState,
  serializeDesktopState,
  withoutRecent,
  withRecent,
  type DesktopState,
} from './desktop-state';
import type { SessionGuard } from './session-guard';
import type { SavedWindow } from './window-bounds';

export interface DesktopShell extends DesktopMethods {
  readonly state: DesktopState;
  readonly menuState: MenuState;
  rememberWindow(saved: SavedWindow): Promise<void>;
  clearRecent(): Promise<void>;
  /** Resolves once every file asked for is written. */
  flush(): Promise<void>;
}

export interface DesktopShellOptions {
  userData: string;
  window(): BrowserWindow | null;
  guard: SessionGuard;
  /** The recent files or the menu state changed: the menu is built again. */
  onMenuChange(): void;
}

export const initialMenuState: MenuState = {
  presenter: false,
  consoleShown: true,
  canSaveSession: false,
  canExport: false,
  canExportCsv: false,
};

/** Reads userData/desktop-state.json; a bad or old one is ignored with a note. */
export async function loadDesktopState(userData: string): Promise<DesktopState> {
  const path = join(userData, 'desktop-state.json');
  const { state, ignored } = parseDesktopState(await readAppFile(path, 1 << 20));
  if (ignored)
    console.warn(`GIL Lab: ${path} ignored (${ignored}); starting with the default window and no recent files`);
  return state;
}

export function createDesktopShell(initial: DesktopState, options: DesktopShellOptions): DesktopShell {
  const statePath = join(options.userData, 'desktop-state.json');
  const settingsPath = join(options.userData, 'settings.json');
  let state = initial;
  let menuState = initialMenuState;
  // Writes of one file happen in the order they were asked for.
  let writes: Promise<void> = Promise.resolve();
  const queue = (write: () => Promise<void>): Promise<void> => {
    writes = writes.then(write).catch((error: unknown) => console.error('GIL Lab: could not write a file:', error));
    return writes;
  };

  const update = (change: Partial<DesktopState>): Promise<void> => {
    const recentChanged = change.recent !== undefined && change.recent !== state.recent;
    state = { ...state, ...change };
    if (recentChanged) options.onMenuChange();
    const text = serializeDesktopState(state);
    return queue(() => writeFileAtomic(statePath, text));
  };

  const folder = () => state.lastFolder ?? app.getPath('documents');
  const showOpen = (dialogOptions: OpenDialogOptions) => {
    const window = options.window();
    return window ? dialog.showOpenDialog(window, dialogOptions) : dialog.showOpenDialog(dialogOptions);
  };
  const showSave = (dialogOptions: SaveDialogOptions) => {
    const window = options.window();
    return window ? dialog.showSaveDialog(window, dialogOptions) : dialog.showSaveDialog(dialogOptions);
  };
  const opened = (file: RecentFile) =>
    update({ lastFolder: dirname(file.path), recent: withRecent(state.recent, file) });

  return {
    get state() {
      return state;
    },
    get menuState() {
      return menuState;
    },

    async openFile(kind) {
      const answer = await showOpen(openDialogOptions(kind, folder()));
      const path = answer.filePaths[0];
      if (answer.canceled || path === undefined) return null;
      const result = await readUserFile(kind, path);
      if (result.ok) await opened({ kind, path });
      else await update({ lastFolder: dirname(path) });
      return result;
    },

    async openRecent(path) {
      const entry = state.recent.find((file) => file.path === path);
      if (!entry) return { ok: false, kind: 'program', name: basename(path), error: 'not one of the recent files' };
      const result = await readUserFile(entry.kind, path);
      if (result.ok) await opened(entry);
      else await update({ recent: withoutRecent(state.recent, path) });
      return result;
    },

    async saveFile(kind, suggestedName, data) {
      const answer = await showSave(saveDialogOptions(kind, saveName(kind, suggestedName), folder()));
      if (answer.canceled || !answer.filePath) return null;
      const path = withEnding(kind, answer.filePath);
      const result = await writeUserFile(path, data);
      if (result.ok && kind === 'session') await opened({ kind: 'session', path });
      else if (result.ok) await update({ lastFolder: dirname(path) });
      return result;
    },

    loadSettings: () => readAppFile(settingsPath, maxSettingsBytes),
    saveSettings: (text) => queue(() => writeFileAtomic(settingsPath, text)),
    clearSettings: () => queue(() => rm(settingsPath, { force: true })),

    async setMenuState(next) {
      menuState = next;
      options.onMenuChange();
    },

    async takeNotice() {
      return options.guard.takeNotice();
    },

    rememberWindow: (saved) => update({ window: saved }),
    clearRecent: () => update({ recent: [] }),
    flush: () => writes,
  };
}
