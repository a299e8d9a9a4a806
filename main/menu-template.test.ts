// The application menu on each platform: the commands of the list with their keys, no
// Reload or DevTools in a packaged app, greyed items and checkboxes that follow the window.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DesktopCommand, MenuState } from '../common/desktop-api';
import { aboutDetail, menuTemplate, type MenuContext } from './menu-template';

const idle: MenuState = {
  presenter: false,
  consoleShown: true,
  canSaveSession: false,
  canExport: false,
  canExportCsv: false,
};

function build(overrides: Partial<MenuContext> = {}) {
  const sent: DesktopCommand[] = [];
  const calls: string[] = [];
  const template = menuTemplate({
    platform: 'linux',
    packaged: true,
    appName: 'GIL Lab',
    state: idle,
    recent: [],
    send: (command) => sent.push(command),
    about: () => calls.push('about'),
    clearRecent: () => calls.push('clear-recent'),
    ...overrides,
  });
  return { template, sent, calls };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items(template).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

/** Clicks an item as Electron would (the handler ignores its arguments). */
function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

const roles = (template: MenuItemConstructorOptions[]) =>
  items(template)
    .map((item) => item.role)
    .filter(Boolean);

describe('application menu', () => {
  it('has File, View and Help on Windows and Linux; the app menu, Edit and Window besides on macOS', () => {
    expect(build().template.map((menu) => menu.label)).toEqual(['&File', '&View', '&Help']);
    const mac = build({ platform: 'darwin' }).template;
    expect(mac.map((menu) => menu.label ?? menu.role)).toEqual([
      'GIL Lab',
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'Help',
    ]);
    expect(byId(mac, 'about').label).toBe('About GIL Lab');
    // About sits in the app menu on macOS, at the bottom of Help elsewhere.
    expect((mac[0].submenu as MenuItemConstructorOptions[])[0].id).toBe('about');
    const help = build().template[2].submenu as MenuItemConstructorOptions[];
    expect(help.at(-1)?.id).toBe('about');
  });

  it('sends each File, View and Help command to the window, as its buttons do', () => {
    const { template, sent } = build({ state: { ...idle, canSaveSession: true, canExport: true, canExportCsv: true } });
    for (const id of [
      'open-program',
      'open-session',
      'save-session',
      'export-trace',
      'export-png',
      'export-csv',
      'presenter',
      'console',
      'lesson',
      'shortcuts',
      'reset-settings',
    ])
      click(byId(template, id));
    expect(sent).toEqual([
      { type: 'open-program' },
      { type: 'open-session' },
      { type: 'save-session' },
      { type: 'export', format: 'trace' },
      { type: 'export', format: 'png' },
      { type: 'export', format: 'csv' },
      { type: 'toggle-presenter' },
      { type: 'toggle-console' },
      { type: 'show-lesson' },
      { type: 'show-shortcuts' },
      { type: 'reset-settings' },
    ]);
  });

  it('has no Reload and no DevTools when packaged, and both while developing', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const packaged = roles(build({ platform, packaged: true }).template);
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'appMenu', 'fileMenu'])
        expect(packaged, `${platform}: ${role}`).not.toContain(role);
      expect(roles(build({ platform, packaged: false }).template)).toEqual(
        expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
      );
    }
  });

  it('uses the keys of each platform', () => {
    const linux = build().template;
    const mac = build({ platform: 'darwin' }).template;
    expect(byId(linux, 'open-program').accelerator).toBe('CmdOrCtrl+O');
    expect(byId(linux, 'save-session').accelerator).toBe('CmdOrCtrl+S');
    expect(byId(linux, 'presenter').accelerator).toBe('F5');
    expect(byId(mac, 'presenter').accelerator).toBe('Alt+Cmd+P');
    expect(byId(linux, 'lesson').accelerator).toBe('F1');
    expect(byId(linux, 'zoom-in')).toMatchObject({ role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' });
    expect(byId(linux, 'zoom-out')).toMatchObject({ role: 'zoomOut', accelerator: 'CmdOrCtrl+-' });
    expect(byId(linux, 'reset-zoom')).toMatchObject({ role: 'resetZoom', accelerator: 'CmdOrCtrl+0' });
    // Quit and full screen take the platform's own keys from their roles (Cmd+Q, Alt+F4, Ctrl+Q; F11, Ctrl+Cmd+F).
    expect(byId(linux, 'quit')).toMatchObject({ role: 'quit' });
    expect(byId(linux, 'quit').accelerator).toBeUndefined();
    expect(byId(mac, 'quit')).toMatchObject({ role: 'quit' });
    const accelerators = items(linux)
      .map((item) => item.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('greys Save and the exports until there is something to save, and ticks what is on', () => {
    const { template } = build();
    for (const id of ['save-session', 'export-trace', 'export-png', 'export-csv'])
      expect(byId(template, id).enabled, id).toBe(false);
    expect(byId(template, 'presenter')).toMatchObject({ type: 'checkbox', checked: false });
    expect(byId(template, 'console')).toMatchObject({ type: 'checkbox', checked: true });
    const on = build({
      state: { presenter: true, consoleShown: false, canSaveSession: false, canExport: true, canExportCsv: false },
    }).template;
    expect(byId(on, 'presenter').checked).toBe(true);
    expect(byId(on, 'console').checked).toBe(false);
    expect(byId(on, 'export-trace').enabled).toBe(true);
    expect(byId(on, 'export-csv').enabled).toBe(false);
  });

  it('offers the recent files, newest first, and clears them', () => {
    const recent = [
      { kind: 'session' as const, path: '/home/t/class/week 3.gillab.json' },
      { kind: 'program' as const, path: '/home/t/R&D/convoy.py' },
    ];
    const { template, sent, calls } = build({ recent });
    const submenu = byId(template, 'open-recent').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.label ?? item.type)).toEqual([
      'week 3.gillab.json (session)',
      'convoy.py (program)',
      'separator',
      'Clear Menu',
    ]);
    click(submenu[1]);
    expect(sent).toEqual([{ type: 'open-recent', path: '/home/t/R&D/convoy.py' }]);
    click(byId(template, 'clear-recent'));
    expect(calls).toEqual(['clear-recent']);
    const empty = byId(build().template, 'open-recent').submenu as MenuItemConstructorOptions[];
    expect(empty[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
    expect(byId(build().template, 'clear-recent').enabled).toBe(false);
  });

  it("keeps a file name's own & (Windows and Linux read a single & as a mnemonic)", () => {
    const { template } = build({ recent: [{ kind: 'program', path: '/x/R&D.py' }] });
    expect(byId(template, 'recent-0').label).toBe('R&&D.py (program)');
  });

  it('opens the About box from the menu, which names every version', () => {
    const { template, calls } = build();
    click(byId(template, 'about'));
    expect(calls).toEqual(['about']);
    const detail = aboutDetail({
      app: '0.1.0',
      electron: '40.10.2',
      chrome: '144.0',
      node: '24.1',
      v8: '14.4',
      platform: 'linux',
      arch: 'x64',
    });
    for (const part of ['Version 0.1.0', 'Electron 40.10.2', 'Chromium 144.0', 'Node.js 24.1', 'V8 14.4', 'linux x64'])
      expect(detail).toContain(part);
  });
});
