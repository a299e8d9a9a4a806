// Which strategies the machine's interpreters can measure, and why not where they cannot.
import { describe, expect, it } from 'vitest';
import {
  findPython,
  probePython,
  whichStrategiesCanBeMeasured,
  type FoundPythons,
  type PythonInterpreter,
} from './find-python';

const python = (p: Partial<PythonInterpreter>): PythonInterpreter => ({
  command: 'python3',
  executable: '/usr/bin/python3',
  version: '3.11.7',
  versionInfo: [3, 11, 7],
  freeThreaded: false,
  gilEnabled: true,
  hasInterpreters: false,
  hasProfilingSampling: false,
  ...p,
});
const missing = (command: string) => ({ ok: false as const, command, reason: `${command} is not on PATH` });

describe('whichStrategiesCanBeMeasured', () => {
  it('a GIL python3 measures the four GIL strategies; free-threading and subinterpreters say why not', () => {
    const found: FoundPythons = {
      main: { ok: true, python: python({}) },
      freeThreaded: [missing('python3.14t'), missing('python3.13t')],
    };
    const plan = whichStrategiesCanBeMeasured(found);
    for (const s of ['sequential', 'threading', 'multiprocessing', 'asyncio'] as const)
      expect(plan[s]).toMatchObject({ ok: true });
    expect(plan['free-threading']).toEqual({
      ok: false,
      reason: 'not measured: no free-threaded build found (looked for python3.14t, python3.13t)',
    });
    expect(plan.subinterpreters).toEqual({
      ok: false,
      reason: "not measured: needs Python 3.14's concurrent.interpreters; python3 is 3.11.7",
    });
  });

  it('python3.14t measures free-threading and subinterpreters', () => {
    const ft = python({
      command: 'python3.14t',
      version: '3.14.0',
      versionInfo: [3, 14, 0],
      freeThreaded: true,
      gilEnabled: false,
      hasInterpreters: true,
    });
    const plan = whichStrategiesCanBeMeasured({
      main: { ok: true, python: python({}) },
      freeThreaded: [{ ok: true, python: ft }],
    });
    expect(plan['free-threading']).toEqual({ ok: true, python: ft });
    expect(plan.subinterpreters).toEqual({ ok: true, python: ft });
  });

  it('no python3, or one too old for the tracer: nothing measured, saying why', () => {
    const none = whichStrategiesCanBeMeasured({ main: missing('python3'), freeThreaded: [] });
    expect(none.threading).toEqual({ ok: false, reason: 'not measured: python3 is not on PATH' });
    const old = whichStrategiesCanBeMeasured({
      main: { ok: true, python: python({ version: '3.7.3', versionInfo: [3, 7, 3] }) },
      freeThreaded: [],
    });
    expect(old.threading).toEqual({
      ok: false,
      reason: 'not measured: python3 is 3.7.3; the tracer needs 3.8 or newer',
    });
  });

  it('a free-threaded build running with the GIL back on does not measure free-threading', () => {
    const ft = python({
      command: 'python3.13t',
      freeThreaded: true,
      gilEnabled: true,
      versionInfo: [3, 13, 1],
      version: '3.13.1',
    });
    const plan = whichStrategiesCanBeMeasured({
      main: { ok: true, python: python({}) },
      freeThreaded: [{ ok: true, python: ft }],
    });
    expect(plan['free-threading']).toMatchObject({ ok: false, reason: expect.stringContaining('GIL enabled') });
  });
});

describe('probing the real interpreters', () => {
  it('finds python3 with its real executable and version, or says why not', async () => {
    const found = await findPython();
    if (!found.main.ok) {
      console.log(`python3 probe: ${found.main.reason}`);
      expect(found.main.reason).toMatch(/python3/);
      return;
    }
    expect(found.main.python.version).toMatch(/^3\.\d+\.\d+$/);
    expect(found.main.python.executable).toMatch(/python/);
    expect(found.freeThreaded.map((p) => (p.ok ? p.python.command : p.command))).toEqual([
      'python3.14t',
      'python3.13t',
    ]);
  });

  it('a command that does not exist is named in the reason', async () => {
    expect(await probePython('/nonexistent/python3.99')).toEqual({
      ok: false,
      command: '/nonexistent/python3.99',
      reason: '/nonexistent/python3.99 is not on PATH',
    });
  });
});
