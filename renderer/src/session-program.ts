// The program a session ran, as the editor would hold it: the request's own program, or the preset
// it names (a session file saved before programs travelled whole).
import { findPreset } from '../../common/presets';
import { presetProgram, type EditorProgram } from './store/settings';
import type { SessionRecord } from './store/runs';

export function sessionProgram(session: Pick<SessionRecord, 'request'>): EditorProgram | null {
  const { program } = session.request;
  if (typeof program === 'string') {
    const preset = findPreset(program);
    return preset ? presetProgram(preset) : null;
  }
  const preset = findPreset(program.name);
  // A preset's text as it was run is still that preset: the picker shows its name and lesson.
  return preset && preset.source === program.source ? presetProgram(preset) : { ...program };
}
