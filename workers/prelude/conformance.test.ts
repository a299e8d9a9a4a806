// The engine prints what CPython prints for programs that need it (threads, processes, an event
// loop): each program of conformance/ runs in the engine under the strategies its first line
// names (`# strategies: threading, free-threading`), and each run's stdout and outcome are
// compared with CPython's, recorded in conformance/expected.json by
// scripts/record-cpython-outputs.mjs. Where python3 is installed, the recording itself is checked
// against it, so a program changed without re-recording fails here too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Strategy } from '../../common/program';
import { programFromText } from '../../common/validate';
import { engineConformanceDir, programNames, pythonVersion, runCPython, type Outcome } from '../interpreter/conformance/cpython.mjs';
import { printed, runSession } from '../../test/session';
import { createEngine } from '../engine';

interface Recording {
  python: string;
  programs: Record<string, Outcome>;
}

const recording = JSON.parse(readFileSync(join(engineConformanceDir, 'expected.json'), 'utf8')) as Recording;
const names = programNames(engineConformanceDir);
const source = (name: string) => readFileSync(join(engineConformanceDir, name), 'utf8');

function strategiesOf(name: string): Strategy[] {
  const header = /^# strategies: (.+)$/m.exec(source(name).split('\n')[0]);
  if (!header) throw new Error(`${name}: the first line must be "# strategies: …"`);
  return header[1].split(',').map((s) => s.trim() as Strategy);
}

describe('engine conformance: the engine prints what CPython prints', () => {
  const engine = createEngine({ host: 'cli' });
  afterAll(() => engine.close());

  it('has a recording for every program and no recording without a program', () => {
    expect(Object.keys(recording.programs).sort()).toEqual(names);
  });

  it.each(names)('%s', async (name) => {
    const expected = recording.programs[name];
    const strategies = strategiesOf(name);
    const result = await runSession(engine, { program: programFromText(source(name), name), strategies, timeScale: 1 });
    const outcomes = result.records.map((r) => ({
      strategy: r.info.strategy,
      stdout: printed(r),
      status: r.summary?.status === 'done' ? 0 : 1,
      reason: r.summary?.status === 'done' ? '' : (r.summary?.reason ?? ''),
    }));
    expect(outcomes.map((o) => o.strategy).sort()).toEqual([...strategies].sort());
    for (const o of outcomes) {
      expect({ ...o, reason: expected.status === 0 ? o.reason : '' }).toEqual({
        strategy: o.strategy,
        stdout: expected.stdout,
        status: expected.status,
        reason: '',
      });
    }
  }, 60_000);
});

const version = pythonVersion();
const sameMinor =
  version !== null && version.split('.').slice(0, 2).join('.') === recording.python.split('.').slice(0, 2).join('.');

describe.runIf(sameMinor)(`engine conformance: expected.json is what this machine's python3 (${version}) prints`, () => {
  it.each(names)('%s', (name) => {
    expect(runCPython(name, engineConformanceDir)).toEqual(recording.programs[name]);
  });
});
