// "Open session…": reads a saved session file and shows it, its program back in the editor. A
// refused file changes nothing but the message beside the control; a huge one is refused from its
// size, before a byte of it is read.
import { parseSessionFile, sessionFileTooLarge } from '../../common/session-file';
import { sessionProgram } from './session-program';
import { useRuns } from './store/runs';
import { useSettings } from './store/settings';
import { useView } from './store/view';

export async function openSessionFile(file: File): Promise<void> {
  const runs = useRuns.getState();
  const tooLarge = sessionFileTooLarge(file.size);
  if (tooLarge) {
    runs.openSession({ ok: false, error: tooLarge }, file.name);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    runs.openSession({ ok: false, error: `could not read the file: ${reason}` }, file.name);
    return;
  }
  const id = useRuns.getState().openSession(parseSessionFile(text), file.name);
  if (!id) return;
  useView.getState().selectSession(id);
  // The editor as it was: the session's program, so its lines are the lines the trace names.
  const session = useRuns.getState().sessions.find((s) => s.id === id);
  const program = session && sessionProgram(session);
  if (program) useSettings.getState().setProgram(program);
}
