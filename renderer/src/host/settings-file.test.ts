// Settings between starts, against an in-memory stand-in for the host's storage (userData/settings.json
// in Electron, localStorage on the web): what the user set comes back; a bad, old or foreign text is
// ignored with a note and the window starts with the defaults; Reset settings forgets them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presets } from '../../../common/presets';
import { initialSettings, useSettings } from '../store/settings';
import { initialView, useView } from '../store/view';
import { keepSettings, parsePersistedSettings, type SettingsPersistence, type SettingsStorage } from './settings-file';

const machine = { cores: 2, platform: 'linux', arch: 'x64', node: '20', host: 'electron' as const };
const catalog = presets.map((program) => ({ name: program.name, description: program.description, program }));

function memoryStorage(initial: string | null = null) {
  const storage: SettingsStorage & { text: string | null; saves: number } = {
    text: initial,
    saves: 0,
    load: async () => storage.text,
    save: async (text: string) => {
      storage.text = text;
      storage.saves += 1;
    },
    clear: async () => {
      storage.text = null;
    },
  };
  return storage;
}

/** A fresh window: the stores as at start, with the catalog arrived. */
function freshWindow(): void {
  useSettings.setState(initialSettings);
  useSettings.getState().setCatalog(catalog, machine);
  useView.setState(initialView);
}

/** Writes happen only when the test says so (the 300 ms pause, without waiting for it). */
function manualSchedule() {
  const pending: (() => void)[] = [];
  return {
    schedule: (write: () => void) => {
      pending.push(write);
      return () => pending.splice(pending.indexOf(write), 1);
    },
    pending,
  };
}

let kept: SettingsPersistence[] = [];
function keep(storage: SettingsStorage, schedule = manualSchedule().schedule): SettingsPersistence {
  const persistence = keepSettings(storage, schedule);
  kept.push(persistence);
  return persistence;
}

function changeEverything(): void {
  const s = useSettings.getState();
  s.toggleStrategy('sequential');
  s.toggleStrategy('asyncio');
  s.setWorkers(7);
  s.setSwitchInterval('0.5');
  s.setGil('old');
  s.setTimeScale('0.1');
  s.choosePreset('car-truck');
  useView.getState().setPresenter(true);
  useView.getState().setConsoleShown(false);
}

function knobs() {
  const s = useSettings.getState();
  const v = useView.getState();
  return {
    strategies: s.strategies,
    workers: s.workers,
    workersChosen: s.workersChosen,
    switchInterval: s.switchIntervalText,
    gil: s.gil,
    timeScale: s.timeScaleText,
    program: s.program,
    presenter: v.presenter,
    consoleShown: v.consoleShown,
  };
}

let warnings: string[] = [];
beforeEach(() => {
  freshWindow();
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
});
afterEach(() => {
  for (const persistence of kept) persistence.stop();
  kept = [];
  vi.restoreAllMocks();
});

describe('settings between starts', () => {
  it('brings back every knob, the program and presenter mode', async () => {
    const storage = memoryStorage();
    const first = keep(storage);
    await first.ready;
    changeEverything();
    const set = knobs();
    await first.flush();
    first.stop();

    freshWindow();
    expect(knobs()).not.toEqual(set);
    await keep(storage).ready;
    expect(knobs()).toEqual(set);
    expect(set).toMatchObject({ strategies: ['threading', 'multiprocessing', 'asyncio'], workers: 7, presenter: true });
    expect(JSON.parse(storage.text ?? '')).toMatchObject({
      version: 1,
      program: { kind: 'preset', name: 'car-truck' },
    });
  });

  it('brings back the editor’s text as it was typed, problems and all, checked again', async () => {
    const storage = memoryStorage();
    const first = keep(storage);
    await first.ready;
    useSettings.getState().choosePreset('car-truck');
    useSettings.getState().editSource('import numpy\nprint("mine")\n');
    const typed = useSettings.getState().program;
    await first.flush();
    first.stop();
    expect(JSON.parse(storage.text ?? '').program).toEqual({ kind: 'editor', ...typed });

    freshWindow();
    await keep(storage).ready;
    expect(useSettings.getState().program).toEqual(typed);
    expect(useSettings.getState().check).toMatchObject({ source: typed.source, problems: [{ line: 1 }] });
  });

  it('drops a JSON-step program of older settings alone, with a note, and keeps the knobs', async () => {
    const saved = {
      version: 1,
      strategies: ['threading'],
      workers: 3,
      gil: 'old',
      presenter: false,
      consoleShown: true,
    };
    const storage = memoryStorage(
      JSON.stringify({ ...saved, program: { kind: 'file', fileName: 'a.json', program: { main: [] } } }),
    );
    await keep(storage).ready;
    expect(useSettings.getState()).toMatchObject({ strategies: ['threading'], workers: 3, gil: 'old' });
    expect(useSettings.getState().program).toEqual(initialSettings.program);
    expect(warnings).toEqual([
      'GIL Lab: the last program was not restored (programs are Python now: the JSON-step program file was not kept)',
    ]);
  });

  it('keeps following the core count when the user never moved the workers slider', async () => {
    const storage = memoryStorage();
    const first = keep(storage);
    await first.ready;
    useSettings.getState().setGil('old');
    await first.flush();
    first.stop();
    freshWindow();
    await keep(storage).ready;
    useSettings.getState().setCatalog(catalog, { ...machine, cores: 12 });
    expect(useSettings.getState()).toMatchObject({ workers: 12, workersChosen: false, gil: 'old' });
  });

  it('writes once the changes pause, not on every keystroke, and not what it read', async () => {
    const storage = memoryStorage();
    const { schedule, pending } = manualSchedule();
    const persistence = keep(storage, schedule);
    await persistence.ready;
    expect(pending).toHaveLength(0);
    for (const text of ['0', '0.', '0.3', '0.35']) useSettings.getState().setTimeScale(text);
    useView.getState().selectSession('elsewhere');
    expect(pending).toHaveLength(1);
    pending[0]();
    await persistence.flush();
    expect(storage.saves).toBe(1);
    expect(JSON.parse(storage.text ?? '').timeScale).toBe(0.35);
  });

  it('leaves out a value being typed that is not valid, so the last valid one is not replaced by garbage', async () => {
    const storage = memoryStorage();
    const persistence = keep(storage);
    await persistence.ready;
    useSettings.getState().setSwitchInterval('abc');
    await persistence.flush();
    expect(JSON.parse(storage.text ?? '')).not.toHaveProperty('switchIntervalMs');
    freshWindow();
    await keep(storage).ready;
    expect(useSettings.getState().switchIntervalText).toBe(initialSettings.switchIntervalText);
  });

  it.each([
    ['not JSON', '{"version": 1,', 'it is not JSON'],
    ['of another version', JSON.stringify({ version: 0, gil: 'old' }), 'version 0 is not 1'],
    [
      'with a bad field',
      JSON.stringify({
        version: 1,
        strategies: ['threading'],
        workers: 0,
        gil: 'new',
        presenter: true,
        consoleShown: true,
      }),
      'workers: ',
    ],
    ['not an object', '"hello"', 'version undefined is not 1'],
  ])('ignores a settings text %s, says why, and starts with the defaults', async (_what, text, reason) => {
    const before = knobs();
    await keep(memoryStorage(text)).ready;
    expect(knobs()).toEqual(before);
    expect(warnings.join('\n')).toContain(`the saved settings were ignored (${reason}`);
  });

  it('keeps the knobs but drops a program that no longer restores, with a note', async () => {
    const saved = {
      version: 1,
      strategies: ['threading'],
      workers: 3,
      gil: 'old',
      presenter: false,
      consoleShown: true,
      program: { kind: 'preset', name: 'gone-preset' },
    };
    await keep(memoryStorage(JSON.stringify(saved))).ready;
    expect(useSettings.getState()).toMatchObject({ strategies: ['threading'], workers: 3, gil: 'old' });
    expect(useSettings.getState().program).toEqual(initialSettings.program);
    expect(warnings.join('\n')).toContain(
      'the last program was not restored (there is no preset "gone-preset" any more)',
    );
  });

  it('does not crash when the storage cannot be read or written', async () => {
    const broken: SettingsStorage = {
      load: () => Promise.reject(new Error('disk on fire')),
      save: () => Promise.reject(new Error('read-only')),
      clear: async () => {},
    };
    const persistence = keep(broken);
    await persistence.ready;
    useSettings.getState().setGil('old');
    await persistence.flush();
    expect(warnings.join('\n')).toMatch(/could not read the saved settings.*\n.*could not save the settings/);
  });

  it('Reset settings puts the defaults back and forgets the saved ones', async () => {
    const storage = memoryStorage();
    const persistence = keep(storage);
    await persistence.ready;
    changeEverything();
    await persistence.flush();
    freshWindow();
    const defaults = knobs();
    changeEverything();
    await persistence.reset();
    expect(knobs()).toEqual(defaults);
    expect(storage.text).toBeNull();
    // The catalog stays: workers follow the cores again.
    expect(useSettings.getState().presets).toHaveLength(catalog.length);
    // A fresh start after the reset is a first start.
    freshWindow();
    await keep(storage).ready;
    expect(knobs()).toEqual(defaults);
  });

  it('parses only its own format', () => {
    expect(parsePersistedSettings(JSON.stringify({ version: 1 }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^strategies: /),
    });
  });
});
