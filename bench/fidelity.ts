// Issue 3: fidelity against CPython. The engine's speed-ups over sequential next to the same
// programs run by the machine's python3, on the same cores, in the same run.
// Goal: every engine speed-up within 15% of CPython's.
import type { Strategy } from '../common/program';
import type { Engine } from '../workers/engine';
import { runSession } from '../test/session';
import { findPython, runPython } from './python';
import type { GoalRow, SectionResult } from './section';
import { fmt, printTable } from './table';

const SCALE = 0.25;
const WORKERS = 2;
const TOLERANCE = 0.15;
/** Rounds of every strategy, CPython and engine interleaved; each wall time is the best round's,
 *  the one least disturbed by whatever else the machine runs. */
const ROUNDS = 3;
const strategies: Strategy[] = ['sequential', 'threading', 'multiprocessing', 'asyncio'];
const programs = [
  { name: 'calc-threads', script: 'cpu_sqrt.py' },
  { name: 'car-truck', script: 'car_truck.py' },
];

interface Row {
  program: string;
  strategy: Strategy;
  cpythonMs: number | null;
  engineMs: number;
  cpythonSpeedup: number | null;
  engineSpeedup: number;
  /** (engine - CPython) / CPython, in %. */
  differencePercent: number | null;
}

export async function benchFidelity(engine: Engine): Promise<SectionResult> {
  const python = findPython();
  console.log(
    `\n[fidelity] calc-threads and car-truck, ${WORKERS} workers, time scale ${SCALE}: speed-up over sequential, engine next to ${python.ok ? python.version : 'CPython'}; best of ${ROUNDS} interleaved rounds`,
  );
  if (!python.ok) console.log(`CPython side skipped: ${python.reason}`);
  const rows: Row[] = [];
  for (const program of programs) {
    const cpythonMs = new Map<Strategy, number>();
    const engineMs = new Map<Strategy, number>();
    const keepBest = (map: Map<Strategy, number>, strategy: Strategy, ms: number) =>
      map.set(strategy, Math.min(ms, map.get(strategy) ?? Infinity));
    for (let round = 0; round < ROUNDS; round++) {
      if (python.ok) {
        for (const strategy of strategies) {
          const out = await runPython<{ wallMs: number }>(program.script, [
            '--strategy',
            strategy,
            '--workers',
            String(WORKERS),
            '--scale',
            String(SCALE),
          ]);
          keepBest(cpythonMs, strategy, out.wallMs);
        }
      }
      const result = await runSession(engine, {
        program: program.name,
        strategies,
        workerCounts: [WORKERS],
        timeScale: SCALE,
      });
      if (result.status !== 'done')
        throw new Error(`the engine's ${program.name} session ended ${result.status}: ${result.reason ?? ''}`);
      for (const summary of result.summaries) keepBest(engineMs, summary.strategy, summary.wallMs);
    }
    for (const strategy of strategies) {
      const eMs = engineMs.get(strategy)!;
      const cMs = cpythonMs.get(strategy) ?? null;
      const engineSpeedup = engineMs.get('sequential')! / eMs;
      const cpythonSpeedup = cMs === null ? null : cpythonMs.get('sequential')! / cMs;
      rows.push({
        program: program.name,
        strategy,
        cpythonMs: cMs,
        engineMs: eMs,
        cpythonSpeedup,
        engineSpeedup,
        differencePercent: cpythonSpeedup === null ? null : ((engineSpeedup - cpythonSpeedup) / cpythonSpeedup) * 100,
      });
    }
  }
  const compared = rows.filter((r) => r.strategy !== 'sequential' && r.differencePercent !== null);
  const within = (r: Row) => Math.abs(r.differencePercent!) <= TOLERANCE * 100;
  printTable(
    `Fidelity: speed-up over sequential, CPython and the engine side by side (best wall time of ${ROUNDS} rounds)`,
    [
      'program',
      'strategy',
      'CPython ms',
      'engine ms',
      'CPython speed-up',
      'engine speed-up',
      'difference %',
      'within 15%?',
    ],
    rows.map((r) => [
      r.program,
      r.strategy,
      r.cpythonMs,
      r.engineMs,
      r.cpythonSpeedup === null ? null : r.cpythonSpeedup.toFixed(2),
      r.engineSpeedup.toFixed(2),
      r.differencePercent === null ? null : `${r.differencePercent >= 0 ? '+' : ''}${r.differencePercent.toFixed(1)}`,
      r.strategy === 'sequential' || r.differencePercent === null ? '' : within(r) ? 'yes' : 'goal missed',
    ]),
  );
  const goalRows: GoalRow[] = python.ok
    ? compared.map((r) => ({
        section: 'fidelity',
        what: `${r.program} ${r.strategy} speed-up vs CPython`,
        measured: `${r.engineSpeedup.toFixed(2)} vs ${r.cpythonSpeedup!.toFixed(2)} (${r.differencePercent! >= 0 ? '+' : ''}${fmt(r.differencePercent!, 2)}%)`,
        goal: `within ${TOLERANCE * 100}%`,
        met: within(r),
      }))
    : [
        {
          section: 'fidelity',
          what: 'speed-ups vs CPython',
          measured: `skipped: ${python.reason}`,
          goal: `within ${TOLERANCE * 100}%`,
          met: null,
        },
      ];
  const missed = compared.filter((r) => !within(r)).length;
  if (python.ok)
    console.log(
      `goal: every speed-up within ${TOLERANCE * 100}% of CPython's — ${missed === 0 ? 'met' : `goal missed (${missed} of ${compared.length})`}`,
    );
  return {
    rows: goalRows,
    data: {
      python: python.ok ? python.version : null,
      skipped: python.ok ? null : python.reason,
      scale: SCALE,
      workers: WORKERS,
      rounds: ROUNDS,
      rows,
    },
  };
}
