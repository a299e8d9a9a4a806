// GIL Lab session files (.gillab.json): a session's runs with their whole traces and summaries,
// saved so they can be opened again later or on another machine. A file comes from outside, so
// every field is checked before anything is shown; a refusal names the field and what was expected.
import { z } from 'zod';
import type { Result, RunRequest } from './api';
import { describeValue as describe } from './describe';
import { limits } from './limits';
import { gilModels, strategies } from './program';
import { lanesOf, type RunRecord, type ThreadTrace } from './run-record';
import {
  INTERVAL_STRIDE,
  threadStates,
  type Instant,
  type InstantKind,
  type RunInfo,
  type RunSummary,
  type ThreadSummary,
} from './trace';
import { issueText, validateRequest } from './validate';

export const sessionFormat = 'gil-lab-session';
export const sessionVersion = 2;
/** Older versions this GIL Lab still opens, converted (see fromVersion1). */
const olderVersions = [1];
/** What a saved session's file name ends in. */
export const sessionFileSuffix = '.gillab.json';

export interface SessionFile {
  format: typeof sessionFormat;
  version: typeof sessionVersion;
  /** ISO 8601. */
  savedAt: string;
  request?: RunRequest;
  runs: RunRecord[];
}

export interface OpenedSession {
  runs: RunRecord[];
  request?: RunRequest;
  /** When the file was saved, epoch ms. */
  savedAtMs: number;
}

export function toSessionFile(runs: readonly RunRecord[], request?: RunRequest, savedAt = new Date()): SessionFile {
  return {
    format: sessionFormat,
    version: sessionVersion,
    savedAt: savedAt.toISOString(),
    ...(request ? { request } : {}),
    runs: runs.map(withEveryLane),
  };
}

/** A trace whose lane the run never announced is saved with a lane of its own (lanesOf), so it opens again. */
function withEveryLane(run: RunRecord): RunRecord {
  const threads = lanesOf(run);
  return threads === run.info.threads ? run : { ...run, info: { ...run.info, threads } };
}

function mib(bytes: number): string {
  return `${Math.round((bytes / (1 << 20)) * 10) / 10} MiB`;
}

/** Why a file of this size is refused before it is read, or null. */
export function sessionFileTooLarge(bytes: number): string | null {
  const max = limits.maxTraceFileBytes;
  return bytes > max ? `session file is too large: ${bytes} bytes (${mib(bytes)}), at most ${max} (${mib(max)})` : null;
}

// ---- the schema ----

const text = () => z.string({ error: (iss) => `must be text, got ${describe(iss.input)}` });

const finite = (min = -Infinity, max = Infinity) =>
  z
    .number({ error: (iss) => `must be a number, got ${describe(iss.input)}` })
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, {
      error: (iss) =>
        min === -Infinity
          ? `must be a finite number, got ${describe(iss.input)}`
          : max === Infinity
            ? `must be a number of at least ${min}, got ${describe(iss.input)}`
            : `must be between ${min} and ${max}, got ${describe(iss.input)}`,
    });

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: (iss) => `must be a whole number, got ${describe(iss.input)}` })
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, {
      error: (iss) =>
        max === Number.MAX_SAFE_INTEGER
          ? `must be a whole number of at least ${min}, got ${describe(iss.input)}`
          : `must be a whole number between ${min} and ${max}, got ${describe(iss.input)}`,
    });

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `must be one of ${values.join(', ')}, got ${describe(iss.input)}` });

const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: (iss) => `must be a list, got ${describe(iss.input)}` });

const object = <S extends z.ZodRawShape>(shape: S) =>
  z.object(shape, { error: (iss) => `must be an object, got ${describe(iss.input)}` });

export const instantKinds = ['print', 'drop_request', 'forced_switch', 'truncated', 'error'] as const;

/**
 * Intervals are [state, startUs, endUs, line, ...] (`stride` numbers each; version 1 had no line):
 * the problem with a list, or null. Looped by hand: a run holds up to 10^6.
 */
function intervalsProblem(values: unknown[], stride: number): string | null {
  const shape = stride === INTERVAL_STRIDE ? '[state, startUs, endUs, line, …]' : '[state, startUs, endUs, …]';
  if (values.length % stride !== 0) return `length must be a multiple of ${stride} (${shape}), got ${values.length}`;
  const states = stride === INTERVAL_STRIDE ? threadStates.length : version1States;
  let previousEnd = -Infinity;
  for (let i = 0; i < values.length; i += stride) {
    const [state, start, end, line] = [values[i], values[i + 1], values[i + 2], values[i + 3]];
    const at = `interval ${i / stride} (items ${i}..${i + stride - 1})`;
    if (typeof state !== 'number' || !Number.isInteger(state) || state < 0 || state >= states)
      return `${at}: state must be 0..${states - 1} (${threadStates.slice(0, states).join(', ')}), got ${describe(state)}`;
    if (typeof start !== 'number' || !Number.isFinite(start))
      return `${at}: startUs must be a finite number, got ${describe(start)}`;
    if (typeof end !== 'number' || !Number.isFinite(end))
      return `${at}: endUs must be a finite number, got ${describe(end)}`;
    if (stride === INTERVAL_STRIDE && (typeof line !== 'number' || !Number.isInteger(line) || line < 0))
      return `${at}: line must be a whole number of at least 0, got ${describe(line)}`;
    if (start > end) return `${at}: starts at ${start} µs, after its end at ${end} µs`;
    // The timeline's level-of-detail merge relies on a lane's intervals being in order and apart.
    if (start < previousEnd)
      return `${at}: starts at ${start} µs, before the previous interval ends at ${previousEnd} µs`;
    previousEnd = end;
  }
  return null;
}

function instantsProblem(values: unknown[]): string | null {
  const kinds: readonly string[] = instantKinds;
  for (const [i, value] of values.entries()) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return `${i}: must be an object {kind, tUs, text?, line?}, got ${describe(value)}`;
    const { kind, tUs, text, line } = value as Record<string, unknown>;
    if (typeof kind !== 'string' || !kinds.includes(kind))
      return `${i}.kind: must be one of ${instantKinds.join(', ')}, got ${describe(kind)}`;
    if (typeof tUs !== 'number' || !Number.isFinite(tUs))
      return `${i}.tUs: must be a finite number, got ${describe(tUs)}`;
    if (text !== undefined && typeof text !== 'string') return `${i}.text: must be text, got ${describe(text)}`;
    if (line !== undefined && (typeof line !== 'number' || !Number.isInteger(line) || line < 0))
      return `${i}.line: must be a whole number of at least 0, got ${describe(line)}`;
  }
  return null;
}

const bigList = (problem: (values: unknown[]) => string | null, what: string) =>
  z
    .custom<unknown[]>((v) => Array.isArray(v), {
      error: (iss) => `must be a list of ${what}, got ${describe(iss.input)}`,
    })
    .superRefine((values, ctx) => {
      const found = problem(values);
      if (found) ctx.addIssue({ code: 'custom', message: found });
    });

const threadTraceSchema = (stride: number) =>
  object({
    intervals: bigList(
      (values) => intervalsProblem(values, stride),
      `numbers ${stride === INTERVAL_STRIDE ? '[state, startUs, endUs, line, …]' : '[state, startUs, endUs, …]'}`,
    ) as unknown as z.ZodType<number[]>,
    instants: bigList(instantsProblem, 'instants {kind, tUs, text?, line?}') as unknown as z.ZodType<Instant[]>,
  });

const processSchema = object({ pid: whole(0), name: text(), osPid: whole(0) });
const threadSchema = object({ tid: whole(0), pid: whole(0), name: text(), gil: whole(0).nullable() });

const runInfoSchema = object({
  runId: text().min(1, 'must not be empty'),
  strategy: oneOf(strategies),
  workers: whole(limits.workers.min, limits.workers.max),
  switchIntervalMs: finite(limits.switchIntervalMs.min, limits.switchIntervalMs.max),
  gil: oneOf(gilModels),
  timeScale: finite(limits.timeScale.min, limits.timeScale.max),
  program: text(),
  processes: list(processSchema),
  threads: list(threadSchema).min(1, 'must list at least one thread'),
  t0EpochMs: finite(0),
  source: text().optional(),
  lineMap: list(whole(0)).optional(),
  note: text().optional(),
  measured: object({
    python: text(),
    executable: text(),
    cpuState: z
      .union([object({ source: z.literal('schedstat') }), object({ source: z.literal('unknown'), reason: text() })])
      .optional(),
  }).optional(),
  costs: text().optional(),
});

const threadSummarySchema = object({
  tid: whole(0),
  name: text(),
  process: text(),
  runningMs: finite(0).nullable(),
  onCpuMs: finite(0).nullable(),
  waitMs: finite(0).nullable(),
  ioMs: finite(0).nullable(),
  blockedMs: finite(0).nullable(),
  startingMs: finite(0).nullable(),
  ioCount: whole(0).nullable(),
  endMs: finite(0).nullable(),
});

/** Version 1 said cpuMs for the time in `running`, had no blocked state and measured no CPU time. */
const version1ThreadSummarySchema = object({
  tid: whole(0),
  name: text(),
  process: text(),
  cpuMs: finite(0),
  waitMs: finite(0),
  ioMs: finite(0),
  startingMs: finite(0),
  ioCount: whole(0),
  endMs: finite(0),
}).transform(({ cpuMs, ...rest }): ThreadSummary => ({
  ...rest,
  runningMs: cpuMs,
  onCpuMs: null,
  blockedMs: 0,
}));

const runSummaryShape = {
  runId: text(),
  strategy: oneOf(strategies),
  workers: whole(limits.workers.min, limits.workers.max),
  status: oneOf(['done', 'cancelled', 'failed']),
  reason: text().optional(),
  wallMs: finite(0),
  speedup: finite(0).nullable(),
  handoffs: whole(0).nullable(),
  forcedSwitches: whole(0).nullable(),
  notMeasured: text().optional(),
  measured: z.literal(true).optional(),
  truncated: z.boolean({ error: (iss) => `must be true or false, got ${describe(iss.input)}` }),
  spawnMs: finite(0),
};
const runSummarySchema = object({ ...runSummaryShape, threads: list(threadSummarySchema) });

/** A session file's schema: the current version, or version 1 read into the current shapes. */
function sessionSchemaOf(version: number) {
  const current = version === sessionVersion;
  const runRecordSchema = object({
    info: runInfoSchema,
    traces: z.record(
      z.string().regex(/^\d+$/, 'keys must be thread ids (whole numbers)'),
      threadTraceSchema(current ? INTERVAL_STRIDE : version1Stride),
      { error: (iss) => `must be an object keyed by thread id, got ${describe(iss.input)}` },
    ),
    summary: (current
      ? runSummarySchema
      : object({ ...runSummaryShape, threads: list(version1ThreadSummarySchema) })
    ).optional(),
  });
  return object({
    savedAt: text().refine((s) => !Number.isNaN(Date.parse(s)), {
      error: (iss) => `must be a date and time (ISO 8601), got ${describe(iss.input)}`,
    }),
    runs: list(runRecordSchema)
      .min(1, 'must hold at least one run')
      .max(limits.maxRunsPerSession, `must hold at most ${limits.maxRunsPerSession} runs`),
  });
}

/** Version 1 intervals: [state, startUs, endUs, …] over the first four states. */
const version1Stride = 3;
const version1States = 4;

/** Version 1 intervals with line 0 (unknown) added to each. */
function fromVersion1(intervals: number[]): number[] {
  const out = new Array<number>((intervals.length / version1Stride) * INTERVAL_STRIDE);
  for (let i = 0, o = 0; i < intervals.length; i += version1Stride, o += INTERVAL_STRIDE) {
    out[o] = intervals[i];
    out[o + 1] = intervals[i + 1];
    out[o + 2] = intervals[i + 2];
    out[o + 3] = 0;
  }
  return out;
}

// The schemas must describe the types exactly: a field added to RunInfo or RunSummary fails here
// until the file format learns it.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTypes: [
  Same<z.infer<typeof runInfoSchema>, RunInfo>,
  Same<z.infer<typeof runSummarySchema>, RunSummary>,
  Same<z.infer<ReturnType<typeof threadTraceSchema>>, ThreadTrace>,
  Same<z.output<typeof version1ThreadSummarySchema>, ThreadSummary>,
  Same<z.output<ReturnType<typeof sessionSchemaOf>>['runs'][number], RunRecord>,
  Same<(typeof instantKinds)[number], InstantKind>,
] = [true, true, true, true, true, true];
void schemasMatchTypes;

// ---- parsing ----

/** The first problem zod found, as "runs.0.info.workers: must be …". */
function firstIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  return issueText({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  });
}

/** What a schema cannot check: ids that refer to each other. */
function crossCheck(runs: RunRecord[]): string | null {
  const runIds = new Map<string, number>();
  for (const [r, run] of runs.entries()) {
    const { info } = run;
    const earlier = runIds.get(info.runId);
    if (earlier !== undefined)
      return `runs.${r}.info.runId: ${JSON.stringify(info.runId)} is also the runId of runs.${earlier}`;
    runIds.set(info.runId, r);
    const tids = new Set<number>();
    for (const [t, thread] of info.threads.entries()) {
      if (tids.has(thread.tid)) return `runs.${r}.info.threads.${t}.tid: ${thread.tid} is listed twice`;
      tids.add(thread.tid);
    }
    for (const key of Object.keys(run.traces)) {
      if (!tids.has(Number(key))) {
        const known = [...tids].slice(0, 12).join(', ');
        return `runs.${r}.traces.${key}: no thread with tid ${key} in runs.${r}.info.threads (tids ${known}${tids.size > 12 ? ', …' : ''})`;
      }
    }
    if (run.summary && run.summary.runId !== info.runId)
      return `runs.${r}.summary.runId: must be the run's own runId ${JSON.stringify(info.runId)}, got ${describe(run.summary.runId)}`;
  }
  return null;
}

/** Parses and checks a session file's text; nothing of a refused file is kept. */
export function parseSessionFile(text: string): Result<OpenedSession> {
  if (typeof text !== 'string') return { ok: false, error: 'session file must be text' };
  // A UTF-8 file has at least as many bytes as its text has UTF-16 code units.
  const tooLarge = sessionFileTooLarge(text.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `session file is not valid JSON (truncated?): ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return {
      ok: false,
      error: `session file must be a JSON object {format, version, savedAt, runs}, got ${describe(json)}`,
    };
  const file = json as Record<string, unknown>;
  if (file.format !== sessionFormat) {
    const chrome =
      'traceEvents' in file ? ' (this is a Chrome trace for Perfetto: GIL Lab opens the session files it saves)' : '';
    return {
      ok: false,
      error: `format: must be ${JSON.stringify(sessionFormat)}, got ${describe(file.format)}${chrome}`,
    };
  }
  const version = file.version;
  if (version !== sessionVersion && !olderVersions.includes(version as number)) {
    const newer = typeof version === 'number' && version > sessionVersion ? ' (saved by a newer GIL Lab?)' : '';
    const known = [...olderVersions, sessionVersion].join(' or ');
    return { ok: false, error: `version: must be ${known}, got ${describe(version)}${newer}` };
  }
  const parsed = sessionSchemaOf(version as number).safeParse(file);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const runs: RunRecord[] = parsed.data.runs;
  if (version === 1)
    for (const run of runs)
      for (const trace of Object.values(run.traces)) {
        trace.intervals = fromVersion1(trace.intervals);
        // Version 1 kept a print's line without its newline; prints are the text written now.
        for (const instant of trace.instants) if (instant.kind === 'print') instant.text = `${instant.text ?? ''}\n`;
      }
  const inconsistent = crossCheck(runs);
  if (inconsistent) return { ok: false, error: inconsistent };
  // Every lane gets a trace, as newRunRecord gives live runs.
  for (const run of runs)
    for (const thread of run.info.threads) run.traces[thread.tid] ??= { intervals: [], instants: [] };

  let request: RunRequest | undefined;
  if (file.request !== undefined) {
    const checked = validateRequest(file.request);
    if (!checked.ok) {
      const [issue] = checked.issues;
      return { ok: false, error: issueText({ path: ['request', ...issue.path], message: issue.message }) };
    }
    // Keep a preset's name as saved, not the program it resolves to.
    const given = (file.request as { program: unknown }).program;
    request = { ...checked.value, program: typeof given === 'string' ? given : checked.value.program };
  }
  return { ok: true, value: { runs, request, savedAtMs: Date.parse(parsed.data.savedAt) } };
}
