// What the next run will be: the program, the strategies and the knobs. Numbers typed by the
// user are kept as typed, so an invalid value stays on screen with its reason until it is fixed.
import { create } from 'zustand';
import type { PresetInfo, Result, RunRequest } from '../../../common/api';
import { checkProgram, describeProblems } from '../../../common/python/check';
import { limits } from '../../../common/limits';
import { findPreset } from '../../../common/presets';
import { strategies as allStrategies, type GilModel, type Program, type Strategy } from '../../../common/program';
import type { MachineInfo } from '../../../common/trace';
import { issueText, numberFromText, requestIssues } from '../../../common/validate';
import { validateProgram } from '../../../common/validate';

export type ProgramChoice = { kind: 'preset'; name: string } | { kind: 'file'; program: Program; fileName: string };

/** The workers slider's range; the engine accepts up to limits.workers.max. */
export const workersSlider = { min: 1, max: 64 } as const;

export interface SettingsState {
  presets: PresetInfo[];
  machine: MachineInfo | null;
  program: ProgramChoice;
  /** Why the last program file was refused; the program in use stays what it was. */
  programFileError: string | null;
  strategies: Strategy[];
  workers: number;
  /** Until the user moves the slider, workers follows the machine's core count. */
  workersChosen: boolean;
  switchIntervalText: string;
  gil: GilModel;
  timeScaleText: string;

  setCatalog(presets: PresetInfo[], machine: MachineInfo): void;
  choosePreset(name: string): void;
  /** Takes the result of parsing a program file: a refusal changes nothing but the message. */
  loadProgramFile(result: Result<Program>, fileName: string): void;
  toggleStrategy(strategy: Strategy): void;
  setWorkers(workers: number): void;
  setSwitchInterval(text: string): void;
  setGil(gil: GilModel): void;
  setTimeScale(text: string): void;
}

export const initialSettings = {
  presets: [] as PresetInfo[],
  machine: null as MachineInfo | null,
  program: { kind: 'preset', name: 'cpu-sqrt' } as ProgramChoice,
  programFileError: null as string | null,
  strategies: ['sequential', 'threading', 'multiprocessing'] as Strategy[],
  workers: 2,
  workersChosen: false,
  switchIntervalText: String(limits.switchIntervalMs.default),
  gil: 'new' as GilModel,
  // Classroom default: cpu-sqrt's 4 s tasks take 1 s, so a three-strategy session ends in seconds.
  timeScaleText: '0.25',
};

export const useSettings = create<SettingsState>()((set) => ({
  ...initialSettings,

  setCatalog: (presets, machine) =>
    set((s) => ({
      presets,
      machine,
      workers: s.workersChosen ? s.workers : clampWorkers(machine.cores),
    })),
  choosePreset: (name) => set({ program: { kind: 'preset', name }, programFileError: null }),
  loadProgramFile: (result, fileName) =>
    set(
      result.ok
        ? { program: { kind: 'file', program: result.value, fileName }, programFileError: null }
        : { programFileError: `${fileName}: ${result.error}` },
    ),
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
    program: selectProgramName(s),
    strategies: s.strategies,
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

/** The program the next run uses, once presets are known (a file program always is). */
export function selectProgram(s: SettingsState): Program | null {
  if (s.program.kind === 'file') return s.program.program;
  const name = s.program.name;
  return s.presets.find((p) => p.name === name)?.program ?? null;
}

export const selectProgramName = (s: SettingsState) =>
  s.program.kind === 'file' ? s.program.program.name : s.program.name;

/** Why the program cannot run as it stands (its first problem, naming the line), or null. */
export function selectCapError(s: SettingsState, _workerCounts = [s.workers]): string | null {
  const program = selectProgram(s);
  if (!program) return null;
  const checked = checkProgram(program.source);
  return checked.ok ? null : describeProblems(checked.problems.slice(0, 1));
}

/** Every reason the settings cannot run with these worker counts, in the order of the knobs. */
export function settingsErrors(s: SettingsState, workerCounts = [s.workers]): string[] {
  const { fields, other } = settingsIssues(s, workerCounts);
  const cap = selectCapError(s, workerCounts);
  const order: SettingsField[] = ['strategies', 'workers', 'switchInterval', 'gil', 'timeScale'];
  return [...order.flatMap((f) => (fields[f] ? [fields[f]] : [])), ...other, ...(cap ? [cap] : [])];
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

/** The request for the given worker counts, or the first reason it cannot be made. */
export function buildRequest(s: SettingsState, workerCounts: number[]): Result<RunRequest> {
  const errors = settingsErrors(s, workerCounts);
  if (errors.length > 0) return { ok: false, error: errors[0] };
  return {
    ok: true,
    value: {
      program: s.program.kind === 'file' ? s.program.program : s.program.name,
      strategies: [...s.strategies],
      workerCounts,
      switchIntervalMs: Number(s.switchIntervalText),
      gil: s.gil,
      timeScale: Number(s.timeScaleText),
    },
  };
}

// ---- the last program between starts (renderer/src/host/settings-file.ts keeps the rest) ----

/** The program choice as the settings file keeps it: opaque JSON to everyone but restoreProgram. */
export function persistedProgram(s: SettingsState): unknown {
  return s.program.kind === 'preset'
    ? { kind: 'preset', name: s.program.name }
    : { kind: 'file', fileName: s.program.fileName, program: s.program.program };
}

/** The program choice a settings file held, or why it cannot be used (a preset gone, a program no longer valid). */
export function restoreProgram(value: unknown): Result<ProgramChoice> {
  const saved = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (saved.kind === 'preset' && typeof saved.name === 'string')
    return findPreset(saved.name)
      ? { ok: true, value: { kind: 'preset', name: saved.name } }
      : { ok: false, error: `there is no preset ${JSON.stringify(saved.name)} any more` };
  if (saved.kind === 'file' && typeof saved.fileName === 'string') {
    const program = validateProgram(saved.program);
    return program.ok
      ? { ok: true, value: { kind: 'file', program: program.value, fileName: saved.fileName } }
      : { ok: false, error: `${saved.fileName}: ${program.error}` };
  }
  return { ok: false, error: 'not a program choice' };
}
