// The window's side of the engine: events flow into the runs store, and the buttons' actions
// call the API. Every refusal or failure lands in the store's error, never in the console alone.
import type { GilLabApi } from '../../common/api';
import { limits } from '../../common/limits';
import { programFromText } from '../../common/validate';
import { checkProgramNow } from './program-check';
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
  const off = engine.onEvent((event) => {
    if (event.type === 'machine') useSettings.getState().setMachine(event.machine);
    useRuns.getState().apply(event);
  });
  Promise.all([engine.getMachine(), engine.listPresets()])
    .then(([machine, presets]) => {
      useSettings.getState().setCatalog(presets, machine);
      if (machine.calibrating) useRuns.getState().apply({ type: 'calibrating', text: machine.calibrating });
    })
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
  // Run may come within the checker's pause after a keystroke: check the text as it is now.
  checkProgramNow();
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

/**
 * Opens a program file into the editor: any text is taken as it is and the checker says what is
 * wrong under its line (the engine's parseProgram would refuse the whole file at its first problem).
 * Only what cannot be a program is refused, and then the editor keeps what it had.
 */
export async function loadProgramFile(file: File): Promise<void> {
  const settings = useSettings.getState();
  const refuse = (error: string) => settings.refuseProgramFile(error, file.name);
  if (file.size > limits.maxFileBytes)
    return refuse(`program file is too large: ${file.size} bytes, at most ${limits.maxFileBytes}`);
  if (/\.json$/i.test(file.name))
    return refuse('programs are Python now: open a .py file (JSON-step programs are no longer read)');
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return refuse(`could not read the file: ${message(error)}`);
  }
  if (text.includes('\u0000')) return refuse('this is not a text file');
  // A file saved on Windows: the lines are the same without their carriage returns.
  const program = programFromText(text.replace(/\r\n?/g, '\n'), file.name);
  settings.setProgram(program);
}
