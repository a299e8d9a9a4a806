// Random programs from a grammar of the subset (testing/random-programs.ts): each is either
// refused with problems that name a line, or accepted and run to the end (or to a budget)
// without an internal JavaScript error escaping; a Python exception is a fine outcome. Where
// python3 exists, a few hundred of the accepted programs must print exactly what CPython prints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProgram, describeProblems } from '../../common/python/check';
import { pythonVersion } from './conformance/cpython.mjs';
import { runStandalone } from './standalone';
import { runCPythonBatch } from './testing/cpython-batch';
import { program } from './testing/random-programs';

const budget = { costBudget: 2e8, timeBudgetMs: 500 };
const tracebackShape = /^Traceback \(most recent call last\):\n[\s\S]*\n[A-Za-z_][\w.]*(: [\s\S]*)?\n$/;

/** CPython 3.11 marks the failing part of a traceback line with ^ and ~; the interpreter does not. */
const withoutMarkers = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*[~^]+\s*$/.test(line))
    .join('\n');

describe('random programs of the subset', () => {
  it('are refused naming a line, or run without crashing the host (2,000 programs)', () => {
    const seen = { accepted: 0, refused: 0, stoppedByBudget: 0, raised: 0 };
    fc.assert(
      fc.property(program, (source) => {
        const lines = source.split('\n').length;
        const checked = checkProgram(source);
        if (!checked.ok) {
          seen.refused++;
          expect(checked.problems.length).toBeGreaterThan(0);
          for (const p of checked.problems) expect(p.line >= 1 && p.line <= lines).toBe(true);
          expect(describeProblems(checked.problems)).toMatch(/^line \d+: \S/);
          return;
        }
        seen.accepted++;
        const run = runStandalone(source, budget);
        if (run.budgetExceeded) seen.stoppedByBudget++;
        else if (run.failure) {
          seen.raised++;
          expect(run.stderr).toMatch(tracebackShape);
        }
      }),
      { numRuns: 2000, seed: 20_240_611 },
    );
    console.log(`random programs: ${JSON.stringify(seen)}`);
    expect(seen.accepted).toBeGreaterThan(1000);
    expect(seen.refused).toBeGreaterThan(100);
  }, 180_000);

  it.runIf(pythonVersion() !== null)(
    'print what CPython prints (300 accepted programs)',
    () => {
      const runnable = fc
        .sample(program, { numRuns: 900, seed: 7 })
        .filter((source) => checkProgram(source).ok)
        .map((source) => ({ source, run: runStandalone(source, budget) }))
        .filter(({ run }) => !run.budgetExceeded && !/not supported here/.test(run.stderr + run.stdout))
        .slice(0, 300);
      const cpython = runCPythonBatch(runnable.map((r) => r.source));
      const compared = runnable.filter((_, i) => !cpython[i].timedOut && !/RecursionError/.test(cpython[i].stderr));
      const mismatches = runnable
        .map((r, i) => ({ ...r, expected: cpython[i] }))
        .filter(({ expected }) => !expected.timedOut && !/RecursionError/.test(expected.stderr))
        .filter(
          ({ run, expected }) =>
            run.stdout !== expected.stdout ||
            run.stderr !== withoutMarkers(expected.stderr) ||
            (run.failure ? 1 : 0) !== expected.status,
        );
      console.log(`random programs compared with CPython: ${compared.length}`);
      expect(compared.length).toBeGreaterThanOrEqual(250);
      const first = mismatches[0];
      expect(first ? { source: first.source, stdout: first.run.stdout, stderr: first.run.stderr } : null).toEqual(
        first
          ? { source: first.source, stdout: first.expected.stdout, stderr: withoutMarkers(first.expected.stderr) }
          : null,
      );
    },
    180_000,
  );
});
