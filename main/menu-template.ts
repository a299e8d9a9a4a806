// The application menu, as a template built from the platform, whether the app is packaged, the
// renderer's menu state and the recent files. It replaces Electron's default menu, which offers
// Reload and DevTools: a reload during a session used to leave the engine running with no page to
// show it. Pure (Electron's types only), so main/menu-template.test.ts checks every platform.
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import {
  menuShortcuts,
  type DesktopCommand,
  type MenuState,
  type RecentFile,
  type Shortcut,
} from '../common/desktop-api';

export interface MenuContext {
  platform: NodeJS.Platform;
  /** A packaged app has no Reload and no DevTools. */
  packaged: boolean;
  appName: string;
  state: MenuState;
  recent: readonly RecentFile[];
  /** Hands a command to the renderer, which does what its own button does. */
  send(command: DesktopCommand): void;
  about(): void;
  clearRecent(): void;
}

/** Windows and Linux read "&" in a label as the next letter's mnemonic; a file name's own must stay a "&". */
function literal(label: string): string {
  return label.replaceAll('&', '&&');
}

export function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { platform, packaged, appName, state, recent, send } = context;
  const mac = platform === 'darwin';
  const key = (shortcut: Shortcut) => (mac ? shortcut.mac : shortcut.other);
  const command = (
    id: string,
    shortcut: Shortcut,
    sent: DesktopCommand,
    extra: MenuItemConstructorOptions = {},
  ): MenuItemConstructorOptions => ({
    id,
    label: shortcut.label,
    accelerator: key(shortcut),
    click: () => send(sent),
    ...extra,
  });
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${appName}`, click: () => context.about() };

  const openRecent: MenuItemConstructorOptions = {
    id: 'open-recent',
    label: 'Open Recent',
    submenu: [
      ...(recent.length === 0 ? [{ label: 'No Recent Files', enabled: false }] : []),
      ...recent.map((file, index): MenuItemConstructorOptions => ({
        id: `recent-${index}`,
        label: `${literal(basename(file.path))} (${file.kind})`,
        toolTip: file.path,
        click: () => send({ type: 'open-recent', path: file.path }),
      })),
      { type: 'separator' },
      { id: 'clear-recent', label: 'Clear Menu', enabled: recent.length > 0, click: () => context.clearRecent() },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      command('open-program', menuShortcuts.openProgram, { type: 'open-program' }),
      command('open-session', menuShortcuts.openSession, { type: 'open-session' }),
      openRecent,
      { type: 'separator' },
      command('save-session', menuShortcuts.saveSession, { type: 'save-session' }, { enabled: state.canSaveSession }),
      {
        id: 'export',
        label: 'Export',
        submenu: [
          command(
            'export-trace',
            menuShortcuts.exportTrace,
            { type: 'export', format: 'trace' },
            {
              enabled: state.canExport,
            },
          ),
          {
            id: 'export-png',
            label: 'Timeline Image (PNG)…',
            enabled: state.canExport,
            click: () => send({ type: 'export', format: 'png' }),
          },
          {
            id: 'export-csv',
            label: 'Summary Table (CSV)…',
            enabled: state.canExportCsv,
            click: () => send({ type: 'export', format: 'csv' }),
          },
        ],
      },
      { type: 'separator' },
      { id: 'reset-settings', label: 'Reset Settings', click: () => send({ type: 'reset-settings' }) },
      { type: 'separator' },
      // The role says "Exit" on Windows (Alt+F4) and "Quit GIL Lab" with Ctrl+Q on Linux.
      mac ? { role: 'close' } : { id: 'quit', role: 'quit' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      command(
        'presenter',
        menuShortcuts.presenter,
        { type: 'toggle-presenter' },
        {
          type: 'checkbox',
          checked: state.presenter,
        },
      ),
      command(
        'console',
        menuShortcuts.console,
        { type: 'toggle-console' },
        {
          type: 'checkbox',
          checked: state.consoleShown,
        },
      ),
      { type: 'separator' },
      { id: 'zoom-in', role: 'zoomIn', label: menuShortcuts.zoomIn.label, accelerator: key(menuShortcuts.zoomIn) },
      { id: 'zoom-out', role: 'zoomOut', label: menuShortcuts.zoomOut.label, accelerator: key(menuShortcuts.zoomOut) },
      {
        id: 'reset-zoom',
        role: 'resetZoom',
        label: menuShortcuts.resetZoom.label,
        accelerator: key(menuShortcuts.resetZoom),
      },
      { type: 'separator' },
      { id: 'full-screen', role: 'togglefullscreen' },
      // Only while developing: a packaged app has neither (and its window has no DevTools at all).
      ...(packaged
        ? []
        : ([
            { type: 'separator' },
            { id: 'reload', role: 'reload' },
            { id: 'force-reload', role: 'forceReload' },
            { id: 'devtools', role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: mac ? 'Help' : '&Help',
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      command('lesson', menuShortcuts.lesson, { type: 'show-lesson' }),
      command('shortcuts', menuShortcuts.shortcuts, { type: 'show-shortcuts' }),
      ...(mac ? [] : ([{ type: 'separator' }, about] satisfies MenuItemConstructorOptions[])),
    ],
  };

  if (!mac) return [file, view, help];
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { id: 'quit', role: 'quit' },
    ],
  };
  // macOS: copy and paste in text fields work only through an Edit menu's roles.
  return [appMenu, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}

/** The About box's text: what this is and every version a bug report needs. */
export function aboutDetail(versions: {
  app: string;
  electron: string;
  chrome: string;
  node: string;
  v8: string;
  platform: string;
  arch: string;
}): string {
  return [
    "Makes Python's Global Interpreter Lock visible: real threads and processes under a simulated GIL, drawn live.",
    '',
    `Version ${versions.app}`,
    `Electron ${versions.electron}`,
    `Chromium ${versions.chrome}`,
    `Node.js ${versions.node}`,
    `V8 ${versions.v8}`,
    `${versions.platform} ${versions.arch}`,
  ].join('\n');
}
