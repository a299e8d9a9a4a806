// 10,000+ random and near-valid run requests and program files thrown at the validator: each is
// accepted and runnable, or refused with a message that names the field (or, for Python source,
// the line). Nothing may throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunRequest } from './api';
import { limits } from './limits';
import { presets } from './presets';
import { gilModels, strategies, type Program } from './program';
import { checkProgram } from './python/check';
import { parseProgramText, validateProgram, validateRequest } from './validate';

const requestFields = [
  'program',
  'strategies',
  'strategy',
  'workerCounts',
  'workers',
  'switchIntervalMs',
  'gil',
  'timeScale',
];
const programFields = ['program', 'name', 'description', 'file', 'source'];
/** Does the message name a field (or quote the unknown key it refuses)? */
function namesField(error: string, fields: string[], input: unknown): boolean {
  const words = new RegExp(`\\b(${fields.join('|')})\\b|\\bline \\d+:`);
  if (words.test(error)) return true;
  // zod quotes an unknown key without escaping it.
  return keysOf(input).some((key) => error.includes(`"${key}"`) || error.includes(JSON.stringify(key)));
}

function keysOf(value: unknown, depth = 0, into: string[] = []): string[] {
  if (depth > 6 || value === null || typeof value !== 'object') return into;
  for (const [key, inner] of Object.entries(value)) {
    into.push(key);
    keysOf(inner, depth + 1, into);
  }
  return into;
}

/** What the engine relies on from an accepted program: its Python checks. */
function expectRunnable(program: Program): void {
  expect(validateProgram(program).ok).toBe(true);
  expect(checkProgram(program.source).ok).toBe(true);
}

function expectRequestOutcome(input: unknown): void {
  const result = validateRequest(input);
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(namesField(result.error, [...requestFields, ...programFields], input), result.error).toBe(true);
    // The issues say where, for the window's fields and the CLI's flags to map.
    expect(result.issues.length).toBeGreaterThan(0);
    const [first] = result.issues;
    if (first.path.length > 0) expect(requestFields).toContain(first.path[0]);
    return;
  }
  const request = result.value;
  expectRunnable(request.program);
  expect(request.strategies.length).toBeGreaterThan(0);
  for (const strategy of request.strategies) expect(strategies).toContain(strategy);
  expect(request.workerCounts.length).toBeGreaterThan(0);
  for (const workers of request.workerCounts) {
    expect(Number.isInteger(workers)).toBe(true);
    expect(workers).toBeGreaterThanOrEqual(limits.workers.min);
    expect(workers).toBeLessThanOrEqual(limits.workers.max);
  }
  expect(request.switchIntervalMs).toBeGreaterThanOrEqual(limits.switchIntervalMs.min);
  expect(request.switchIntervalMs).toBeLessThanOrEqual(limits.switchIntervalMs.max);
  expect(request.timeScale).toBeGreaterThanOrEqual(limits.timeScale.min);
  expect(request.timeScale).toBeLessThanOrEqual(limits.timeScale.max);
  expect(gilModels).toContain(request.gil);
  expect(request.strategies.length * request.workerCounts.length).toBeLessThanOrEqual(limits.maxRunsPerSession);
}

/** A .py file's text: accepted and runnable, or refused naming its line (or its size). */
function expectProgramOutcome(text: string): void {
  const result = parseProgramText(text, 'file.py');
  if (result.ok) expectRunnable(result.value);
  else expect(result.error, result.error).toMatch(/line \d+: |too large|must be text/);
}

// ---- valid values ----

/** Lines a program may be made of: each alone is valid Python GIL Lab runs. */
const statements = [
  'import threading',
  'import time',
  'from math import sqrt',
  'x = 1 + 2',
  'print("hello", x if "x" in dir() else 0)',
  'for i in range(3):\n    print(i)',
  'def f(n=2):\n    return n * n',
  'class Car:\n    def drive(self):\n        return "car"',
  't = threading.Thread(target=print, args=("hi",))\nt.start()\nt.join()',
  'time.sleep(0.01)',
  'values = [v * 2 for v in range(5) if v % 2]',
  'try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(e)',
];
const source = fc.oneof(
  fc.constantFrom(...presets.map((p) => p.source)),
  fc.array(fc.constantFrom(...statements), { minLength: 1, maxLength: 6 }).map((lines) => `${lines.join('\n')}\n`),
);
const validProgram: fc.Arbitrary<Program> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 30 }),
  description: fc.string({ maxLength: 60 }),
  file: fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/).map((n) => `${n}.py`),
  source,
});

const validRequest: fc.Arbitrary<RunRequest> = fc.record({
  program: fc.oneof(fc.constantFrom(...presets.map((p) => p.name)), validProgram),
  strategies: fc.subarray([...strategies], { minLength: 1 }),
  workerCounts: fc.array(fc.integer({ min: limits.workers.min, max: limits.workers.max }), {
    minLength: 1,
    maxLength: 4,
  }),
  switchIntervalMs: fc.double({ min: limits.switchIntervalMs.min, max: limits.switchIntervalMs.max, noNaN: true }),
  gil: fc.constantFrom(...gilModels),
  timeScale: fc.double({ min: limits.timeScale.min, max: limits.timeScale.max, noNaN: true }),
});

// ---- near-valid values: a valid one with a few things broken ----

const badNumber = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.05,
    0.5,
    1.5,
    257,
    100_000,
    1e308,
    -1e308,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.double(),
  fc.integer(),
);
const badString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'threadz',
    'SEQUENTIAL',
    'new ',
    'none',
    '__proto__',
    'constructor',
    'toString',
    '../../etc/passwd',
    'x'.repeat(10_000),
  ),
  fc.string(),
);
const junk = fc.oneof(
  badNumber,
  badString,
  fc.constantFrom(null, undefined, true, false, [], {}),
  fc.anything({ maxDepth: 3, maxKeys: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
);

type Mutation = { path: number[]; kind: 'replace' | 'delete' | 'extra-key' | 'huge-array'; junk: unknown; key: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'extra-key', 'huge-array'),
  junk,
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', 'op', 'steps'), fc.string({ maxLength: 10 })),
});

/** Walks `path` (each number picks a key at its level) into a copy of value and breaks what it finds. */
function mutate(value: unknown, m: Mutation): unknown {
  const root = structuredClone(value) as Record<string, unknown>;
  let parent: Record<string, unknown> | null = null;
  let key = '';
  let node: unknown = root;
  for (const choice of m.path) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown>;
    key = keys[choice % keys.length];
    node = parent[key];
  }
  if (!parent) return m.kind === 'replace' ? m.junk : root;
  switch (m.kind) {
    case 'replace':
      parent[key] = m.junk;
      break;
    case 'delete':
      // Not splice: an array given an own `constructor` key by an earlier mutation breaks it.
      if (Array.isArray(parent)) {
        for (let i = Number(key); i < parent.length - 1; i++) parent[i] = parent[i + 1];
        parent.length -= 1;
      } else delete parent[key];
      break;
    case 'extra-key': {
      const target =
        node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : parent;
      Object.defineProperty(target, m.key, { value: m.junk, enumerable: true, configurable: true, writable: true });
      break;
    }
    case 'huge-array':
      parent[key] = new Array(2000).fill(node);
      break;
  }
  return root;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
/** At most one huge array per value: huge arrays of huge arrays would only test the machine's memory. */
function applyAll(value: unknown, list: Mutation[]): unknown {
  let huge = false;
  return list.reduce((v, m) => {
    if (m.kind === 'huge-array' && huge) return v;
    huge ||= m.kind === 'huge-array';
    return mutate(v, m);
  }, value);
}

describe('validateRequest under random and near-valid requests', () => {
  it('accepts every valid request (1,000)', () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        const result = validateRequest(request);
        expect(result.ok, result.ok ? '' : result.error).toBe(true);
        expectRequestOutcome(request);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts and runs, or refuses naming the field, near-valid requests (4,500)', () => {
    fc.assert(
      fc.property(validRequest, mutations, (request, list) => expectRequestOutcome(applyAll(request, list))),
      { numRuns: 4500 },
    );
  });

  it('refuses random values naming a field, and never throws (1,500)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 })), (input) =>
        expectRequestOutcome(input),
      ),
      { numRuns: 1500 },
    );
  });
});

describe('programs under random and near-valid input', () => {
  it('accepts and runs, or refuses naming the field or the line, near-valid programs (2,500)', () => {
    fc.assert(
      fc.property(validProgram, mutations, (program, list) => {
        expect(validateProgram(program).ok).toBe(true);
        const input = applyAll(program, list);
        const result = validateProgram(input);
        if (result.ok) expectRunnable(result.value);
        else expect(namesField(result.error, programFields, input), result.error).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it('refuses truncated files and random text naming the line, or runs them (1,000)', () => {
    const truncated = source.chain((text) => fc.nat(text.length - 1).map((end) => text.slice(0, end)));
    fc.assert(
      fc.property(fc.oneof(truncated, fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 })), (text) => expectProgramOutcome(text)),
      { numRuns: 1000 },
    );
  });
});
