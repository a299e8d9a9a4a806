// The one contract between the renderer and the engine. The preload (Electron),
// the main process's IPC handlers and the web host's WebSocket bridge all
// implement or consume exactly this interface; every channel is named once, here.
import type { GilModel, Program, Strategy } from './program';
import type { MachineInfo, ProcessInfo, RunInfo, RunSummary, ThreadInfo, TraceBatch } from './trace';

export interface RunRequest {
  /** A preset's name, or a whole program (e.g. loaded from a file). */
  program: string | Program;
  strategies: Strategy[];
  /** One run per strategy per worker count; a scaling sweep gives several. */
  workerCounts: number[];
  switchIntervalMs: number;
  gil: GilModel;
  timeScale: number;
  /** Also run each strategy in the machine's real CPython, drawn beside the simulated run. */
  measure?: boolean;
  /** The python3 to measure with (default: the one found on PATH). */
  python?: string;
}

/** The name of a request's program: the preset's name, or the program's own. */
export function programName(program: RunRequest['program']): string {
  return typeof program === 'string' ? program : program.name;
}

export interface PresetInfo {
  name: string;
  description: string;
  program: Program;
}

export interface SessionProgress {
  sessionId: string;
  /** Index of the current run in the session, from 0. */
  index: number;
  total: number;
  strategy: Strategy;
  workers: number;
  /** Elapsed ms of the current run, and the estimate of its wall time. */
  elapsedMs: number;
  estimateMs: number;
}

export type EngineEvent =
  | { type: 'session-start'; sessionId: string; request: RunRequest; total: number }
  | { type: 'run-start'; sessionId: string; run: RunInfo }
  /** Lanes (and processes) that appear during a run: Python programs start threads as they go. */
  | { type: 'threads'; sessionId: string; runId: string; processes: ProcessInfo[]; threads: ThreadInfo[] }
  | { type: 'trace'; sessionId: string; batches: TraceBatch[] }
  | { type: 'progress'; progress: SessionProgress }
  | { type: 'run-end'; sessionId: string; summary: RunSummary }
  | { type: 'session-end'; sessionId: string; status: 'done' | 'cancelled' | 'failed'; reason?: string }
  /** The engine is calibrating for this machine (the first session waits a few seconds, once). */
  | { type: 'calibrating'; text: string }
  /** What getMachine() says changed (the calibration finished): the whole new answer. */
  | { type: 'machine'; machine: MachineInfo };

/** One problem of a refused input: where it is (a path of keys into the input) and what is wrong. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** A refusal says why in one line (`error`); a validated request's refusal also lists its issues. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; issues?: Issue[] };

/** Request/response methods. Each returns a promise on every side of the bridge. */
export interface GilLabMethods {
  getMachine(): Promise<MachineInfo>;
  listPresets(): Promise<PresetInfo[]>;
  /** Checks a program file's text (Python); the error names the line. The file name names the program. */
  parseProgram(text: string, fileName?: string): Promise<Result<Program>>;
  /** Starts a session (one run per strategy × worker count). Refused with "busy" while one runs. */
  startSession(request: RunRequest): Promise<Result<{ sessionId: string }>>;
  /** Cancels the running session, if any; resolves when every thread and process is gone. */
  cancelSession(): Promise<void>;
}

export interface GilLabApi extends GilLabMethods {
  /** Subscribes to engine events; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

/**
 * The methods of an interface as a list, for bridges to iterate over. Checked at compile time: a
 * name that is not a method of `T` does not compile, nor a list that leaves one out (the call then
 * wants a second argument, typed as the missing names).
 */
export function methodList<T>() {
  return <const N extends readonly (keyof T)[]>(
    names: N,
    ...missing: Exclude<keyof T, N[number]> extends never ? [] : [missing: Exclude<keyof T, N[number]>]
  ): N => (void missing, names);
}

/** The method channels, declared once: the bridges iterate over this list. */
export const methodNames = methodList<GilLabMethods>()([
  'getMachine',
  'listPresets',
  'parseProgram',
  'startSession',
  'cancelSession',
]);

/** Prefix of Electron IPC channels; the event stream uses `${ipcPrefix}event`. */
export const ipcPrefix = 'gil-lab:';
export const eventChannel = `${ipcPrefix}event`;

/** WebSocket messages of the web host. */
export type WsRequest = { id: number; method: (typeof methodNames)[number]; params: unknown[] };
export type WsMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number | null; ok: false; error: string }
  | { event: EngineEvent };

/** The global name the preload exposes the API under. */
export const apiGlobal = 'gilLab';
