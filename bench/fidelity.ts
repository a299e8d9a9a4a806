// Fidelity table: the lesson's cells (presets calc-threads and car-truck) under every strategy,
// the engine next to the machine's python3 running the same programs (bench/python/*.py) in the
// same repeat. Goals: every speed-up over sequential within 15% of CPython's, and every wall time
// within 15%. A CPU-bound cell's wall time is max(the interpreter's own time, the CPython cost it
// charges): where the engine's sequential run is slower than CPython's, its wall times are the
// interpreter's (interpreter-bound), which is said rather than tuned around.
import type { Strategy } from '../common/program';
import type { Engine } from '../workers/engine';
import { runSession } from '../test/session';
import { findPython, runPython } from './python';
import { median, spread, type GoalRow, type SectionResult } from './section';
import { printTable } from './table';

const SCALE = 0.25;
const WORKERS = 2;
const TOLERANCE = 0.15;
const REPEATS = 5;
const strategies: Strategy[] = ['sequential', 'threading', 'multiprocessing', 'asyncio'];
const programs = [
  { name: 'calc-threads', script: 'cpu_sqrt.py' },
  { name: 'car-truck', script: 'car_truck.py' },
];

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

export async function benchFidelity(engine: Engine): Promise<SectionResult> {
  const python = findPython();
  console.log(
    `\n[fidelity] calc-threads and car-truck, ${WORKERS} workers, time scale ${SCALE}, engine next to ${python.ok ? python.version : 'CPython'}; ${REPEATS} repeats, median [min–max]`,
  );
  if (!python.ok) console.log(`CPython side skipped: ${python.reason}`);
  const rows: GoalRow[] = [];
  const table: (string | null)[][] = [];
  const data: Record<string, { engineMs: number[]; cpythonMs: number[] }> = {};
  for (const program of programs) {
    const e = new Map<Strategy, number[]>(strategies.map((s) => [s, []]));
    const c = new Map<Strategy, number[]>(strategies.map((s) => [s, []]));
    for (let r = 0; r < REPEATS; r++) {
      const result = await runSession(engine, {
        program: program.name,
        strategies,
        workerCounts: [WORKERS],
        timeScale: SCALE,
      });
      if (result.status !== 'done')
        throw new Error(`the engine's ${program.name} session ended ${result.status}: ${result.reason ?? ''}`);
      for (const s of result.summaries) e.get(s.strategy)!.push(s.wallMs);
      if (python.ok)
        for (const s of strategies)
          c.get(s)!.push(
            (
              await runPython<{ wallMs: number }>(program.script, [
                '--strategy',
                s,
                '--workers',
                String(WORKERS),
                '--scale',
                String(SCALE),
              ])
            ).wallMs,
          );
    }
    const eSeq = median(e.get('sequential')!);
    const cSeq = python.ok ? median(c.get('sequential')!) : null;
    const interpreterBound = cSeq !== null && eSeq > cSeq * 1.05;
    for (const s of strategies) {
      data[`${program.name}:${s}`] = { engineMs: e.get(s)!, cpythonMs: c.get(s)! };
      const em = median(e.get(s)!);
      const cm = python.ok ? median(c.get(s)!) : null;
      const eSpeedup = eSeq / em;
      const cSpeedup = cm === null ? null : cSeq! / cm;
      const speedDiff = cSpeedup === null ? null : (eSpeedup - cSpeedup) / cSpeedup;
      const wallDiff = cm === null ? null : (em - cm) / cm;
      table.push([
        program.name,
        s,
        cm === null ? null : `${Math.round(cm)} ${spread(c.get(s)!)}`,
        `${Math.round(em)} ${spread(e.get(s)!)}`,
        wallDiff === null ? null : pct(wallDiff),
        cSpeedup === null ? null : cSpeedup.toFixed(2),
        eSpeedup.toFixed(2),
        speedDiff === null || s === 'sequential' ? '' : pct(speedDiff),
        interpreterBound ? 'interpreter-bound' : '',
      ]);
      if (speedDiff !== null && s !== 'sequential')
        rows.push({
          section: 'fidelity',
          what: `${program.name} ${s} speed-up`,
          measured: `${eSpeedup.toFixed(2)} vs ${cSpeedup!.toFixed(2)} (${pct(speedDiff)}%)`,
          goal: `within ${TOLERANCE * 100}%`,
          met: Math.abs(speedDiff) <= TOLERANCE,
        });
      if (wallDiff !== null)
        rows.push({
          section: 'fidelity',
          what: `${program.name} ${s} wall time${interpreterBound ? ' (interpreter-bound)' : ''}`,
          measured: `${Math.round(em)} vs ${Math.round(cm!)} ms (${pct(wallDiff)}%)`,
          goal: `within ${TOLERANCE * 100}%`,
          met: Math.abs(wallDiff) <= TOLERANCE,
        });
    }
  }
  printTable(
    'Fidelity: wall ms and speed-up over sequential, CPython and the engine side by side',
    [
      'program',
      'strategy',
      'CPython ms',
      'engine ms',
      'wall diff %',
      'CPython speed-up',
      'engine speed-up',
      'speed-up diff %',
      'note',
    ],
    table,
  );
  console.log(
    'interpreter-bound: the engine’s sequential run took over 5% longer than CPython’s, so its CPU-bound wall times are the interpreter’s own speed (workers/interpreter), not the charged CPython cost.',
  );
  return {
    rows,
    data: { python: python.ok ? python.version : null, scale: SCALE, workers: WORKERS, repeats: REPEATS, runs: data },
  };
}
