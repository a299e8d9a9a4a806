// The window's side of the engine: events flow into the runs store, and the buttons' actions
// call the API. Every refusal or failure lands in the store's error, never in the console alone.
import type { GilLabApi } from '../../common/api';
import { limits } from '../../common/limits';
import { useRuns } from './store/runs';
import { buildRequest, useSettings } from './store/settings';
import { useView } from './store/view';

let api: GilLabApi | null = null;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Subscribes the stores to the engine and loads the presets and the machine; returns the unsubscribe. */
export function connectEngine(engine: GilLabApi): () => void {
  api = engine;
  const off = engine.onEvent((event) => useRuns.getState().apply(event));
  Promise.all([engine.getMachine(), engine.listPresets()])
    .then(([machine, presets]) => useSettings.getState().setCatalog(presets, machine))
    .catch((error: unknown) => useRuns.getState().reportError(`Could not reach the engine: ${message(error)}`));
  return () => {
    off();
    api = null;
  };
}

/** Asks the engine for a session: the chosen strategies, each with every worker count. */
export async function startRuns(workerCounts: number[]): Promise<void> {
  const runs = useRuns.getState();
  if (!api) return runs.reportError('The engine is not connected yet.');
  const request = buildRequest(useSettings.getState(), workerCounts);
  if (!request.ok) return runs.reportError(request.error);
  useView.getState().selectSession(null);
  runs.startRequested();
  try {
    const result = await api.startSession(request.value);
    if (!result.ok) useRuns.getState().startRefused(result.error);
  } catch (error) {
    useRuns.getState().startFailed(message(error));
  }
}

/** Asks the engine to cancel the session it runs. */
export async function cancelRuns(): Promise<void> {
  try {
    await api?.cancelSession();
  } catch (error) {
    useRuns.getState().reportError(`Cancel failed: ${message(error)}`);
  }
}

/** Reads and validates a program file; a refused file changes nothing but the message under the picker. */
export async function loadProgramFile(file: File): Promise<void> {
  const settings = useSettings.getState();
  if (file.size > limits.maxFileBytes) {
    settings.loadProgramFile(
      { ok: false, error: `program file is too large: ${file.size} bytes, at most ${limits.maxFileBytes}` },
      file.name,
    );
    return;
  }
  if (!api) return settings.loadProgramFile({ ok: false, error: 'the engine is not connected yet' }, file.name);
  try {
    const text = await file.text();
    settings.loadProgramFile(await api.parseProgram(text), file.name);
  } catch (error) {
    settings.loadProgramFile({ ok: false, error: `could not read the file: ${message(error)}` }, file.name);
  }
}
