// The `run` command's flags turned into a validated RunRequest, before any engine exists:
// bad input is refused with one line that names the flag and what it allows.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { limits } from '../common/limits';
import { findPreset, presets } from '../common/presets';
import { gilModels, strategies, type GilModel, type Strategy } from '../common/program';
import type { RunRequest } from '../common/api';
import { parseProgramText, validateRequest } from '../common/validate';

export interface RunFlags {
  program: string;
  strategies: string;
  workers: string;
  switchInterval: string;
  gil: string;
  timeScale: string;
  json?: string;
  trace?: string;
}

export interface RunPlan {
  /** Validated; a preset stays a name, so the engine and the trace show it. */
  request: RunRequest;
  /** Absolute output paths, when asked for. */
  json?: string;
  trace?: string;
}

/** Bad command-line input: the message is the one line the user sees. */
export class UsageError extends Error {}

export const defaultStrategies: Strategy[] = ['sequential', 'threading', 'multiprocessing'];

function number(flag: string, text: string, range: { min: number; max: number }, integer: boolean, unit = ''): number {
  const value = Number(text);
  const numeric = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text);
  if (
    !numeric ||
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max ||
    (integer && !Number.isInteger(value))
  )
    throw new UsageError(
      `${flag} must be ${integer ? 'a whole number ' : ''}between ${range.min} and ${range.max}${unit}, got ${text === '' ? 'nothing' : text}`,
    );
  return value;
}

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

function strategiesOf(text: string): Strategy[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.find((name) => !(strategies as readonly string[]).includes(name));
  if (names.length === 0 || unknown !== undefined)
    throw new UsageError(
      `--strategies must be a comma-separated list of ${strategies.join(', ')}, got ${JSON.stringify(unknown ?? text)}`,
    );
  return [...new Set(names as Strategy[])];
}

function outputPath(flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const file = resolve(text);
  if (!existsSync(dirname(file))) throw new UsageError(`${flag} ${text}: the folder ${dirname(file)} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new UsageError(`${flag} ${text} is a folder; give a file name`);
  return file;
}

/** Which flag a validator message is about (the validator speaks in request fields). */
function flagOf(error: string): string {
  if (/^(workerCounts|workers)/.test(error)) return '--workers';
  if (error.startsWith('switchIntervalMs')) return '--switch-interval';
  if (error.startsWith('timeScale')) return '--time-scale';
  if (error.startsWith('gil')) return '--gil';
  if (/^(strategies|strategy)/.test(error)) return '--strategies';
  return '--program';
}

export function planRun(flags: RunFlags): RunPlan {
  const program = programOf(flags.program);
  const chosen = strategiesOf(flags.strategies);
  const workers = number('--workers', flags.workers, limits.workers, true);
  const switchIntervalMs = number('--switch-interval', flags.switchInterval, limits.switchIntervalMs, false, ' ms');
  if (!(gilModels as readonly string[]).includes(flags.gil))
    throw new UsageError(`--gil must be ${gilModels.join(' or ')}, got ${JSON.stringify(flags.gil)}`);
  const timeScale = number('--time-scale', flags.timeScale, limits.timeScale, false);
  const json = outputPath('--json', flags.json);
  const trace = outputPath('--trace', flags.trace);

  const request: RunRequest = {
    program,
    strategies: chosen,
    workerCounts: [workers],
    switchIntervalMs,
    gil: flags.gil as GilModel,
    timeScale,
  };
  const checked = validateRequest(request);
  if (!checked.ok) throw new UsageError(`${flagOf(checked.error)}: ${checked.error}`);
  return { request, json, trace };
}
