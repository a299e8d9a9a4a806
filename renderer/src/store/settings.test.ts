import { beforeEach, describe, expect, it } from 'vitest';
import { presets } from '../../../common/presets';
import { validateRequest } from '../../../common/validate';
import {
  buildRequest,
  initialSettings,
  scalingWorkerCounts,
  selectCanRun,
  selectSwitchIntervalError,
  selectTimeScaleError,
  settingsErrors,
  useSettings,
} from './settings';

/** The request the default knobs make. */
function buildRequestFields() {
  const built = buildRequest(useSettings.getState(), [2]);
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

const machine = { cores: 2, platform: 'linux', arch: 'x64', node: '20', host: 'web' as const };
const catalog = presets.map((program) => ({ name: program.name, description: program.description, program }));

beforeEach(() => {
  useSettings.setState(initialSettings);
  useSettings.getState().setCatalog(catalog, machine);
});

describe('settings store', () => {
  it('builds the request the Run button sends', () => {
    const s = useSettings.getState();
    s.toggleStrategy('sequential');
    s.setWorkers(2);
    const result = buildRequest(useSettings.getState(), [2]);
    expect(result).toEqual({
      ok: true,
      value: {
        program: 'cpu-sqrt',
        strategies: ['threading', 'multiprocessing'],
        workerCounts: [2],
        switchIntervalMs: 5,
        gil: 'new',
        timeScale: 0.25,
      },
    });
  });

  it('refuses a switch interval out of range with the reason, and Run with it', () => {
    useSettings.getState().setSwitchInterval('0');
    const state = useSettings.getState();
    expect(selectSwitchIntervalError(state)).toBe('switch interval must be between 0.1 and 1000 ms, got 0');
    expect(selectCanRun(state)).toBe(false);
    expect(buildRequest(state, [2])).toEqual({
      ok: false,
      error: 'switch interval must be between 0.1 and 1000 ms, got 0',
    });
    useSettings.getState().setSwitchInterval('0.5');
    expect(selectCanRun(useSettings.getState())).toBe(true);
  });

  it('refuses text, blanks and out-of-range time scales', () => {
    useSettings.getState().setTimeScale('fast');
    expect(selectTimeScaleError(useSettings.getState())).toBe(
      'time scale must be a number between 0.01 and 10, got "fast"',
    );
    useSettings.getState().setTimeScale('');
    expect(selectTimeScaleError(useSettings.getState())).toBe(
      'time scale must be a number between 0.01 and 10, got nothing',
    );
    useSettings.getState().setTimeScale('20');
    expect(selectTimeScaleError(useSettings.getState())).toBe('time scale must be between 0.01 and 10, got 20');
  });

  it('refuses no strategy and a fractional worker count', () => {
    const s = useSettings.getState();
    for (const strategy of useSettings.getState().strategies) s.toggleStrategy(strategy);
    s.setWorkers(2.5);
    expect(settingsErrors(useSettings.getState())).toEqual([
      'strategies must list at least one strategy',
      'workers must be a whole number between 1 and 256, got 2.5',
    ]);
  });

  it('refuses what the engine refuses, in the words of its validator, put to the knob it is about', () => {
    const engine = validateRequest({ ...buildRequestFields(), switchIntervalMs: 2000 });
    useSettings.getState().setSwitchInterval('2000');
    expect(engine.ok).toBe(false);
    if (engine.ok) return;
    expect(engine.issues[0].path).toEqual(['switchIntervalMs']);
    expect(selectSwitchIntervalError(useSettings.getState())).toBe(`switch interval ${engine.issues[0].message}`);
    // A scaling sweep over the engine's cap on runs per session is refused before it is sent.
    useSettings.getState().setSwitchInterval('5');
    for (const strategy of ['asyncio', 'free-threading', 'subinterpreters'] as const)
      useSettings.getState().toggleStrategy(strategy);
    const sweep = Array.from({ length: 11 }, (_, i) => i + 1);
    expect(buildRequest(useSettings.getState(), sweep)).toEqual({
      ok: false,
      error: 'a session may hold at most 64 runs (strategies × worker counts), got 66',
    });
  });

  it('refuses a run over the engine cap before it starts, naming the cap', () => {
    useSettings.getState().setTimeScale('10');
    useSettings.getState().setWorkers(64);
    expect(settingsErrors(useSettings.getState())[0]).toMatch(/cap is 600 s per run/);
  });

  it('follows the core count until the user moves the slider', () => {
    useSettings.getState().setCatalog(catalog, { ...machine, cores: 8 });
    expect(useSettings.getState().workers).toBe(8);
    useSettings.getState().setWorkers(3);
    useSettings.getState().setCatalog(catalog, { ...machine, cores: 4 });
    expect(useSettings.getState().workers).toBe(3);
  });

  it('keeps the program when a program file is refused, and names the bad field', () => {
    useSettings.getState().loadProgramFile({ ok: false, error: 'main: main needs at least one step' }, 'bad.json');
    const state = useSettings.getState();
    expect(state.program).toEqual({ kind: 'preset', name: 'cpu-sqrt' });
    expect(state.programFileError).toBe('bad.json: main: main needs at least one step');
    const program = { ...presets[0], name: 'mine' };
    useSettings.getState().loadProgramFile({ ok: true, value: program }, 'mine.json');
    expect(useSettings.getState().program).toEqual({ kind: 'file', program, fileName: 'mine.json' });
    expect(useSettings.getState().programFileError).toBeNull();
  });

  it('sweeps 1, 2, 4 … up to twice the cores, with the core count itself', () => {
    expect(scalingWorkerCounts(2)).toEqual([1, 2, 4]);
    expect(scalingWorkerCounts(6)).toEqual([1, 2, 4, 6, 8, 12]);
    expect(scalingWorkerCounts(1)).toEqual([1, 2]);
  });
});
