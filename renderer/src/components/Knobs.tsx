import { useId, type CSSProperties } from 'react';
import { gilModels, type GilModel } from '../../../common/program';
import {
  selectCores,
  selectSwitchIntervalError,
  selectTimeScaleError,
  selectWorkersError,
  useSettings,
  workersSlider,
} from '../store/settings';

const gilLabels: Record<GilModel, string> = {
  new: 'new (CPython 3.2+)',
  old: 'old (Python 2)',
};

const gilHints: Record<GilModel, string> = {
  new: 'A waiter asks the holder to drop the GIL after one switch interval.',
  old: 'The holder lets go every few ticks and, on several cores, usually takes it straight back.',
};

function FieldError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  );
}

/** A number typed as text: kept as typed, refused in place with the reason. */
function NumberField(props: {
  label: string;
  unit?: string;
  value: string;
  error: string | null;
  hint: string;
  onChange(text: string): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <div className={`number-input${props.error ? ' invalid' : ''}`}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.unit && <span className="unit">{props.unit}</span>}
      </div>
      {props.error ? (
        <FieldError id={`${id}-error`} error={props.error} />
      ) : (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

function WorkersSlider() {
  const id = useId();
  const workers = useSettings((s) => s.workers);
  const setWorkers = useSettings((s) => s.setWorkers);
  const cores = useSettings(selectCores);
  const error = useSettings(selectWorkersError);
  const { min, max } = workersSlider;
  const position = (n: number) => (n - min) / (max - min);
  const marker = cores !== null && cores >= min && cores <= max;

  return (
    <div className="field">
      <div className="field-row">
        <label htmlFor={id} className="field-label">
          Workers
        </label>
        <output htmlFor={id} className="slider-value">
          {workers}
        </output>
      </div>
      <div className="slider" style={{ '--cores-at': marker ? position(cores) : 0 } as CSSProperties}>
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={1}
          value={workers}
          aria-invalid={error ? true : undefined}
          aria-describedby={cores !== null ? `${id}-cores` : undefined}
          onChange={(e) => setWorkers(Number(e.target.value))}
        />
        {marker && <span className="cores-tick" aria-hidden="true" />}
      </div>
      <p className="hint slider-scale" aria-hidden="true">
        <span>{min}</span>
        <span>{max}</span>
      </p>
      {cores !== null && (
        <p id={`${id}-cores`} className="hint cores-note">
          <span className="cores-swatch" aria-hidden="true" />
          this machine has {cores} {cores === 1 ? 'core' : 'cores'}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** Whether runs are also measured in this machine's CPython; disabled, saying why, where there is none. */
function MeasureToggle() {
  const id = useId();
  const measure = useSettings((s) => s.measure);
  const setMeasure = useSettings((s) => s.setMeasure);
  const machine = useSettings((s) => s.machine);
  const python = machine?.python ?? null;
  const hint = python
    ? `runs each strategy's program in ${python.executable} too, and draws its measured lanes under the simulated ones`
    : machine
      ? `not available: ${machine.pythonMissing ?? 'no python3 found'}`
      : 'looking for python3…';
  return (
    <div className="field">
      <label className="check-field" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          data-testid="measure-toggle"
          checked={measure && python !== null}
          disabled={python === null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setMeasure(e.target.checked)}
        />
        <span className="field-label">Measure in CPython{python ? ` ${python.version}` : ''}</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {machine?.costs && (
        <p className="hint" data-testid="costs-source">
          Simulated costs: {machine.costs.source}
        </p>
      )}
    </div>
  );
}

/** Workers, switch interval, GIL model, time scale, and measuring in CPython. */
export function Knobs() {
  const id = useId();
  const switchInterval = useSettings((s) => s.switchIntervalText);
  const switchError = useSettings(selectSwitchIntervalError);
  const setSwitchInterval = useSettings((s) => s.setSwitchInterval);
  const timeScale = useSettings((s) => s.timeScaleText);
  const timeScaleError = useSettings(selectTimeScaleError);
  const setTimeScale = useSettings((s) => s.setTimeScale);
  const gil = useSettings((s) => s.gil);
  const setGil = useSettings((s) => s.setGil);

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        Knobs
      </h2>
      <WorkersSlider />
      <NumberField
        label="Switch interval"
        unit="ms"
        value={switchInterval}
        error={switchError}
        hint="sys.setswitchinterval: how long a waiter waits before it asks for the GIL"
        onChange={setSwitchInterval}
      />
      <div className="field">
        <label htmlFor={`${id}-gil`} className="field-label">
          GIL model
        </label>
        <select id={`${id}-gil`} className="select" value={gil} onChange={(e) => setGil(e.target.value as GilModel)}>
          {gilModels.map((model) => (
            <option key={model} value={model}>
              {gilLabels[model]}
            </option>
          ))}
        </select>
        <p className="hint">{gilHints[gil]}</p>
      </div>
      <NumberField
        label="Time scale"
        value={timeScale}
        error={timeScaleError}
        hint="1 = CPython's own durations; 0.25 makes every run 4× shorter"
        onChange={setTimeScale}
      />
      <MeasureToggle />
    </section>
  );
}
