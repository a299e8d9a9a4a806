// What the next run will be: the program in the editor, the strategies and the knobs. Numbers
// typed by the user are kept as typed, so an invalid value stays on screen with its reason until it
// is fixed; the program's source is kept as typed too, and the checker's verdict on it (check) says
// what is wrong under which line and which strategies cannot run it.
import { create } from 'zustand';
import type { PresetInfo, Result, RunRequest } from '../../../common/api';
import { limits } from '../../../common/limits';
import { findPreset, presets as builtInPresets } from '../../../common/presets';
import { strategies as allStrategies, type GilModel, type Program, type Strategy } from '../../../common/program';
import { checkProgram, maxSourceLength, type Problem } from '../../../common/python/check';
import { strategyRefusals } from '../../../common/python/variants';
import type { MachineInfo } from '../../../common/trace';
import { issueText, numberFromText, requestIssues } from '../../../common/validate';

/** The program in the editor: what the next run sends. */
export interface EditorProgram extends Program {
  /** The preset the text started from (it may have been edited since). */
  fromPreset?: string;
}

/** The checker's verdict on one text of the program. */
export interface ProgramCheck {
  /** The source it was made for: stale once the text changes, until the next check. */
  source: string;
  /** Syntax errors and unsupported constructs, each under its line; empty when the program checks. */
  problems: Problem[];
  /** Why a strategy cannot express the program (common/python/variants.ts); absent: it can. */
  refusals: Partial<Record<Strategy, string>>;
}

/** The workers slider's range; the engine accepts up to limits.workers.max. */
export const workersSlider = { min: 1, max: 64 } as const;

export interface SettingsState {
  presets: PresetInfo[];
  machine: MachineInfo | null;
  program: EditorProgram;
  /** The last check, of program.source or (while the user types) of an earlier text. */
  check: ProgramCheck;
  /** Why the last program file was refused; the program in the editor stays what it was. */
  programFileError: string | null;
  /** The strategies the user turned on; those that cannot run the program are left out of a run. */
  strategies: Strategy[];
  workers: number;
  /** Until the user moves the slider, workers follows the machine's core count. */
  workersChosen: boolean;
  switchIntervalText: string;
  gil: GilModel;
  timeScaleText: string;
  /** Also run each strategy in this machine's CPython, when it has one (the engine says which it can). */
  measure: boolean;

  setCatalog(presets: PresetInfo[], machine: MachineInfo): void;
  /** The engine's new answer about the machine (its calibration finished). */
  setMachine(machine: MachineInfo): void;
  /** Puts a preset's source in the editor. */
  choosePreset(name: string): void;
  /**
   * The user typed or pasted: the text is kept as it is, checked after a pause (program-check.ts).
   * `replacedAll`: the edit replaced the whole text (a paste over everything), so it is a program of
   * its own, no longer the preset or file it replaced; a preset's text pasted whole is that preset.
   */
  editSource(source: string, replacedAll?: boolean): void;
  /** Puts a whole program in the editor (an opened file, a session's program), checked at once. */
  setProgram(program: EditorProgram): void;
  /** Why a program file could not be opened: the editor keeps what it has. */
  refuseProgramFile(error: string, fileName: string): void;
  /** Records the checker's verdict (made for `check.source`). */
  setCheck(check: ProgramCheck): void;
  toggleStrategy(strategy: Strategy): void;
  setWorkers(workers: number): void;
  setSwitchInterval(text: string): void;
  setGil(gil: GilModel): void;
  setTimeScale(text: string): void;
  setMeasure(measure: boolean): void;
}

/** Checks a program's text and asks each strategy whether it can run it. Pure; ~1 ms for a lesson cell. */
export function checkSource(source: string): ProgramCheck {
  const checked = checkProgram(source);
  if (!checked.ok) return { source, problems: checked.problems, refusals: {} };
  const refusals = Object.fromEntries(strategyRefusals(source, checked.module, allStrategies)) as Partial<Record<Strategy, string>>;
  return { source, problems: [], refusals };
}

/** A preset as the editor holds it. */
export function presetProgram(preset: Program): EditorProgram {
  return {
    name: preset.name,
    description: preset.description,
    file: preset.file,
    source: preset.source,
    fromPreset: preset.name,
  };
}

/** A program typed or pasted from nothing: what the request and its files are named. */
export const untitledProgram: EditorProgram = { name: 'program', description: '', file: 'program.py', source: '' };

/** The program a window starts with: the lesson's first CPU-bound cell. */
export const defaultPresetName = 'calc-threads';
const defaultProgram = presetProgram(findPreset(defaultPresetName) ?? builtInPresets[0]);

export const initialSettings = {
  presets: [] as PresetInfo[],
  machine: null as MachineInfo | null,
  program: defaultProgram,
  check: checkSource(defaultProgram.source),
  programFileError: null as string | null,
  strategies: ['sequential', 'threading', 'multiprocessing'] as Strategy[],
  workers: 2,
  workersChosen: false,
  switchIntervalText: String(limits.switchIntervalMs.default),
  gil: 'new' as GilModel,
  // Classroom default: calc()'s 40 million square roots per thread take a second or so.
  timeScaleText: '0.25',
  // Where the machine has CPython, the app measures its own claims beside them.
  measure: true,
};

export const useSettings = create<SettingsState>()((set) => ({
  ...initialSettings,

  setCatalog: (presets, machine) =>
    set((s) => ({
      presets,
      machine,
      workers: s.workersChosen ? s.workers : clampWorkers(machine.cores),
    })),
  setMachine: (machine) => set({ machine }),
  choosePreset: (name) =>
    set((s) => {
      const preset = s.presets.find((p) => p.name === name)?.program ?? findPreset(name);
      if (!preset) return {};
      const program = presetProgram(preset);
      return { program, check: checkSource(program.source), programFileError: null };
    }),
  editSource: (source, replacedAll = false) =>
    set((s) => {
      if (source === s.program.source) return {};
      if (!replacedAll) return { program: { ...s.program, source } };
      const preset = (s.presets.length > 0 ? s.presets.map((p) => p.program) : builtInPresets).find(
        (p) => p.source === source,
      );
      return { program: preset ? presetProgram(preset) : { ...untitledProgram, source } };
    }),
  setProgram: (program) => set({ program, check: checkSource(program.source), programFileError: null }),
  refuseProgramFile: (error, fileName) => set({ programFileError: `${fileName}: ${error}` }),
  setCheck: (check) => set((s) => (check.source === s.check.source ? {} : { check })),
  toggleStrategy: (strategy) =>
    set((s) => {
      const on = s.strategies.includes(strategy)
        ? s.strategies.filter((x) => x !== strategy)
        : [...s.strategies, strategy];
      // Runs go in the canonical order, sequential first, so speed-ups have their baseline early.
      return { strategies: allStrategies.filter((x) => on.includes(x)) };
    }),
  setWorkers: (workers) => set({ workers, workersChosen: true }),
  setSwitchInterval: (text) => set({ switchIntervalText: text }),
  setGil: (gil) => set({ gil }),
  setTimeScale: (text) => set({ timeScaleText: text }),
  setMeasure: (measure) => set({ measure }),
}));

function clampWorkers(n: number): number {
  return Math.min(workersSlider.max, Math.max(workersSlider.min, Math.round(n)));
}

// ---- validation: the engine's own validator (common/validate.ts), its issues mapped to fields ----

/** The knobs a refusal can point at. */
export type SettingsField = 'strategies' | 'workers' | 'switchInterval' | 'gil' | 'timeScale';

/** Which knob each request field is, and what the knob is called in a message. */
const fieldOfRequest: Record<string, SettingsField> = {
  strategies: 'strategies',
  workerCounts: 'workers',
  switchIntervalMs: 'switchInterval',
  gil: 'gil',
  timeScale: 'timeScale',
};
const fieldNames: Record<SettingsField, string> = {
  strategies: 'strategies',
  workers: 'workers',
  switchInterval: 'switch interval',
  gil: 'GIL model',
  timeScale: 'time scale',
};

/** The request fields as the knobs hold them; typed text that is no number stays text, so the refusal quotes it. */
function knobsAsRequest(s: SettingsState, workerCounts: number[]) {
  return {
    program: s.program.name,
    strategies: selectRunnableStrategies(s),
    workerCounts,
    switchIntervalMs: numberFromText(s.switchIntervalText),
    gil: s.gil,
    timeScale: numberFromText(s.timeScaleText),
  };
}

/** Why each knob is refused ("switch interval must be between 0.1 and 1000 ms, got 0"), and any other reason. */
export function settingsIssues(
  s: SettingsState,
  workerCounts = [s.workers],
): {
  fields: Partial<Record<SettingsField, string>>;
  other: string[];
} {
  const fields: Partial<Record<SettingsField, string>> = {};
  const other: string[] = [];
  const refused = s.strategies.filter((x) => s.check.refusals[x]);
  if (s.strategies.length > 0 && refused.length === s.strategies.length) {
    const can = allStrategies.filter((x) => !s.check.refusals[x]);
    fields.strategies = `none of the chosen strategies can run this program${can.length > 0 ? `; these can: ${can.join(', ')}` : ''}`;
  }
  for (const issue of requestIssues(knobsAsRequest(s, workerCounts))) {
    const field = fieldOfRequest[String(issue.path[0])];
    if (field) fields[field] ??= `${fieldNames[field]} ${issue.message}`;
    else other.push(issueText(issue));
  }
  return { fields, other };
}

// ---- selectors ----

const fieldError = (field: SettingsField) => (s: SettingsState) => settingsIssues(s).fields[field] ?? null;
export const selectWorkersError = fieldError('workers');
export const selectSwitchIntervalError = fieldError('switchInterval');
export const selectTimeScaleError = fieldError('timeScale');
export const selectStrategiesError = fieldError('strategies');
export const selectCores = (s: SettingsState) => s.machine?.cores ?? null;

/** Whether the check on hand is of the text in the editor (false for a moment while the user types). */
export const selectCheckIsCurrent = (s: SettingsState) => s.check.source === s.program.source;

/** The chosen strategies that can run the program, in run order. */
export function selectRunnableStrategies(s: SettingsState): Strategy[] {
  return s.strategies.filter((x) => !s.check.refusals[x]);
}

/** Why a strategy cannot run the program in the editor, or null. */
export const selectStrategyRefusal = (strategy: Strategy) => (s: SettingsState) => s.check.refusals[strategy] ?? null;

/**
 * Why the program cannot run as it stands: its first problem, naming the line
 * ("line 1: numpy is not a module GIL Lab can run — …"), or null. While the user types this is the
 * last check's verdict; startRuns checks the text itself before it sends anything.
 */
export function selectProgramError(s: SettingsState): string | null {
  if (s.program.source.trim() === '') return 'the program is empty: type or paste Python, or pick a preset';
  if (s.program.source.length > maxSourceLength)
    return `the program is too long: ${s.program.source.length} characters, at most ${maxSourceLength}`;
  const first = s.check.problems[0];
  return first ? `line ${first.line}: ${first.message}` : null;
}

/** Every reason the settings cannot run with these worker counts, in the order of the panel. */
export function settingsErrors(s: SettingsState, workerCounts = [s.workers]): string[] {
  const { fields, other } = settingsIssues(s, workerCounts);
  const program = selectProgramError(s);
  const order: SettingsField[] = ['strategies', 'workers', 'switchInterval', 'gil', 'timeScale'];
  return [...(program ? [program] : []), ...order.flatMap((f) => (fields[f] ? [fields[f]] : [])), ...other];
}

export const selectCanRun = (s: SettingsState) => settingsErrors(s).length === 0;

/** Worker counts of a scaling sweep: powers of two up to twice the cores, plus the core count itself. */
export function scalingWorkerCounts(cores: number): number[] {
  const top = Math.min(limits.workers.max, Math.max(2, cores * 2));
  const counts = new Set<number>();
  for (let n = 1; n <= top; n *= 2) counts.add(n);
  if (cores >= 1 && cores <= top) counts.add(cores);
  counts.add(top);
  return [...counts].sort((a, b) => a - b);
}

/** The program as a request sends it: the editor's text, with a name and file the validator accepts. */
export function requestProgram(program: EditorProgram): Program {
  const name = program.name.trim().slice(0, 80) || 'program';
  const base = program.file.replace(/[\\/]/g, '_').replace(/\.py$/, '').slice(0, 116) || 'program';
  return { name, description: program.description.slice(0, 300), file: `${base}.py`, source: program.source };
}

/**
 * The request for the given worker counts, or the first reason it cannot be made. The check must be
 * of the text in the editor (the caller checks first when it is not: see engine-link.ts).
 */
export function buildRequest(s: SettingsState, workerCounts: number[]): Result<RunRequest> {
  if (!selectCheckIsCurrent(s)) return { ok: false, error: 'the program has not been checked yet' };
  const errors = settingsErrors(s, workerCounts);
  if (errors.length > 0) return { ok: false, error: errors[0] };
  return {
    ok: true,
    value: {
      program: requestProgram(s.program),
      strategies: selectRunnableStrategies(s),
      workerCounts,
      switchIntervalMs: Number(s.switchIntervalText),
      gil: s.gil,
      timeScale: Number(s.timeScaleText),
      ...(selectMeasures(s) ? { measure: true } : {}),
    },
  };
}

/** Whether a run would also be measured in CPython: asked for, and the machine has one. */
export const selectMeasures = (s: SettingsState) => s.measure && Boolean(s.machine?.python);

// ---- the program between starts (renderer/src/host/settings-file.ts keeps the rest) ----

/**
 * The editor's program as the settings file keeps it, opaque JSON to everyone but restoreProgram:
 * an unedited preset by its name (it comes back as the preset is then), any other text whole.
 */
export function persistedProgram(s: SettingsState): unknown {
  const { name, description, file, source, fromPreset } = s.program;
  const preset = fromPreset ? findPreset(fromPreset) : undefined;
  if (preset && preset.source === source) return { kind: 'preset', name: preset.name };
  return { kind: 'editor', name, description, file, source, ...(fromPreset ? { fromPreset } : {}) };
}

/**
 * The program a settings file held, or why it cannot be used: a preset as the preset is now, any
 * other text as it was typed, checked or not. Older settings could hold a JSON-step program file,
 * which is no longer a program.
 */
export function restoreProgram(value: unknown): Result<EditorProgram> {
  const saved = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (saved.kind === 'preset' && typeof saved.name === 'string') {
    const preset = findPreset(saved.name);
    return preset
      ? { ok: true, value: presetProgram(preset) }
      : { ok: false, error: `there is no preset ${JSON.stringify(saved.name)} any more` };
  }
  if (saved.kind === 'editor') {
    const { name, description, file, source, fromPreset } = saved;
    if (
      typeof name !== 'string' ||
      typeof description !== 'string' ||
      typeof file !== 'string' ||
      typeof source !== 'string'
    )
      return { ok: false, error: 'the program needs name, description, file and source as text' };
    if (source.length > maxSourceLength)
      return { ok: false, error: `the program is too long: ${source.length} characters, at most ${maxSourceLength}` };
    const preset = typeof fromPreset === 'string' ? findPreset(fromPreset) : undefined;
    return { ok: true, value: { name, description, file, source, ...(preset ? { fromPreset: preset.name } : {}) } };
  }
  if (saved.kind === 'file')
    return { ok: false, error: 'programs are Python now: the JSON-step program file was not kept' };
  return { ok: false, error: 'not a program' };
}
