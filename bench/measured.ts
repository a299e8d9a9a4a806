// Issue 9: measured CPython. The sampler's own cost (its thread's CPU time over the run's wall
// time, at 1 kHz) and its missed ticks, over real measured runs of the calc() cells; and the
// measured wall time next to a plain `python3 cell.py` timed here, interleaved, in the same run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPython as findInterpreters, type PythonInterpreter } from '../workers/cpython/find-python';
import { runMeasured, type MeasuredRunResult } from '../workers/cpython/measured-run';
import { samplerAvailability } from '../workers/cpython/sampler';
import type { Strategy } from '../common/program';
import { median, type GoalRow, type SectionResult } from './section';
import { fmt, printTable } from './table';

const ROUNDS = 3;
const SAMPLER_GOAL = 0.15;
const WALL_TOLERANCE = 0.15;
const cells: { file: string; strategy: Strategy }[] = [
  { file: 'calc_threads.py', strategy: 'threading' },
  { file: 'calc_processes.py', strategy: 'multiprocessing' },
];

const fixture = (file: string) => fileURLToPath(new URL(`../common/presets/${file}`, import.meta.url));

function plainWallMs(python: PythonInterpreter, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(python.executable, [fixture(file)], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - start) : reject(new Error(`python3 ${file} exited with ${code}`)),
    );
  });
}

async function measuredRun(
  python: PythonInterpreter,
  file: string,
  strategy: Strategy,
): Promise<{ result: MeasuredRunResult; mainThreadShare: number }> {
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  let wallAtStart = 0;
  const run = runMeasured(
    {
      runId: `bench-${file}`,
      strategy,
      source: readFileSync(fixture(file), 'utf8'),
      fileName: file,
      programName: file,
      python,
      workers: 2,
      switchIntervalMs: 5,
      timeScale: 1,
      firstTid: 1,
    },
    {
      onStart: () => {
        cpuAtStart = process.cpuUsage();
        wallAtStart = performance.now();
      },
      onThreads: () => undefined,
      onTrace: () => undefined,
    },
  );
  const result = await run.finished;
  if (result.summary.status !== 'done' || !cpuAtStart)
    throw new Error(`the measured ${file} run ended ${result.summary.status}: ${result.summary.reason ?? ''}`);
  const cpu = process.cpuUsage(cpuAtStart);
  const wallMs = performance.now() - wallAtStart;
  // From the program's start to the run's end, the whole Node process minus the sampler's thread:
  // the main thread's merging and relaying (the sampler's share is over its whole watch, about the same span).
  const processCpuMs = (cpu.user + cpu.system) / 1000;
  const mainThreadShare = Math.max(0, processCpuMs - (result.sampler?.selfCpuNs ?? 0) / 1e6) / wallMs;
  return { result, mainThreadShare };
}

interface Row {
  cell: string;
  strategy: Strategy;
  plainMs: number;
  measuredMs: number;
  ratio: number;
  samplerShare: number;
  mainThreadShare: number;
  ticks: number;
  missedTicks: number;
  lateTicks: number;
  p99LateUs: number;
}

export async function benchMeasured(): Promise<SectionResult> {
  const found = await findInterpreters();
  const sampler = samplerAvailability();
  console.log(
    `\n[measured] the calc() cells (10,000,000 square roots per worker, 2 workers) in ${found.main.ok ? `Python ${found.main.python.version}` : 'CPython'}: measured next to plain python3, ${ROUNDS} interleaved rounds; sampler at 1 kHz`,
  );
  if (!found.main.ok || !sampler.ok) {
    const reason = !found.main.ok ? found.main.reason : (sampler as { reason: string }).reason;
    console.log(`skipped: ${reason}`);
    return {
      rows: [
        {
          section: 'measured',
          what: 'sampler CPU, measured vs plain wall',
          measured: `skipped: ${reason}`,
          goal: '—',
          met: null,
        },
      ],
      data: { skipped: reason },
    };
  }
  const python = found.main.python;
  const rows: Row[] = [];
  for (const { file, strategy } of cells) {
    const plain: number[] = [];
    const runs: { result: MeasuredRunResult; mainThreadShare: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      plain.push(await plainWallMs(python, file));
      runs.push(await measuredRun(python, file, strategy));
    }
    const stats = runs.map((r) => r.result.sampler!);
    const bestPlain = Math.min(...plain);
    const bestMeasured = Math.min(...runs.map((r) => r.result.summary.wallMs));
    rows.push({
      cell: file,
      strategy,
      plainMs: bestPlain,
      measuredMs: bestMeasured,
      ratio: bestMeasured / bestPlain,
      samplerShare: median(stats.map((s) => s.selfCpuShare)),
      mainThreadShare: median(runs.map((r) => r.mainThreadShare)),
      ticks: stats.reduce((n, s) => n + s.ticks, 0),
      missedTicks: stats.reduce((n, s) => n + s.missedTicks, 0),
      lateTicks: stats.reduce((n, s) => n + s.lateTicks, 0),
      p99LateUs: Math.max(...stats.map((s) => s.p99LateUs)),
    });
  }
  printTable(
    'Measured CPython: wall time (best of rounds) and the sampler at 1 kHz (its own thread, median of rounds)',
    [
      'cell',
      'plain python3 ms',
      'measured ms',
      'measured / plain',
      'sampler CPU (of 1 core)',
      'main thread CPU (≈)',
      'ticks',
      'missed',
      'late (> ½ tick)',
      'p99 late µs',
    ],
    rows.map((r) => [
      `${r.cell} (${r.strategy})`,
      r.plainMs,
      r.measuredMs,
      r.ratio.toFixed(3),
      `${(r.samplerShare * 100).toFixed(1)}%`,
      `${(r.mainThreadShare * 100).toFixed(1)}%`,
      r.ticks,
      r.missedTicks,
      r.lateTicks,
      r.p99LateUs,
    ]),
  );
  const worstShare = Math.max(...rows.map((r) => r.samplerShare));
  const goalRows: GoalRow[] = [
    {
      section: 'measured',
      what: 'sampler CPU at 1 kHz (share of one core)',
      measured: `${(worstShare * 100).toFixed(1)}%`,
      goal: `< ${SAMPLER_GOAL * 100}%`,
      met: worstShare < SAMPLER_GOAL,
    },
    {
      section: 'measured',
      what: 'sampler missed ticks',
      measured: rows.map((r) => `${r.strategy} ${r.missedTicks} of ${r.ticks + r.missedTicks}`).join(', '),
      goal: 'reported',
      met: null,
    },
    ...rows.map((r) => ({
      section: 'measured',
      what: `${r.cell} measured / plain python3 wall`,
      measured: fmt(r.ratio, 3),
      goal: `within ${WALL_TOLERANCE * 100}%`,
      met: Math.abs(r.ratio - 1) <= WALL_TOLERANCE,
    })),
  ];
  console.log(
    `goals: sampler < ${SAMPLER_GOAL * 100}% of one core — ${worstShare < SAMPLER_GOAL ? 'met' : 'goal missed'}; measured wall within ${WALL_TOLERANCE * 100}% of plain — ${rows.every((r) => Math.abs(r.ratio - 1) <= WALL_TOLERANCE) ? 'met' : 'goal missed'}`,
  );
  return { rows: goalRows, data: { python: python.version, rounds: ROUNDS, rows } };
}
