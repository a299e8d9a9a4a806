import { useId, type ChangeEvent } from 'react';
import { loadProgramFile } from '../engine-link';
import { dialogInstead } from '../host/files';
import { useSettings } from '../store/settings';

const fileValue = '\u0000file';

/** Chooses a preset (with what it teaches) or loads a program file. */
export function ProgramPicker() {
  const id = useId();
  const presets = useSettings((s) => s.presets);
  const program = useSettings((s) => s.program);
  const fileError = useSettings((s) => s.programFileError);
  const choosePreset = useSettings((s) => s.choosePreset);

  const description =
    program.kind === 'file' ? program.program.description : presets.find((p) => p.name === program.name)?.description;
  const names = presets.length > 0 ? presets.map((p) => p.name) : program.kind === 'preset' ? [program.name] : [];

  const onSelect = (event: ChangeEvent<HTMLSelectElement>) => {
    if (event.target.value !== fileValue) choosePreset(event.target.value);
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Clearing the input lets the same file be picked again after it is fixed.
    event.target.value = '';
    if (file) void loadProgramFile(file);
  };

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        Program
      </h2>
      <label htmlFor={id} className="visually-hidden">
        Program
      </label>
      <select id={id} className="select" value={program.kind === 'file' ? fileValue : program.name} onChange={onSelect}>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {program.kind === 'file' && (
          <option value={fileValue}>{`${program.program.name} (${program.fileName})`}</option>
        )}
      </select>
      {description && <p className="hint program-description">{description}</p>}
      <label className="file-button">
        <input
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          onChange={onFile}
          onClick={dialogInstead('program')}
        />
        <span aria-hidden="true">⤒</span> Load program file…
      </label>
      {fileError && (
        <p className="field-error" role="alert">
          {fileError}
        </p>
      )}
    </section>
  );
}
