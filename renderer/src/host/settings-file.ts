// The settings and the last program between starts: a versioned JSON text the host keeps —
// userData/settings.json in Electron (through window.gilLab.desktop), localStorage on the web host.
// A bad or old text is ignored with a console note and never stops the window; a program that no
// longer restores (a preset gone, a program model changed) is dropped alone. The program part is
// whatever persistedProgram and restoreProgram (store/settings.ts) make of it.
import { z } from 'zod';
import { limits } from '../../../common/limits';
import { gilModels, strategies } from '../../../common/program';
import {
  initialSettings,
  persistedProgram,
  restoreProgram,
  selectSwitchIntervalError,
  selectTimeScaleError,
  useSettings,
  workersSlider,
  type SettingsState,
} from '../store/settings';
import { initialView, useView, type ViewState } from '../store/view';
import { desktopApi } from './desktop';

export const settingsVersion = 1;
export const localStorageKey = 'gil-lab:settings';

/** Where the text lives. */
export interface SettingsStorage {
  load(): Promise<string | null>;
  save(text: string): Promise<void>;
  clear(): Promise<void>;
}

const schema = z.object({
  version: z.literal(settingsVersion),
  strategies: z.array(z.enum(strategies)),
  /** null: follow the machine's core count. */
  workers: z.number().int().min(workersSlider.min).max(workersSlider.max).nullable(),
  switchIntervalMs: z.number().min(limits.switchIntervalMs.min).max(limits.switchIntervalMs.max).optional(),
  gil: z.enum(gilModels),
  timeScale: z.number().min(limits.timeScale.min).max(limits.timeScale.max).optional(),
  measure: z.boolean().optional(),
  presenter: z.boolean(),
  consoleShown: z.boolean(),
  program: z.unknown(),
});

export type PersistedSettings = z.infer<typeof schema>;

/** What is kept of the settings and the view: the knobs as valid numbers (one being typed is left out). */
export function persistedSettings(settings: SettingsState, view: Pick<ViewState, 'presenter' | 'consoleShown'>) {
  return {
    version: settingsVersion,
    strategies: [...settings.strategies],
    workers: settings.workersChosen ? settings.workers : null,
    ...(selectSwitchIntervalError(settings) ? {} : { switchIntervalMs: Number(settings.switchIntervalText) }),
    gil: settings.gil,
    ...(selectTimeScaleError(settings) ? {} : { timeScale: Number(settings.timeScaleText) }),
    measure: settings.measure,
    presenter: view.presenter,
    consoleShown: view.consoleShown,
    program: persistedProgram(settings),
  } satisfies PersistedSettings;
}

/** The settings a text holds, or why it is ignored. */
export function parsePersistedSettings(
  text: string,
): { ok: true; value: PersistedSettings } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'it is not JSON' };
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== settingsVersion)
    return { ok: false, error: `version ${JSON.stringify(version)} is not ${settingsVersion}` };
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.join('.')}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}

/** Puts saved settings into the stores, through their own actions where they have one. */
export function applySettings(saved: PersistedSettings): void {
  const settings = useSettings.getState();
  useSettings.setState({ strategies: strategies.filter((s) => saved.strategies.includes(s)) });
  if (saved.workers !== null) settings.setWorkers(saved.workers);
  if (saved.switchIntervalMs !== undefined) settings.setSwitchInterval(String(saved.switchIntervalMs));
  settings.setGil(saved.gil);
  if (saved.timeScale !== undefined) settings.setTimeScale(String(saved.timeScale));
  if (saved.measure !== undefined) settings.setMeasure(saved.measure);
  const program = restoreProgram(saved.program);
  if (program.ok) settings.setProgram(program.value);
  else console.warn(`GIL Lab: the last program was not restored (${program.error})`);
  useView.getState().setPresenter(saved.presenter);
  useView.getState().setConsoleShown(saved.consoleShown);
}

/** Back to the first start's settings; the presets and the machine stay, workers follow the cores again. */
export function resetStores(): void {
  const { presets, machine } = useSettings.getState();
  const { presets: _presets, machine: _machine, ...defaults } = initialSettings;
  useSettings.setState(defaults);
  if (machine) useSettings.getState().setCatalog(presets, machine);
  useView.getState().setPresenter(initialView.presenter);
  useView.getState().setConsoleShown(initialView.consoleShown);
}

export function desktopOrBrowserStorage(): SettingsStorage {
  const desktop = desktopApi();
  if (desktop)
    return {
      load: () => desktop.loadSettings(),
      save: (t) => desktop.saveSettings(t),
      clear: () => desktop.clearSettings(),
    };
  return {
    load: async () => localStorage.getItem(localStorageKey),
    save: async (text) => localStorage.setItem(localStorageKey, text),
    clear: async () => localStorage.removeItem(localStorageKey),
  };
}

export interface SettingsPersistence {
  /** Resolves once the saved settings (if any) are on screen. */
  ready: Promise<void>;
  /** Writes what is pending now (a page about to go). */
  flush(): Promise<void>;
  /** The defaults on screen, and no settings kept. */
  reset(): Promise<void>;
  stop(): void;
}

/**
 * Loads the saved settings into the stores, then keeps them: each change is written once the
 * changes pause (`schedule`, 300 ms by default), not on every keystroke.
 */
export function keepSettings(
  storage: SettingsStorage,
  schedule: (write: () => void) => () => void = (write) => {
    const timer = setTimeout(write, 300);
    return () => clearTimeout(timer);
  },
): SettingsPersistence {
  let loaded = false;
  let lastText: string | null = null;
  let lastParts: unknown[] = [];
  let cancelPending: (() => void) | null = null;

  const current = () => JSON.stringify(persistedSettings(useSettings.getState(), useView.getState()));
  // What persistedSettings reads, by reference: most store changes (a brushed range, a picked session) touch none.
  const parts = () => {
    const s = useSettings.getState();
    const v = useView.getState();
    return [
      s.strategies,
      s.workers,
      s.workersChosen,
      s.switchIntervalText,
      s.gil,
      s.timeScaleText,
      s.measure,
      s.program,
      v.presenter,
      v.consoleShown,
    ];
  };
  const write = async () => {
    cancelPending?.();
    cancelPending = null;
    const text = current();
    if (!loaded || text === lastText) return;
    lastText = text;
    try {
      await storage.save(text);
    } catch (error) {
      console.warn('GIL Lab: could not save the settings:', error);
    }
  };
  const changed = () => {
    const next = parts();
    if (!loaded || next.every((part, i) => part === lastParts[i])) return;
    lastParts = next;
    cancelPending?.();
    cancelPending = schedule(() => void write());
  };

  const ready = storage
    .load()
    .then((text) => {
      if (text === null) return;
      const saved = parsePersistedSettings(text);
      if (saved.ok) applySettings(saved.value);
      else console.warn(`GIL Lab: the saved settings were ignored (${saved.error}); starting with the defaults`);
    })
    .catch((error: unknown) => console.warn('GIL Lab: could not read the saved settings:', error))
    .finally(() => {
      loaded = true;
      lastText = current();
      lastParts = parts();
    });

  const unsubscribe = [useSettings.subscribe(changed), useView.subscribe(changed)];

  return {
    ready,
    flush: write,
    async reset() {
      await ready;
      cancelPending?.();
      cancelPending = null;
      resetStores();
      lastText = current();
      lastParts = parts();
      await storage.clear();
    },
    stop() {
      cancelPending?.();
      for (const off of unsubscribe) off();
    },
  };
}
