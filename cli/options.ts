// The `run` command's flags turned into a validated RunRequest, before any engine exists:
// bad input is refused with one line that names the flag and what it allows. The numbers and
// names are checked by the engine's own validator (common/validate.ts); its issues' paths say
// which flag.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Issue, RunRequest } from '../common/api';
import { limits } from '../common/limits';
import { findPreset, presets } from '../common/presets';
import type { Strategy } from '../common/program';
import { checkProgram } from '../common/python/check';
import { strategyRefusals } from '../common/python/variants';
import { issueText, numberFromText, parseProgramText, validateRequest } from '../common/validate';

export interface RunFlags {
  program: string;
  strategies: string;
  workers: string;
  switchInterval: string;
  gil: string;
  timeScale: string;
  json?: string;
  trace?: string;
  measure?: boolean;
  python?: string;
  /** --strategies was not given: the defaults the program cannot run are left out, saying why. */
  strategiesDefaulted?: boolean;
}

/** What `gil-lab run` was asked to do. */
export interface RunCommand {
  /** Validated; a preset stays a name, so the engine and the trace show it. */
  request: RunRequest;
  /** Absolute output paths, when asked for. */
  json?: string;
  trace?: string;
  /** What the user should know before the runs, a line each (default strategies left out). */
  notes: string[];
}

/** Bad command-line input: the message is the one line the user sees. */
export class UsageError extends Error {}

export const defaultStrategies: Strategy[] = ['sequential', 'threading', 'multiprocessing'];

function programOf(text: string): RunRequest['program'] {
  if (findPreset(text)) return text;
  const file = resolve(text);
  if (existsSync(file)) {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`--program ${text} is a folder, not a program file`);
    if (stat.size > limits.maxFileBytes)
      throw new UsageError(`--program ${text} is too large: ${stat.size} bytes, at most ${limits.maxFileBytes}`);
    const parsed = parseProgramText(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new UsageError(`--program ${text}: ${parsed.error}`);
    return parsed.value;
  }
  if (/[\\/]|\.py$/i.test(text)) throw new UsageError(`--program file not found: ${text}`);
  throw new UsageError(
    `--program must be one of ${presets.map((p) => p.name).join(', ')} or a Python file (.py), got ${JSON.stringify(text)}`,
  );
}

function outputPath(flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const file = resolve(text);
  if (!existsSync(dirname(file))) throw new UsageError(`${flag} ${text}: the folder ${dirname(file)} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new UsageError(`${flag} ${text} is a folder; give a file name`);
  return file;
}

/** The flag each request field comes from. */
const flagOfField: Record<string, string> = {
  program: '--program',
  strategies: '--strategies',
  workerCounts: '--workers',
  switchIntervalMs: '--switch-interval',
  gil: '--gil',
  timeScale: '--time-scale',
  python: '--python',
};

/** A validator's issue in the words of the command line: "--workers must be a whole number …". */
export function flagText(issue: Issue): string {
  const flag = flagOfField[String(issue.path[0])];
  return flag ? `${flag} ${issue.message}` : issueText(issue);
}

/**
 * The default strategies this program can run. An asyncio program runs sequentially and under
 * asyncio, not in threads or processes as written: it gets those two, and a note says why the
 * others were left out (asked for by name, a strategy that cannot run the program is an error).
 */
function defaultStrategiesFor(program: RunRequest['program']): { strategies: Strategy[]; notes: string[] } {
  const source = typeof program === 'string' ? (findPreset(program)?.source ?? '') : program.source;
  const checked = checkProgram(source);
  // A program with problems is refused by the engine, naming them.
  if (!checked.ok) return { strategies: defaultStrategies, notes: [] };
  const refusals = strategyRefusals(source, checked.module, [...defaultStrategies, 'asyncio']);
  const runnable = defaultStrategies.filter((s) => !refusals.has(s));
  if (runnable.length === defaultStrategies.length) return { strategies: defaultStrategies, notes: [] };
  const strategies: Strategy[] = refusals.has('asyncio') ? runnable : [...runnable, 'asyncio'];
  const left = defaultStrategies.filter((s) => refusals.has(s));
  // A reason names its strategy ("so threading cannot run them"): one reason for all where they agree.
  const named = left.join(' or ');
  const reasons = [...new Set(left.map((s) => refusals.get(s)!.replaceAll(s, named)))].join('; ');
  return {
    strategies,
    notes: [`Running ${strategies.join(' and ')} (--strategies to choose): ${reasons}`],
  };
}

export function parseRunCommand(flags: RunFlags): RunCommand {
  const program = programOf(flags.program);
  const workers = numberFromText(flags.workers);
  const timeScale = numberFromText(flags.timeScale);
  const chosen = flags.strategiesDefaulted ? defaultStrategiesFor(program) : null;
  const request = {
    program,
    strategies: chosen?.strategies ?? [...new Set(flags.strategies.split(',').map((name) => name.trim()))].filter(Boolean),
    workerCounts: [workers],
    switchIntervalMs: numberFromText(flags.switchInterval),
    gil: flags.gil,
    timeScale,
    ...(flags.measure || flags.python ? { measure: true } : {}),
    ...(flags.python ? { python: flags.python } : {}),
  };
  const checked = validateRequest(request);
  if (!checked.ok) throw new UsageError(flagText(checked.issues[0]));
  return {
    request: { ...checked.value, program },
    json: outputPath('--json', flags.json),
    trace: outputPath('--trace', flags.trace),
    notes: chosen?.notes ?? [],
  };
}
