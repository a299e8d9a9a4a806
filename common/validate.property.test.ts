// 10,000+ random and near-valid run requests and program files thrown at the validator: each is
// accepted and runnable, or refused with a message that names the field. Nothing may throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunRequest } from './api';
import { limits } from './limits';
import { presets } from './presets';
import { gilModels, strategies, type Program, type ProgramStep } from './program';
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
const programFields = [
  'program',
  'name',
  'description',
  'main',
  'tasks',
  'task',
  'op',
  'ms',
  'text',
  'times',
  'forMs',
  'steps',
  'copies',
];
const stepOps = ['cpu', 'io', 'sleep', 'print', 'repeat', 'start', 'join'];

/** Does the message name a field (or quote the unknown key it refuses)? */
function namesField(error: string, fields: string[], input: unknown): boolean {
  const words = new RegExp(`\\b(${[...fields, ...stepOps].join('|')})\\b`);
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

function everyStep(steps: ProgramStep[], visit: (step: ProgramStep) => void): void {
  for (const step of steps) {
    visit(step);
    if (step.op === 'repeat') everyStep(step.steps, visit);
  }
}

/** What the engine relies on from an accepted program. */
function expectRunnable(program: Program): void {
  expect(validateProgram(program).ok).toBe(true);
  const tasks = new Set(Object.keys(program.tasks));
  everyStep(program.main, (step) => {
    if (step.op === 'start') expect(tasks.has(step.task)).toBe(true);
    if (step.op === 'join' && step.task !== undefined) expect(tasks.has(step.task)).toBe(true);
  });
  for (const steps of Object.values(program.tasks)) {
    expect(steps.length).toBeGreaterThan(0);
    everyStep(steps, (step) => expect(step.op === 'start' || step.op === 'join').toBe(false));
  }
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

function expectProgramOutcome(text: string): void {
  const result = parseProgramText(text);
  if (result.ok) expectRunnable(result.value);
  else {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      input = undefined;
    }
    expect(namesField(result.error, programFields, input), result.error).toBe(true);
  }
}

// ---- valid values ----

const taskNames = ['car', 'truck', 'calc', 'fetch', 'echo'];
const ms = fc.double({ min: 0, max: 2000, noNaN: true });
const leafStep: fc.Arbitrary<ProgramStep> = fc.oneof(
  fc.record({ op: fc.constant('cpu' as const), ms }),
  fc.record({ op: fc.constant('io' as const), ms }),
  fc.record({ op: fc.constant('sleep' as const), ms }),
  fc.record({ op: fc.constant('print' as const), text: fc.string({ maxLength: 30 }) }),
);
const taskStep: fc.Arbitrary<ProgramStep> = fc.oneof(
  { weight: 4, arbitrary: leafStep },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({
        op: fc.constant('repeat' as const),
        times: fc.nat(20),
        steps: fc.array(leafStep, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        op: fc.constant('repeat' as const),
        forMs: ms,
        steps: fc.array(leafStep, { minLength: 1, maxLength: 3 }),
      }),
    ),
  },
);

const validProgram: fc.Arbitrary<Program> = fc
  .uniqueArray(fc.constantFrom(...taskNames), { minLength: 1, maxLength: 3 })
  .chain((names) =>
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 30 }),
      description: fc.string({ maxLength: 60 }),
      tasks: fc.record(Object.fromEntries(names.map((n) => [n, fc.array(taskStep, { minLength: 1, maxLength: 4 })]))),
      main: fc.array(
        fc.oneof(
          leafStep,
          fc.record(
            {
              op: fc.constant('start' as const),
              task: fc.constantFrom(...names),
              copies: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant('workers' as const)),
            },
            { requiredKeys: ['op', 'task'] },
          ),
          fc.record({ op: fc.constant('join' as const), task: fc.constantFrom(...names) }, { requiredKeys: ['op'] }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  );

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

describe('parseProgramText under random and near-valid program files', () => {
  it('accepts and runs, or refuses naming the field, near-valid programs (2,500)', () => {
    fc.assert(
      fc.property(validProgram, mutations, (program, list) => {
        expect(parseProgramText(JSON.stringify(program)).ok).toBe(true);
        const text = JSON.stringify(applyAll(program, list)) ?? 'undefined';
        expectProgramOutcome(text);
      }),
      { numRuns: 2500 },
    );
  });

  it('refuses truncated files and random text naming the problem (1,000)', () => {
    const truncated = validProgram.chain((program) => {
      const text = JSON.stringify(program);
      return fc.nat(text.length - 1).map((end) => text.slice(0, end));
    });
    fc.assert(
      fc.property(fc.oneof(truncated, fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 })), (text) =>
        expectProgramOutcome(text),
      ),
      { numRuns: 1000 },
    );
  });
});
