// Validation of everything that comes from outside: run requests and program files.
// Every refusal names the field and what would be right. A request's refusal also comes as
// structured issues ({path, message}): the window maps a path to its field, the CLI to its flag.
import { z } from 'zod';
import type { Issue, Result, RunRequest } from './api';
import { describeValue as describe, oneOfText } from './describe';
import { limits } from './limits';
import { findPreset, presets } from './presets';
import { gilModels, strategies, type Program } from './program';
import { checkProgram, describeProblems, maxSourceLength } from './python/check';

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

// ---- run requests ----

/** A number field of a request: the message says the range (and unit), not the field's name. */
const requestNumber = (range: { min: number; max: number }, { integer = false, unit = '' } = {}) => {
  const allowed = `between ${range.min} and ${range.max}${unit ? ` ${unit}` : ''}`;
  return z
    .number({ error: (iss) => `must be a ${integer ? 'whole ' : ''}number ${allowed}, got ${describe(iss.input)}` })
    .refine((v) => Number.isFinite(v) && v >= range.min && v <= range.max && (!integer || Number.isInteger(v)), {
      error: (iss) => `must be ${integer ? 'a whole number ' : ''}${allowed}, got ${describe(iss.input)}`,
    });
};

const requestSchema = z.strictObject(
  {
    // A preset name or a whole program: resolved after the other fields (resolveProgram), so a
    // program's own error names its field instead of zod's "invalid union".
    program: z.unknown(),
    strategies: z
      .array(z.enum(strategies, { error: (iss) => `must be ${oneOfText(strategies)}, got ${describe(iss.input)}` }), {
        error: (iss) => `must be a list of strategies, got ${describe(iss.input)}`,
      })
      .min(1, 'must list at least one strategy'),
    workerCounts: z
      .array(requestNumber(limits.workers, { integer: true }), {
        error: (iss) => `must be a list of worker counts, got ${describe(iss.input)}`,
      })
      .min(1, 'must list at least one worker count'),
    switchIntervalMs: requestNumber(limits.switchIntervalMs, { unit: 'ms' }),
    gil: z.enum(gilModels, { error: (iss) => `must be ${oneOfText(gilModels)}, got ${describe(iss.input)}` }),
    timeScale: requestNumber(limits.timeScale),
    measure: z.boolean({ error: (iss) => `must be true or false, got ${describe(iss.input)}` }).optional(),
    python: z
      .string({ error: (iss) => `must be the path of a python3, got ${describe(iss.input)}` })
      .min(1, 'must be the path of a python3')
      .max(1000, 'must be at most 1000 characters')
      .optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `has no field ${iss.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : undefined,
  },
);

/** What a refused request's issue says, as one line: "switchIntervalMs: must be between 0.1 and 1000 ms, got 0". */
export function issueText(issue: Issue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** A refusal with its issues; `error` is the first one's text. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string; issues: Issue[] };

function refused(issues: Issue[]): { ok: false; error: string; issues: Issue[] } {
  return { ok: false, error: issueText(issues[0]), issues };
}

const requestShape = 'a run request {program, strategies, workerCounts, switchIntervalMs, gil, timeScale}';

/**
 * Every problem of a request's fields other than its program (which resolveProgram checks),
 * first in field order; empty when they are fine.
 */
export function requestIssues(input: unknown): Issue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [{ path: [], message: `${requestShape} must be a JSON object, got ${describe(input)}` }];
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success)
    return parsed.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: issue.message,
    }));
  const runs = parsed.data.strategies.length * parsed.data.workerCounts.length;
  return runs > limits.maxRunsPerSession
    ? [
        {
          path: [],
          message: `a session may hold at most ${limits.maxRunsPerSession} runs (strategies × worker counts), got ${runs}`,
        },
      ]
    : [];
}

/**
 * A number as typed in a text field or on the command line: the number, nothing for blank text,
 * or the text itself when it is no number (so the refusal quotes it).
 */
export function numberFromText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : text;
}

// ---- program files ----

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

/**
 * A .py file's text as a program named after the file (its description: a first line that is a
 * comment), unchecked: the editor takes any text and lets the checker speak.
 */
export function programFromText(text: string, fileName = 'program.py'): Program {
  const file = (fileName.split(/[\\/]/).pop() ?? 'program.py').replace(/\.[^.]*$/, '') + '.py';
  const first = /^\s*#\s*(.+)$/m.exec(text.split('\n').find((l) => l.trim() !== '') ?? '');
  return { name: file.replace(/\.py$/, ''), description: first ? first[1].slice(0, 300) : '', file, source: text };
}

/** A .py file's text as a program named after the file. */
export function parseProgramText(text: string, fileName = 'program.py'): Result<Program> {
  if (typeof text !== 'string') return { ok: false, error: 'program file must be text' };
  if (text.length > limits.maxFileBytes)
    return { ok: false, error: `program file is too large: ${text.length} bytes, at most ${limits.maxFileBytes}` };
  return validateProgram(programFromText(text, fileName));
}

export interface ValidRequest extends RunRequest {
  program: Program;
}

function resolveProgram(given: unknown): Result<Program> {
  if (typeof given === 'string') {
    const preset = findPreset(given);
    return preset
      ? { ok: true, value: preset }
      : {
          ok: false,
          error: `must be one of ${presets.map((p) => p.name).join(', ')} or a program file, got ${describe(given)}`,
        };
  }
  if (typeof given === 'object' && given !== null && !Array.isArray(given)) return validateProgram(given);
  return {
    ok: false,
    error: `must be a preset name or a program {name, description, file, source}, got ${describe(given)}`,
  };
}

/** Validates a run request's shape and ranges and resolves a preset name into its program. */
export function validateRequest(input: unknown): Checked<ValidRequest> {
  const issues = requestIssues(input);
  if (issues.length > 0) return refused(issues);
  const request = input as RunRequest;
  const program = resolveProgram(request.program);
  if (!program.ok) return refused([{ path: ['program'], message: program.error }]);
  return {
    ok: true,
    value: {
      ...request,
      strategies: [...request.strategies],
      workerCounts: [...request.workerCounts],
      program: program.value,
    },
  };
}
