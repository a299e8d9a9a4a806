// Every preset — the lesson's cells verbatim, and our own programs — prints what CPython prints.
// The reference is the machine's python3 (or the outputs recorded from it, where there is none:
// test/fixtures/cpython-preset-output.json, written by scripts/record-cpython-presets.mjs).
// Elapsed times and rates differ run to run: numbers with a decimal point, and the convoy's
// counts, are compared as a placeholder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../common/presets';
import type { Strategy } from '../common/program';
import { createEngine, type Engine } from './engine';
import { printed, recordOf, runSession } from '../test/session';

const recorded = join('test', 'fixtures', 'cpython-preset-output.json');
const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;

/** Each preset under the strategy its cell is written for. */
const strategyOf = (name: string): Strategy => (name === 'calc-processes' ? 'multiprocessing' : name === 'asyncio-gather' ? 'asyncio' : 'threading');
/** Prints that happen at the same instant in two threads interleave differently run to run (in CPython too). */
const simultaneous = new Set(['car-truck', 'car-truck-subclass', 'named-threads', 'mixed', 'thread-pool-io', 'car-truck-methods']);
/** The convoy talks to GIL Lab's echo peer, which plain CPython does not have (measured runs provide it). */
const compared = presets.filter((p) => p.name !== 'convoy');

function normalise(text: string, name: string): string {
  let t = text.replace(/\d+\.\d+(e[-+]?\d+)?/g, '<float>');
  if (name === 'convoy') t = t.replace(/\d+/g, '<n>');
  return t;
}

/** CPython's stdout cut into the prints it was made of, where two threads' writes ran together ("cartruck\n\n"). */
function cpythonLines(stdout: string, known: Set<string>): string[] {
  const out: string[] = [];
  for (const line of stdout.split('\n').filter((l) => l !== '')) {
    if (known.has(line)) out.push(line);
    else {
      const split = [...known].flatMap((a) => [...known].map((b) => [a, b])).find(([a, b]) => a + b === line);
      out.push(...(split ?? [line]));
    }
  }
  return out;
}

let engine: Engine;
const expected = new Map<string, string>();

beforeAll(() => {
  engine = createEngine({ host: 'cli' });
  if (python) {
    for (const p of compared) expected.set(p.name, execFileSync(python, [join('common', 'presets', p.file)], { encoding: 'utf8', timeout: 60_000 }));
  } else if (existsSync(recorded)) {
    console.log(`no python3 here: comparing with the outputs recorded in ${recorded}`);
    for (const [name, out] of Object.entries(JSON.parse(readFileSync(recorded, 'utf8')) as Record<string, string>)) expected.set(name, out);
  }
}, 120_000);
afterAll(async () => {
  await engine.close();
});

describe('the presets print what CPython prints', () => {
  it.each(compared.map((p) => [p.name]))('%s', async (name) => {
    const reference = expected.get(name);
    expect(reference, 'a CPython reference output').toBeDefined();
    const strategy = strategyOf(name);
    const result = await runSession(engine, { program: name, strategies: [strategy], timeScale: 0.2, workerCounts: [2] });
    expect(result.status, result.reason).toBe('done');
    const ours = normalise(printed(recordOf(result, strategy)), name);
    const theirs = normalise(reference!, name);
    if (!simultaneous.has(name)) {
      expect(ours).toBe(theirs);
      return;
    }
    const ourLines = ours.split('\n').filter((l) => l !== '');
    const theirLines = cpythonLines(theirs, new Set(ourLines));
    // Who prints first at a shared instant is up to the OS, in CPython too: the same lines, and the first.
    expect(ourLines[0]).toBe(theirLines[0]);
    expect([...ourLines].sort()).toEqual([...theirLines].sort());
  });

  it('the recorded outputs are what this python3 prints', () => {
    if (!python) return console.log('no python3 here: the recorded outputs cannot be checked');
    const saved = JSON.parse(readFileSync(recorded, 'utf8')) as Record<string, string>;
    for (const p of compared) {
      const ours = expected.get(p.name)!;
      const theirs = saved[p.name];
      expect(theirs, `${recorded} has no ${p.name}: run scripts/record-cpython-presets.mjs`).toBeDefined();
      if (!simultaneous.has(p.name)) expect(normalise(theirs, p.name)).toBe(normalise(ours, p.name));
    }
  });
});
