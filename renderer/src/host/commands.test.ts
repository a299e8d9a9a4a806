// The desktop menu's commands in the window, against a stand-in for window.gilLab.desktop that
// records what it was asked: each does what the window's own button does (the same files, the same
// refusals), the menu's checkboxes and greyed items follow the window, and a notice left by the
// main process (the last page reloaded or crashed) shows in the error banner.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, DesktopCommand, MenuState, OpenResult, SaveKind } from '../../../common/desktop-api';
import { findPreset } from '../../../common/presets';
import { parseSessionFile, toSessionFile } from '../../../common/session-file';
import { sessionEvents } from '../store/fixtures';
import { initialRuns, useRuns } from '../store/runs';
import { initialSettings, useSettings } from '../store/settings';
import { initialView, useView } from '../store/view';
import { connectDesktop, currentMenuState, runCommand } from './commands';
import { useHelp } from './help';

interface Saved {
  kind: SaveKind;
  name: string;
  data: string | Uint8Array;
}

interface StandInDesktop extends DesktopApi {
  saved: Saved[];
  menu: MenuState[];
  saveAnswer: { ok: false; error: string } | null;
  recent: Map<string, OpenResult>;
  notice: string | null;
  click(command: DesktopCommand): void;
}

function standInDesktop(): StandInDesktop {
  let listener: (command: DesktopCommand) => void = () => {};
  const desktop: StandInDesktop = {
    saved: [] as Saved[],
    menu: [] as MenuState[],
    saveAnswer: null as { ok: false; error: string } | null,
    recent: new Map<string, OpenResult>(),
    notice: null as string | null,
    async openFile() {
      return null;
    },
    async openRecent(path: string): Promise<OpenResult> {
      return (
        desktop.recent.get(path) ?? { ok: false, kind: 'program', name: path, error: 'not one of the recent files' }
      );
    },
    async saveFile(kind: SaveKind, name: string, data: string | Uint8Array) {
      desktop.saved.push({ kind, name, data });
      return desktop.saveAnswer ?? { ok: true as const, value: { path: `/home/t/${name}` } };
    },
    loadSettings: async () => null,
    saveSettings: async () => {},
    clearSettings: async () => {},
    async setMenuState(state: MenuState) {
      desktop.menu.push(state);
    },
    async takeNotice() {
      return desktop.notice;
    },
    onCommand(next: (command: DesktopCommand) => void) {
      listener = next;
      return () => {};
    },
    click: (command: DesktopCommand) => listener(command),
  };
  return desktop;
}

let desktop = standInDesktop();
const resets: string[] = [];
const context = () => ({ desktop, resetSettings: async () => void resets.push('reset') });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function finishedSession(): void {
  for (const event of sessionEvents('s1')) useRuns.getState().apply(event);
}

beforeEach(() => {
  desktop = standInDesktop();
  resets.length = 0;
  useRuns.setState(initialRuns);
  useView.setState(initialView);
  useSettings.setState(initialSettings);
  useHelp.setState({ topic: null });
  vi.stubGlobal('window', { gilLab: { desktop } });
});
afterEach(() => vi.unstubAllGlobals());

describe('menu commands', () => {
  it('File ▸ Save Session writes the session on screen through the Save dialog, as a file Open session reads', async () => {
    finishedSession();
    await runCommand({ type: 'save-session' }, context());
    expect(desktop.saved).toHaveLength(1);
    const [saved] = desktop.saved;
    expect(saved.kind).toBe('session');
    expect(saved.name).toMatch(/^gil-lab-calc-threads-.*\.gillab\.json$/);
    const parsed = parseSessionFile(saved.data as string);
    expect(parsed.ok && parsed.value.runs.map((run) => run.info.strategy)).toEqual([
      'sequential',
      'threading',
      'multiprocessing',
    ]);
    expect(useRuns.getState().error).toBeNull();
  });

  it('File ▸ Export writes the Chrome trace and the CSV of the session on screen', async () => {
    finishedSession();
    await runCommand({ type: 'export', format: 'trace' }, context());
    await runCommand({ type: 'export', format: 'csv' }, context());
    const [trace, csv] = desktop.saved;
    expect(trace.kind).toBe('trace');
    expect(trace.name).toMatch(/\.trace\.json$/);
    expect(JSON.parse(trace.data as string).traceEvents.length).toBeGreaterThan(0);
    expect(csv).toMatchObject({ kind: 'csv', name: expect.stringMatching(/\.csv$/) });
    expect((csv.data as string).split('\n')[0]).toMatch(/strategy/);
  });

  it('says why there is nothing to save, as the greyed button would, and writes nothing', async () => {
    await runCommand({ type: 'save-session' }, context());
    expect(useRuns.getState().error).toBe('Nothing to export yet: run a session or open one first.');
    for (const event of sessionEvents('s2').slice(0, 4)) useRuns.getState().apply(event);
    await runCommand({ type: 'save-session' }, context());
    expect(useRuns.getState().error).toBe('Save the session once it has ended.');
    expect(desktop.saved).toEqual([]);
  });

  it('shows a failed write in the banner', async () => {
    finishedSession();
    desktop.saveAnswer = { ok: false, error: 'could not save x.csv: permission denied' };
    await runCommand({ type: 'export', format: 'csv' }, context());
    expect(useRuns.getState().error).toBe('Export failed: could not save x.csv: permission denied');
  });

  it('opens a recent session into the history, and a recent program as the next run’s', async () => {
    const events = sessionEvents('s3');
    for (const event of events) useRuns.getState().apply(event);
    const text = JSON.stringify(toSessionFile(useRuns.getState().sessions[0].runs));
    useRuns.setState(initialRuns);
    desktop.recent.set('/home/t/week3.gillab.json', {
      ok: true,
      value: { kind: 'session', name: 'week3.gillab.json', path: '/home/t/week3.gillab.json', text },
    });
    useSettings.getState().editSource('print("something else")\n');
    await runCommand({ type: 'open-recent', path: '/home/t/week3.gillab.json' }, context());
    expect(useRuns.getState().sessions.map((s) => s.fromFile)).toEqual(['week3.gillab.json']);
    // The session's program is back in the editor, so the trace's lines are the editor's lines.
    expect(useSettings.getState().program).toEqual({ ...findPreset('calc-threads'), fromPreset: 'calc-threads' });

    const source = '# Two naps\nimport time\ntime.sleep(0.1)\n';
    desktop.recent.set('/home/t/naps.py', {
      ok: true,
      value: { kind: 'program', name: 'naps.py', path: '/home/t/naps.py', text: source },
    });
    await runCommand({ type: 'open-recent', path: '/home/t/naps.py' }, context());
    expect(useSettings.getState().program).toEqual({ name: 'naps', description: 'Two naps', file: 'naps.py', source });
  });

  it('shows why a recent file could not be opened, beside the control it belongs to', async () => {
    await runCommand({ type: 'open-recent', path: '/gone.py' }, context());
    expect(useSettings.getState().programFileError).toBe('/gone.py: not one of the recent files');
  });

  it('toggles presenter mode and the console, opens help, resets the settings', async () => {
    await runCommand({ type: 'toggle-presenter' }, context());
    await runCommand({ type: 'toggle-console' }, context());
    expect(useView.getState()).toMatchObject({ presenter: true, consoleShown: false });
    await runCommand({ type: 'show-shortcuts' }, context());
    expect(useHelp.getState().topic).toBe('shortcuts');
    await runCommand({ type: 'show-lesson' }, context());
    expect(useHelp.getState().topic).toBe('lesson');
    await runCommand({ type: 'reset-settings' }, context());
    expect(resets).toEqual(['reset']);
  });
});

describe('the menu follows the window', () => {
  it('ticks presenter mode and the console, and greys Save while nothing is saved', () => {
    expect(currentMenuState()).toEqual({
      presenter: false,
      consoleShown: true,
      canSaveSession: false,
      canExport: false,
      canExportCsv: false,
    });
    for (const event of sessionEvents('s4').slice(0, 4)) useRuns.getState().apply(event);
    expect(currentMenuState()).toMatchObject({ canSaveSession: false, canExport: true, canExportCsv: false });
    finishedSession();
    useView.getState().selectSession('s1');
    expect(currentMenuState()).toMatchObject({ canSaveSession: true, canExport: true, canExportCsv: true });
  });

  it('runs the commands the menu sends, reports the menu state as it changes, and shows the notice', async () => {
    desktop.notice = 'The window crashed, exit code 139 and was opened again.';
    const disconnect = connectDesktop(desktop, { resetSettings: async () => {} });
    await settled();
    expect(useRuns.getState().error).toBe(desktop.notice);
    expect(desktop.menu.at(-1)?.presenter).toBe(false);
    desktop.click({ type: 'toggle-presenter' });
    expect(useView.getState().presenter).toBe(true);
    expect(desktop.menu.at(-1)?.presenter).toBe(true);
    const reports = desktop.menu.length;
    useView.getState().setBrushedRange({ startUs: 0, endUs: 5 });
    expect(desktop.menu).toHaveLength(reports);
    disconnect();
  });
});
