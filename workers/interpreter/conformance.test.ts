// The interpreter prints what CPython prints: each program of conformance/ runs here and its
// stdout, stderr and exit status are compared with CPython's, recorded in expected.json by
// scripts/record-cpython-outputs.mjs. Where python3 is installed, the recording itself is
// checked against it, so a program changed without re-recording fails here too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProgram, describeProblems } from '../../common/python/check';
import { conformanceDir, programNames, pythonVersion, runCPython, type Outcome } from './conformance/cpython.mjs';
import { stdlib } from '../prelude';
import { runStandalone } from './standalone';

interface Recording {
  python: string;
  programs: Record<string, Outcome>;
}

const recording = JSON.parse(readFileSync(join(conformanceDir, 'expected.json'), 'utf8')) as Recording;
const names = programNames();
const source = (name: string) => readFileSync(join(conformanceDir, name), 'utf8');

/** CPython 3.11 marks the failing part of a traceback line with ^ and ~ (boxed with | in a group's); the interpreter does not. */
function withoutMarkers(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^[\s|]*[~^]+\s*$/.test(line))
    .join('\n');
}

function runHere(name: string): Outcome {
  const run = runStandalone(source(name), { file: name, prelude: stdlib });
  return { stdout: run.stdout, stderr: run.stderr, status: run.failure ? (run.failure.exitcode ?? 1) : 0 };
}

describe('conformance: the interpreter prints what CPython prints', () => {
  it('has a recording for every program and no recording without a program', () => {
    expect(Object.keys(recording.programs).sort()).toEqual(names);
    expect(names.length).toBeGreaterThan(100);
  });

  it.each(names)('%s', (name) => {
    const checked = checkProgram(source(name));
    expect(checked.ok ? '' : describeProblems(checked.problems)).toBe('');
    const expected = recording.programs[name];
    const actual = runHere(name);
    expect(actual.stdout).toBe(expected.stdout);
    expect(actual.stderr).toBe(withoutMarkers(expected.stderr));
    expect(actual.status).toBe(expected.status);
  });
});

const version = pythonVersion();
const sameMinor =
  version !== null && version.split('.').slice(0, 2).join('.') === recording.python.split('.').slice(0, 2).join('.');

describe.runIf(sameMinor)(`expected.json is what this machine's python3 (${version}) prints`, () => {
  it.each(names)('%s', (name) => {
    expect(runCPython(name)).toEqual(recording.programs[name]);
  });
});
