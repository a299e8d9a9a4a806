// The cost table a machine's runs use: fitted to its own python3 once, then read from the cache;
// the defaults where there is no python3. Runs in the engine's calibration process.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { costNames, defaultCosts, type CostTable } from '../interpreter/costs';
import { costBenchmarks } from './benchmarks';
import { countOperations } from './count';
import { fitCosts } from './fit';

export interface CostCalibration {
  costs: CostTable;
  /** Where the table came from, in one line: the UI, the CLI and session files show it. */
  source: string;
  calibrated: boolean;
  /** After the fit, the calibration program whose prediction is furthest from CPython's time, and by how much (predicted / measured). */
  worst?: { program: string; ratio: number };
}

export interface CalibrationRequest {
  python: { executable: string; version: string } | null;
  /** Why there is no python3, when there is none. */
  pythonMissing?: string;
  /** Where the fitted table is kept; null: nowhere (fit every time). */
  cacheDir: string | null;
  /** workers/cpython/time-programs.py as shipped. */
  timerScript: string;
  /** Identifies this build of the interpreter: a table fitted to another build's counts is not reused. */
  build: string;
  /** Time python3 again even if the cache has a table. */
  again?: boolean;
}

interface CacheEntry extends CostCalibration {
  key: string;
}

const defaultSource = 'default costs (CPython 3.11 on the project’s 2-core Linux machine)';
const cacheFile = 'cost-calibration.json';
const keptEntries = 8;

function cacheKey(r: CalibrationRequest): string {
  const programs = createHash('sha256').update(JSON.stringify(costBenchmarks)).digest('hex').slice(0, 16);
  return `${r.python!.executable}|${r.python!.version}|${r.build}|${programs}`;
}

function readCache(dir: string): CacheEntry[] {
  try {
    const entries = JSON.parse(readFileSync(join(dir, cacheFile), 'utf8')) as CacheEntry[];
    return Array.isArray(entries) ? entries.filter((e) => e && typeof e.key === 'string' && costNames.every((k) => typeof e.costs?.[k] === 'number')) : [];
  } catch {
    return [];
  }
}

function writeCache(dir: string, entries: CacheEntry[]): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `${cacheFile}.${process.pid}.tmp`);
    writeFileSync(temporary, `${JSON.stringify(entries.slice(-keptEntries), null, 2)}\n`);
    renameSync(temporary, join(dir, cacheFile)); // whole or not at all, even with two engines at once
  } catch {
    // An unwritable cache costs a calibration next time, nothing else.
  }
}

/** Each calibration program's least time in python3, ns. */
function timeInCPython(python: string, timerScript: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(python, ['-I', timerScript], { timeout: 120_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${python} could not time the calibration programs: ${stderr.trim().split('\n').pop() || error.message}`));
      try {
        const { ns } = JSON.parse(stdout) as { ns: number[] };
        if (!Array.isArray(ns) || ns.length !== costBenchmarks.length || !ns.every((n) => n > 0)) throw new Error('wrong shape');
        resolve(ns);
      } catch (e) {
        reject(new Error(`${python} printed no timings (${(e as Error).message})`));
      }
    });
    child.stdin?.end(JSON.stringify(costBenchmarks.map((b) => b.source)));
  });
}

export async function calibrateCosts(r: CalibrationRequest, today = new Date(), notice: (text: string) => void = () => {}): Promise<CostCalibration> {
  if (!r.python) return { costs: defaultCosts, calibrated: false, source: `${defaultSource}: ${r.pythonMissing ?? 'no python3 found'}` };
  const key = cacheKey(r);
  const cached = r.cacheDir ? readCache(r.cacheDir) : [];
  const hit = r.again ? undefined : cached.find((e) => e.key === key);
  if (hit) return { costs: hit.costs, calibrated: true, source: hit.source, ...(hit.worst ? { worst: hit.worst } : {}) };
  let ns: number[];
  notice(`Timing ${costBenchmarks.length} small programs in CPython ${r.python.version} to calibrate the cost table (once for this machine, a few seconds)`);
  try {
    ns = await timeInCPython(r.python.executable, r.timerScript);
  } catch (error) {
    return { costs: defaultCosts, calibrated: false, source: `${defaultSource}: ${(error as Error).message}` };
  }
  const observations = costBenchmarks.map((b, i) => ({ counts: countOperations(b.source), ns: ns[i], weight: b.weight }));
  const fit = fitCosts(defaultCosts, observations);
  let worst = 0;
  fit.ratios.forEach((ratio, i) => {
    if (Math.abs(Math.log(ratio)) > Math.abs(Math.log(fit.ratios[worst]))) worst = i;
  });
  const calibration: CostCalibration = {
    costs: fit.costs,
    calibrated: true,
    source: `calibrated against CPython ${r.python.version} (${r.python.executable}) on ${today.toISOString().slice(0, 10)}`,
    worst: { program: costBenchmarks[worst].name, ratio: Math.round(fit.ratios[worst] * 100) / 100 },
  };
  if (r.cacheDir) writeCache(r.cacheDir, [...cached.filter((e) => e.key !== key), { key, ...calibration }]);
  return calibration;
}
