import { beforeEach, describe, expect, it } from 'vitest';
import { findPreset, presets } from '../../../common/presets';
import { programFromText, validateRequest } from '../../../common/validate';
import { loadProgramFile } from '../engine-link';
import { checkProgramNow, keepProgramChecked } from '../program-check';
import {
  buildRequest,
  initialSettings,
  persistedProgram,
  restoreProgram,
  scalingWorkerCounts,
  selectCanRun,
  selectCheckIsCurrent,
  selectRunnableStrategies,
  selectStrategiesError,
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
        program: {
          name: 'calc-threads',
          description: findPreset('calc-threads')!.description,
          file: 'calc_threads.py',
          source: findPreset('calc-threads')!.source,
        },
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

  it('follows the core count until the user moves the slider', () => {
    useSettings.getState().setCatalog(catalog, { ...machine, cores: 8 });
    expect(useSettings.getState().workers).toBe(8);
    useSettings.getState().setWorkers(3);
    useSettings.getState().setCatalog(catalog, { ...machine, cores: 4 });
    expect(useSettings.getState().workers).toBe(3);
  });

  it('sweeps 1, 2, 4 … up to twice the cores, with the core count itself', () => {
    expect(scalingWorkerCounts(2)).toEqual([1, 2, 4]);
    expect(scalingWorkerCounts(6)).toEqual([1, 2, 4, 6, 8, 12]);
    expect(scalingWorkerCounts(1)).toEqual([1, 2]);
  });
});

/** The checker's pause, run by hand. */
function manualChecks() {
  const pending: (() => void)[] = [];
  const stop = keepProgramChecked((check) => {
    pending.push(check);
    return () => pending.splice(pending.indexOf(check), 1);
  });
  return { pending, stop, pause: () => pending.splice(0).forEach((check) => check()) };
}

describe('the program in the editor', () => {
  it('keeps an edit as typed and checks it after a pause; a problem disables Run with the reason, naming its line', () => {
    const checks = manualChecks();
    useSettings.getState().editSource('import numpy\n');
    expect(useSettings.getState().program.source).toBe('import numpy\n');
    // Typing: not checked yet, so no request can be built from it.
    expect(selectCheckIsCurrent(useSettings.getState())).toBe(false);
    expect(buildRequest(useSettings.getState(), [2])).toEqual({
      ok: false,
      error: 'the program has not been checked yet',
    });
    expect(checks.pending).toHaveLength(1);
    checks.pause();
    const state = useSettings.getState();
    expect(state.check.problems).toMatchObject([{ line: 1, col: 7, endCol: 12 }]);
    expect(selectCanRun(state)).toBe(false);
    expect(settingsErrors(state)[0]).toMatch(
      /^line 1: numpy is not a module GIL Lab can run .*— supported: threading, /,
    );
    expect(buildRequest(state, [2])).toEqual({ ok: false, error: settingsErrors(state)[0] });

    // Each keystroke restarts the pause: one check for the text the user stopped at.
    useSettings.getState().editSource('import time\n');
    useSettings.getState().editSource('import time\ntime.sleep(0.1)\n');
    expect(checks.pending).toHaveLength(1);
    checks.pause();
    expect(selectCanRun(useSettings.getState())).toBe(true);
    expect(buildRequest(useSettings.getState(), [2])).toMatchObject({
      ok: true,
      value: { program: { name: 'calc-threads', source: 'import time\ntime.sleep(0.1)\n' } },
    });
    checks.stop();
  });

  it('refuses an empty editor and a syntax error, and Run checks a text typed a moment ago itself', () => {
    useSettings.getState().editSource('   \n');
    checkProgramNow();
    expect(settingsErrors(useSettings.getState())[0]).toBe(
      'the program is empty: type or paste Python, or pick a preset',
    );
    useSettings.getState().editSource('def f(:\n');
    expect(selectCheckIsCurrent(useSettings.getState())).toBe(false);
    checkProgramNow();
    expect(settingsErrors(useSettings.getState())[0]).toMatch(/^line 1: SyntaxError: /);
  });

  it('puts a preset’s source in the editor, checked at once, and names it edited once changed', () => {
    useSettings.getState().choosePreset('car-truck');
    const state = useSettings.getState();
    expect(state.program).toEqual({ ...findPreset('car-truck'), fromPreset: 'car-truck' });
    expect(selectCheckIsCurrent(state)).toBe(true);
    expect(selectCanRun(state)).toBe(true);
    useSettings.getState().editSource(`${state.program.source}print("one more")\n`);
    expect(useSettings.getState().program.fromPreset).toBe('car-truck');
  });

  it('makes a paste over the whole text a program of its own, and a preset’s text pasted whole that preset', () => {
    useSettings.getState().choosePreset('car-truck');
    useSettings.getState().editSource(findPreset('calc-threads')!.source, true);
    expect(useSettings.getState().program).toEqual({ ...findPreset('calc-threads'), fromPreset: 'calc-threads' });
    useSettings.getState().editSource('import time\n', true);
    expect(useSettings.getState().program).toEqual({
      name: 'program',
      description: '',
      file: 'program.py',
      source: 'import time\n',
    });
    useSettings.getState().editSource('import time\ntime.sleep(1)\n');
    expect(useSettings.getState().program.name).toBe('program');
  });

  it('disables a strategy that cannot express the program, with the reason, and leaves it out of the run', () => {
    useSettings.getState().toggleStrategy('asyncio');
    useSettings.getState().choosePreset('main-thread');
    const state = useSettings.getState();
    expect(state.strategies).toContain('asyncio');
    expect(state.check.refusals.asyncio).toBe(
      'asyncio: this program starts no threads or processes to turn into tasks',
    );
    expect(selectRunnableStrategies(state)).toEqual(['sequential', 'threading', 'multiprocessing']);
    expect(buildRequest(state, [2])).toMatchObject({
      ok: true,
      value: { strategies: ['sequential', 'threading', 'multiprocessing'] },
    });

    // A program written with asyncio: only the strategies with an event loop (and sequential) run it.
    useSettings.getState().choosePreset('asyncio-gather');
    expect(selectRunnableStrategies(useSettings.getState())).toEqual(['sequential', 'asyncio']);
    for (const strategy of ['sequential', 'multiprocessing', 'asyncio'] as const)
      useSettings.getState().toggleStrategy(strategy);
    expect(useSettings.getState().strategies).toEqual(['threading']);
    expect(selectStrategiesError(useSettings.getState())).toBe(
      'none of the chosen strategies can run this program; these can: sequential, asyncio',
    );
    expect(selectCanRun(useSettings.getState())).toBe(false);
  });

  it('opens a .py file into the editor as it is, problems and all; refuses what is no program and keeps the text', async () => {
    const before = useSettings.getState().program;
    await loadProgramFile(new File(['{"name": "old", "main": []}'], 'old.json'));
    expect(useSettings.getState().programFileError).toBe(
      'old.json: programs are Python now: open a .py file (JSON-step programs are no longer read)',
    );
    await loadProgramFile(new File([new Uint8Array(1024 * 1024 + 1)], 'huge.py'));
    expect(useSettings.getState().programFileError).toMatch(/^huge.py: program file is too large: 1048577 bytes/);
    expect(useSettings.getState().program).toBe(before);

    await loadProgramFile(new File(['# Two naps\r\nimport numpy\r\n'], 'naps.py'));
    const state = useSettings.getState();
    expect(state.program).toEqual({
      name: 'naps',
      description: 'Two naps',
      file: 'naps.py',
      source: '# Two naps\nimport numpy\n',
    });
    expect(state.programFileError).toBeNull();
    expect(state.check.problems[0]).toMatchObject({ line: 2 });
  });

  it('keeps the editor’s text between starts: an edited program as typed, a preset as the preset is now', () => {
    useSettings.getState().editSource('import numpy\n');
    const saved = JSON.parse(JSON.stringify(persistedProgram(useSettings.getState())));
    expect(restoreProgram(saved)).toEqual({ ok: true, value: useSettings.getState().program });
    expect(restoreProgram({ kind: 'preset', name: 'car-truck' })).toEqual({
      ok: true,
      value: { ...findPreset('car-truck'), fromPreset: 'car-truck' },
    });
    expect(restoreProgram({ kind: 'preset', name: 'cpu-sqrt' })).toEqual({
      ok: false,
      error: 'there is no preset "cpu-sqrt" any more',
    });
    expect(restoreProgram({ kind: 'file', fileName: 'old.json', program: {} })).toMatchObject({ ok: false });
    expect(restoreProgram({ kind: 'editor', name: 'x', description: '', file: 'x.py', source: 3 })).toMatchObject({
      ok: false,
    });
    expect(programFromText('x = 1\n', 'C:\\lab\\mine.py')).toEqual({
      name: 'mine',
      description: '',
      file: 'mine.py',
      source: 'x = 1\n',
    });
  });
});
