// Validation of everything that comes from outside: run requests and program files.
// Every refusal names the field and what would be right.
import { z } from 'zod';
import type { Result, RunRequest } from './api';
import { limits } from './limits';
import { findPreset, presets } from './presets';
import { gilModels, strategies, type Program } from './program';
import { checkProgram, describeProblems, maxSourceLength } from './python/check';

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

const programSchema = z.strictObject({
  name: z.string().min(1, 'name must not be empty').max(80, 'name must be at most 80 characters'),
  description: z.string().max(300, 'description must be at most 300 characters').default(''),
  file: z
    .string()
    .max(120, 'file must be at most 120 characters')
    .regex(/^[^/\\]+\.py$/, 'file must be a file name ending in .py')
    .default('program.py'),
  source: z.string({ error: (iss) => `source must be text, got ${describe(iss.input)}` }).max(maxSourceLength, `source must be at most ${maxSourceLength} characters`),
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

/** A program {name, description, file, source}: its fields, then its Python (the first problem, naming its line). */
export function validateProgram(input: unknown): Result<Program> {
  const parsed = programSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: formatIssues(parsed.error, input, 'a program {name, description, file, source}') };
  const checked = checkProgram(parsed.data.source);
  if (!checked.ok) return { ok: false, error: `${parsed.data.file}, ${describeProblems(checked.problems.slice(0, 1))}` };
  return { ok: true, value: parsed.data };
}

/** A .py file's text as a program named after the file. */
export function parseProgramText(text: string, fileName = 'program.py'): Result<Program> {
  if (typeof text !== 'string') return { ok: false, error: 'program file must be text' };
  if (text.length > limits.maxFileBytes)
    return { ok: false, error: `program file is too large: ${text.length} bytes, at most ${limits.maxFileBytes}` };
  const file = (fileName.split(/[\\/]/).pop() ?? 'program.py').replace(/\.[^.]*$/, '') + '.py';
  const first = /^\s*#\s*(.+)$/m.exec(text.split('\n').find((l) => l.trim() !== '') ?? '');
  return validateProgram({ name: file.replace(/\.py$/, ''), description: first ? first[1].slice(0, 300) : '', file, source: text });
}

export interface ValidRequest extends RunRequest {
  program: Program;
}

function resolveProgram(given: unknown): Result<Program> {
  if (typeof given === 'string') {
    const preset = findPreset(given);
    return preset
      ? { ok: true, value: preset }
      : { ok: false, error: `program must be one of ${presets.map((p) => p.name).join(', ')} or a program {name, file, source}, got ${describe(given)}` };
  }
  if (typeof given === 'object' && given !== null && !Array.isArray(given)) {
    const checked = validateProgram(given);
    return checked.ok ? checked : { ok: false, error: `program.${checked.error}` };
  }
  return { ok: false, error: `program must be a preset name or a program {name, description, file, source}, got ${given === null ? 'null' : describe(given)}` };
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
