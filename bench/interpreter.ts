// The interpreter against CPython, operation by operation: one Python program times each
// operation in a loop inside a function (best of several runs after a warm-up) and prints ns per
// iteration; it runs in the interpreter (standalone, this thread) and in python3, in this run.
// Goal: the interpreter at least 1.5x faster on each, since the engine pays CPython's cost by
// burning the difference.
import { spawnSync } from 'node:child_process';
import { ENGINE_V8_FLAGS } from '../workers/v8-flags';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoalRow, SectionResult } from './section';
import { fmt, printTable } from './table';

const GOAL = 1.5;
/** Each timed run: OUTER times the setup, then INNER iterations of the operation. */
const INNER = 1000;
const OUTER = 1000;
const ITERATIONS = INNER * OUTER;
const REPEATS = 7;

interface Operation {
  name: string;
  /** Statements before the timed loop (inside the function). */
  setup: string;
  /** The loop body, `i` being the loop variable. */
  body: string;
}

const operations: Operation[] = [
  { name: 'for i in range(N): pass', setup: '', body: 'pass' },
  { name: 'x = i + 1', setup: '', body: 'x = i + 1' },
  { name: 'math.sqrt(i)', setup: '', body: 'math.sqrt(i)' },
  { name: 'call a Python function f(i)', setup: '', body: 'one(i)' },
  { name: 'l.append(i)', setup: 'l = []', body: 'l.append(i)' },
  { name: 'len(l)', setup: 'l = [1, 2, 3]', body: 'len(l)' },
  { name: 's.upper() (str method, no args)', setup: 's = "hello"', body: 's.upper()' },
  { name: 's.startswith("he") (str method)', setup: 's = "hello"', body: 's.startswith("he")' },
  { name: 'd.get(k) (dict method)', setup: 'd = {"k": 1}\n    k = "k"', body: 'd.get(k)' },
  { name: 'd[i] = i (dict set)', setup: 'd = {}', body: 'd[i] = i' },
  { name: 'd[k] (dict get)', setup: 'd = {"k": 1}\n    k = "k"', body: 'd[k]' },
  { name: 'p.x (attribute get)', setup: 'p = Point(1)', body: 'p.x' },
  { name: 'p.x = i (attribute set)', setup: 'p = Point(1)', body: 'p.x = i' },
  { name: 'p.m() (method call)', setup: 'p = Point(1)', body: 'p.m()' },
  { name: 'f"{i}" (f-string)', setup: '', body: 'f"{i}"' },
  { name: 'f"{i:>8}|{x:.2f}" (f-string with specs)', setup: 'x = 1.5', body: 'f"{i:>8}|{x:.2f}"' },
];

/**
 * Each operation runs in a function: OUTER rounds of its setup then INNER iterations, so lists
 * and dicts stay the size programs use (a list grown to a million items measures the memory).
 */
function program(repeats: number): string {
  const benches = operations.map(
    (op, k) =>
      `def bench_${k}():\n    t0 = time.perf_counter_ns()\n    for j in range(OUTER):\n        ${(op.setup || 'pass').replace(/\n {4}/g, '\n        ')}\n        for i in range(INNER):\n            ${op.body}\n    return time.perf_counter_ns() - t0\n`,
  );
  const runs = operations.map((_, k) => `print(${k}, min(bench_${k}() for _ in range(REPEATS)) / (INNER * OUTER))`);
  return [
    'import math, time',
    `INNER = ${INNER}`,
    `OUTER = ${OUTER}`,
    `REPEATS = ${repeats}`,
    'class Point:',
    '    def __init__(self, x):',
    '        self.x = x',
    '    def m(self):',
    '        return self.x',
    'def one(a):',
    '    return a',
    ...benches,
    ...runs,
    '',
  ].join('\n');
}

function parse(stdout: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of stdout.trim().split('\n')) {
    const [k, ns] = line.split(' ');
    out.set(Number(k), Number(ns));
  }
  return out;
}

/** The interpreter bundled into one file (as the engine's build bundles it), run in a child node. */
async function runBundled(source: string): Promise<string> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'gil-lab-bench-'));
  try {
    const runner = join(dir, 'runner.mjs');
    await build({ entryPoints: [fileURLToPath(new URL('./interpreter-runner.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: runner, logLevel: 'warning' });
    const programFile = join(dir, 'bench.py');
    writeFileSync(programFile, source);
    // With the flags the engine's processes run with (workers/v8-flags.ts).
    const run = spawnSync(process.execPath, [...ENGINE_V8_FLAGS, runner, programFile], { encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0) throw new Error(`the benchmark program failed in the interpreter:\n${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchInterpreter(): Promise<SectionResult> {
  const source = program(REPEATS);
  const interp = parse(await runBundled(source));
  const py = spawnSync('python3', ['-c', source], { encoding: 'utf8', timeout: 600_000 });
  const cpython = py.status === 0 ? parse(py.stdout) : null;
  const rows: GoalRow[] = [];
  const table = operations.map((op, k) => {
    const mine = interp.get(k)!;
    const theirs = cpython?.get(k) ?? null;
    const ratio = theirs === null ? null : theirs / mine;
    rows.push({
      section: 'interpreter',
      what: op.name,
      measured: theirs === null ? `${fmt(mine)} ns (no python3)` : `${fmt(mine)} ns vs CPython ${fmt(theirs)} ns (${fmt(ratio)}x)`,
      goal: `>= ${GOAL}x faster than CPython`,
      met: ratio === null ? null : ratio >= GOAL,
    });
    return [op.name, fmt(mine), theirs === null ? '—' : fmt(theirs), ratio === null ? '—' : `${fmt(ratio)}x`];
  });
  printTable(
    `Interpreter vs CPython (ns per loop iteration, best of ${REPEATS} x ${ITERATIONS.toLocaleString('en-US')})${cpython ? '' : ` — python3: ${py.error?.message ?? py.stderr}`}`,
    ['operation', 'interpreter ns', 'CPython ns', 'CPython / interpreter'],
    table,
  );
  return {
    rows,
    data: { iterations: ITERATIONS, repeats: REPEATS, operations: operations.map((op, k) => ({ name: op.name, interpreterNs: interp.get(k), cpythonNs: cpython?.get(k) ?? null })) },
  };
}
