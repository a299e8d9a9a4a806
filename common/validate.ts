// Validation of everything that comes from outside: run requests and program files.
// Every refusal names the field and what would be right.
import { z } from 'zod';
import type { Result, RunRequest } from './api';
import { limits } from './limits';
import { findPreset, presets } from './presets';
import { gilModels, strategies, type Program, type ProgramStep } from './program';

const ranged = (name: string, min: number, max: number, integer = false) =>
  z
    .number({ error: (iss) => `${name} must be a number, got ${describe(iss.input)}` })
    .refine((v) => Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)), {
      error: (iss) => `${name} must be ${integer ? 'a whole number ' : ''}between ${min} and ${max}, got ${describe(iss.input)}`,
    });

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}

const durationMs = (name: string) => ranged(name, 0, limits.maxWallMsPerRun);

const stepSchema: z.ZodType<ProgramStep> = z.lazy(() =>
  z.discriminatedUnion(
    'op',
    [
      z.strictObject({ op: z.literal('cpu'), ms: durationMs('cpu ms') }),
      z.strictObject({ op: z.literal('io'), ms: durationMs('io ms') }),
      z.strictObject({ op: z.literal('sleep'), ms: durationMs('sleep ms') }),
      z.strictObject({ op: z.literal('print'), text: z.string().max(200, 'print text must be at most 200 characters') }),
      z
        .strictObject({
          op: z.literal('repeat'),
          times: ranged('repeat times', 0, 10_000_000, true).optional(),
          forMs: durationMs('repeat forMs').optional(),
          steps: z.array(stepSchema).min(1, 'repeat needs at least one step'),
        })
        .refine((s) => (s.times === undefined) !== (s.forMs === undefined), 'repeat needs exactly one of times or forMs'),
      z.strictObject({
        op: z.literal('start'),
        task: z.string().min(1, 'start needs a task name'),
        copies: z.union([ranged('start copies', 1, limits.maxTasks, true), z.literal('workers')]).optional(),
      }),
      z.strictObject({ op: z.literal('join'), task: z.string().optional() }),
    ],
    { error: (iss) => `op must be one of cpu, io, sleep, print, repeat, start, join, got ${describe((iss.input as { op?: unknown } | undefined)?.op)}` },
  ),
);

const programSchema = z.strictObject({
  name: z.string().min(1, 'name must not be empty').max(80, 'name must be at most 80 characters'),
  description: z.string().max(300, 'description must be at most 300 characters').default(''),
  main: z.array(stepSchema).min(1, 'main needs at least one step'),
  tasks: z.record(z.string().min(1).max(80), z.array(stepSchema).min(1, 'a task needs at least one step')),
});

const requestSchema = z.strictObject({
  // A preset name or a whole program: resolved after the other fields (resolveProgram), so a
  // program's own error names its field instead of zod's "invalid union".
  program: z.unknown(),
  strategies: z
    .array(z.enum(strategies, { error: (iss) => `strategy must be one of ${strategies.join(', ')}, got ${describe(iss.input)}` }))
    .min(1, 'strategies must list at least one strategy'),
  workerCounts: z
    .array(ranged('workers', limits.workers.min, limits.workers.max, true))
    .min(1, 'workerCounts must list at least one worker count'),
  switchIntervalMs: ranged('switchIntervalMs', limits.switchIntervalMs.min, limits.switchIntervalMs.max),
  gil: z.enum(gilModels, { error: (iss) => `gil must be one of ${gilModels.join(', ')}, got ${describe(iss.input)}` }),
  timeScale: ranged('timeScale', limits.timeScale.min, limits.timeScale.max),
});

function formatIssues(error: z.ZodError, input: unknown, what: string): string {
  const issue = error.issues[0];
  // Not an object at all: say what the whole thing should look like, with its field names.
  if (issue.path.length === 0 && issue.code === 'invalid_type')
    return `${what} must be a JSON object, got ${input === null ? 'null' : describe(input)}`;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  // A top-level field's own message already starts with its name.
  const named = issue.path.length === 1 && issue.message.startsWith(String(issue.path[0]));
  return named ? issue.message : `${where}${issue.message}`;
}

function containsStart(steps: ProgramStep[]): boolean {
  return steps.some((s) => s.op === 'start' || (s.op === 'repeat' && containsStart(s.steps)));
}

/** Checks what a schema cannot: tasks that exist, start/join only in main, sizes within the limits. */
function checkProgram(program: Program): string | null {
  const taskNames = new Set(Object.keys(program.tasks));
  const visit = (steps: ProgramStep[], where: string, inMain: boolean): string | null => {
    for (const [i, step] of steps.entries()) {
      const at = `${where}[${i}]`;
      if ((step.op === 'start' || step.op === 'join') && !inMain) return `${at}: ${step.op} is allowed only in main`;
      if (step.op === 'start' && !taskNames.has(step.task))
        return `${at}: start names task ${JSON.stringify(step.task)}, but tasks has ${[...taskNames].map((t) => JSON.stringify(t)).join(', ') || 'none'}`;
      if (step.op === 'join' && step.task !== undefined && !taskNames.has(step.task))
        return `${at}: join names task ${JSON.stringify(step.task)}, which is not in tasks`;
      if (step.op === 'repeat') {
        if (step.forMs !== undefined && inMain && containsStart(step.steps))
          return `${at}: start inside a repeat with forMs is not supported (the number of tasks must be known before the run)`;
        const inner = visit(step.steps, `${at}.steps`, inMain);
        if (inner) return inner;
      }
    }
    return null;
  };
  const main = visit(program.main, 'main', true);
  if (main) return main;
  for (const [name, steps] of Object.entries(program.tasks)) {
    const error = visit(steps, `tasks.${name}`, false);
    if (error) return error;
  }
  return null;
}

export function validateProgram(input: unknown): Result<Program> {
  const parsed = programSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: formatIssues(parsed.error, input, 'a program {name, description, main, tasks}') };
  const error = checkProgram(parsed.data);
  return error ? { ok: false, error } : { ok: true, value: parsed.data };
}

/** Parses a program file's text (JSON). */
export function parseProgramText(text: string): Result<Program> {
  if (typeof text !== 'string') return { ok: false, error: 'program file must be text' };
  if (text.length > limits.maxFileBytes)
    return { ok: false, error: `program file is too large: ${text.length} bytes, at most ${limits.maxFileBytes}` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `program file is not valid JSON: ${(error as Error).message}` };
  }
  return validateProgram(json);
}

export interface ValidRequest extends RunRequest {
  program: Program;
}

function resolveProgram(given: unknown): Result<Program> {
  if (typeof given === 'string') {
    const preset = findPreset(given);
    return preset
      ? { ok: true, value: preset }
      : { ok: false, error: `program must be one of ${presets.map((p) => p.name).join(', ')} or a program file, got ${describe(given)}` };
  }
  if (typeof given === 'object' && given !== null && !Array.isArray(given)) {
    const checked = validateProgram(given);
    return checked.ok ? checked : { ok: false, error: `program.${checked.error}` };
  }
  return { ok: false, error: `program must be a preset name or a program {name, description, main, tasks}, got ${given === null ? 'null' : describe(given)}` };
}

/** Validates a run request's shape and ranges and resolves a preset name into its program. */
export function validateRequest(input: unknown): Result<ValidRequest> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) {
    const what = 'a run request {program, strategies, workerCounts, switchIntervalMs, gil, timeScale}';
    return { ok: false, error: formatIssues(parsed.error, input, what) };
  }
  const program = resolveProgram(parsed.data.program);
  if (!program.ok) return program;
  const request = { ...parsed.data, program: program.value };
  const runs = request.strategies.length * request.workerCounts.length;
  if (runs > limits.maxRunsPerSession)
    return { ok: false, error: `a session may hold at most ${limits.maxRunsPerSession} runs (strategies × worker counts), got ${runs}` };
  return { ok: true, value: request };
}
