// The desktop's own services, beside the engine: the system's Open and Save dialogs, recent files,
// the settings file under userData, the application menu's commands, and the message left for a
// window opened again after a reload or a crash. They are not engine methods (GilLabApi): the web
// host has none of them, and the renderer's host services (renderer/src/host) use the browser's
// equivalents there. The preload exposes them as `window.gilLab.desktop`, under the one global the
// engine already has; its presence is how the renderer knows it runs in Electron.
import { methodList, type GilLabApi, type Result } from './api';

/** What the Open dialogs open. */
export const openKinds = ['program', 'session'] as const;
export type OpenKind = (typeof openKinds)[number];

/** What the Save dialogs write: a session file and the three exports. */
export const saveKinds = ['session', 'trace', 'png', 'csv'] as const;
export type SaveKind = (typeof saveKinds)[number];

/** Electron's FileFilter: extensions without dots or wildcards. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

const allFiles: FileFilter = { name: 'All files', extensions: ['*'] };

/** The Open dialogs' filters, the first one chosen. Session files end in .gillab.json; macOS sees only ".json". */
export const openFilters: Record<OpenKind, FileFilter[]> = {
  program: [{ name: 'Programs (.py, .json)', extensions: ['py', 'json'] }, allFiles],
  session: [{ name: 'GIL Lab sessions (.gillab.json)', extensions: ['json'] }, allFiles],
};

/** The Save dialogs' filters, and the ending a saved name gets when the user typed none. */
export const saveFormats: Record<SaveKind, { filter: FileFilter; ending: string }> = {
  session: { filter: { name: 'GIL Lab session', extensions: ['json'] }, ending: '.gillab.json' },
  trace: { filter: { name: 'Chrome trace (Perfetto)', extensions: ['json'] }, ending: '.trace.json' },
  png: { filter: { name: 'PNG image', extensions: ['png'] }, ending: '.png' },
  csv: { filter: { name: 'CSV table', extensions: ['csv'] }, ending: '.csv' },
};

export interface OpenedFile {
  kind: OpenKind;
  /** The file's name, for messages and the history ("from saved.gillab.json"). */
  name: string;
  path: string;
  text: string;
}

/** An opened file, or why it was refused; the refusal names the file as the renderer's messages do. */
export type OpenResult = { ok: true; value: OpenedFile } | { ok: false; kind: OpenKind; name: string; error: string };

export interface RecentFile {
  kind: OpenKind;
  path: string;
}

/** What the menu's checkboxes and greyed items show; the renderer reports it as it changes. */
export interface MenuState {
  presenter: boolean;
  consoleShown: boolean;
  /** A finished session with runs is on screen. */
  canSaveSession: boolean;
  /** The session on screen has runs (trace, PNG). */
  canExport: boolean;
  /** The session on screen has summaries (CSV). */
  canExportCsv: boolean;
}

/** Menu items the renderer carries out, with the same actions as its buttons. */
export type DesktopCommand =
  | { type: 'open-program' }
  | { type: 'open-session' }
  | { type: 'open-recent'; path: string }
  | { type: 'save-session' }
  | { type: 'export'; format: 'trace' | 'png' | 'csv' }
  | { type: 'toggle-presenter' }
  | { type: 'toggle-console' }
  | { type: 'show-lesson' }
  | { type: 'show-shortcuts' }
  | { type: 'reset-settings' };

export interface DesktopMethods {
  /** The system's Open dialog for this kind of file, in the last folder used; null when cancelled. */
  openFile(kind: OpenKind): Promise<OpenResult | null>;
  /** Reads a file of the recent list (only those: the page cannot name any other path). */
  openRecent(path: string): Promise<OpenResult>;
  /** The system's Save dialog with `suggestedName` in the last folder; writes `data`; null when cancelled. */
  saveFile(kind: SaveKind, suggestedName: string, data: string | Uint8Array): Promise<Result<{ path: string }> | null>;
  /** The settings file's text (userData/settings.json), or null when there is none. */
  loadSettings(): Promise<string | null>;
  saveSettings(text: string): Promise<void>;
  /** Deletes the settings file: the next start uses the defaults. */
  clearSettings(): Promise<void>;
  setMenuState(state: MenuState): Promise<void>;
  /** A message for this page from before it loaded (the last one was reloaded or crashed), once. */
  takeNotice(): Promise<string | null>;
}

export interface DesktopApi extends DesktopMethods {
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
}

/** `window.gilLab` in Electron: the engine's contract and the desktop's services. */
export interface DesktopGlobal extends GilLabApi {
  desktop: DesktopApi;
}

/** The desktop's channels, declared once: the preload and the main process iterate over this list. */
export const desktopMethodNames = methodList<DesktopMethods>()([
  'openFile',
  'openRecent',
  'saveFile',
  'loadSettings',
  'saveSettings',
  'clearSettings',
  'setMenuState',
  'takeNotice',
]);

/** Prefix of the desktop's IPC channels (the engine's are `gil-lab:`); commands arrive on `${desktopPrefix}command`. */
export const desktopPrefix = 'gil-lab-desktop:';
export const commandChannel = `${desktopPrefix}command`;

/** The settings file's largest size: a program of limits.maxFileBytes fits several times over. */
export const maxSettingsBytes = 4 << 20;
/** The largest file a Save dialog writes (a PNG of a long session, a session with its traces). */
export const maxSaveBytes = 256 << 20;

/** Keys of the menu's own commands, per platform: the menu and the shortcuts list both read them. */
export interface Shortcut {
  /** What it does, as the menu says it. */
  label: string;
  /** Electron accelerator syntax, e.g. CmdOrCtrl+O. */
  mac: string;
  other: string;
}

export const menuShortcuts = {
  openProgram: { label: 'Open Program…', mac: 'CmdOrCtrl+O', other: 'CmdOrCtrl+O' },
  openSession: { label: 'Open Session…', mac: 'CmdOrCtrl+Shift+O', other: 'CmdOrCtrl+Shift+O' },
  saveSession: { label: 'Save Session…', mac: 'CmdOrCtrl+S', other: 'CmdOrCtrl+S' },
  exportTrace: { label: 'Export Chrome Trace…', mac: 'CmdOrCtrl+E', other: 'CmdOrCtrl+E' },
  // Keynote plays with ⌥⌘P, PowerPoint with F5.
  presenter: { label: 'Presenter Mode', mac: 'Alt+Cmd+P', other: 'F5' },
  console: { label: 'Console', mac: 'CmdOrCtrl+J', other: 'CmdOrCtrl+J' },
  zoomIn: { label: 'Zoom In', mac: 'CmdOrCtrl+Plus', other: 'CmdOrCtrl+Plus' },
  zoomOut: { label: 'Zoom Out', mac: 'CmdOrCtrl+-', other: 'CmdOrCtrl+-' },
  resetZoom: { label: 'Actual Size', mac: 'CmdOrCtrl+0', other: 'CmdOrCtrl+0' },
  fullScreen: { label: 'Full Screen', mac: 'Ctrl+Cmd+F', other: 'F11' },
  lesson: { label: 'The Lesson', mac: 'CmdOrCtrl+Shift+/', other: 'F1' },
  shortcuts: { label: 'Keyboard Shortcuts', mac: 'CmdOrCtrl+/', other: 'CmdOrCtrl+/' },
} as const satisfies Record<string, Shortcut>;

/** An accelerator as the platform writes it: ⌘⇧O on macOS, Ctrl+Shift+O elsewhere. */
export function shortcutText(accelerator: string, mac: boolean): string {
  const words: Record<string, [mac: string, other: string]> = {
    CmdOrCtrl: ['⌘', 'Ctrl'],
    Cmd: ['⌘', 'Ctrl'],
    Ctrl: ['⌃', 'Ctrl'],
    Alt: ['⌥', 'Alt'],
    Shift: ['⇧', 'Shift'],
    Plus: ['+', 'Plus'],
  };
  const named = accelerator.split('+').map((part) => words[part]?.[mac ? 0 : 1] ?? part);
  return named.join(mac ? '' : '+');
}
