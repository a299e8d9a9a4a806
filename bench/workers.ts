// Oversubscription: the lesson's calc() cell with 4, 8 and 16 tasks of a fixed amount of work
// (each `for i in range(2_000_000): math.sqrt(i)`, ~70 ms of CPython) under threading,
// multiprocessing and free-threading, on this machine's cores, next to CPython measured in the
// same repeat (bench/python/cpu_sqrt.py). free-threading is compared with CPython's
// multiprocessing: there is no free-threaded python3 here. Goal: every median wall time within
// 15% of CPython's.
import type { Strategy } from '../common/program';
import type { Engine } from '../workers/engine';
import { runSession } from '../test/session';
import { findPython, runPython } from './python';
import { median, spread, type GoalRow, type SectionResult } from './section';
import { printTable } from './table';

const REPEATS = 5;
/** 40M iterations × this: 2M a task. */
const SCALE = 0.05;
const TOLERANCE = 0.15;
const workerCounts = [4, 8, 16];
const strategies: Strategy[] = ['threading', 'multiprocessing', 'free-threading'];
const cpythonFor = (s: Strategy): 'threading' | 'multiprocessing' =>
  s === 'threading' ? 'threading' : 'multiprocessing';

export async function benchWorkers(engine: Engine): Promise<SectionResult> {
  const python = findPython();
  console.log(
    `\n[workers] calc() with 4, 8, 16 tasks of 2M math.sqrt each (preset calc-threads at time scale ${SCALE}), engine next to ${python.ok ? python.version : 'CPython'}; ${REPEATS} repeats, median [min–max] ms`,
  );
  if (!python.ok) console.log(`CPython side skipped: ${python.reason}`);
  const engineMs = new Map<string, number[]>();
  const cpythonMs = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, v: number) => map.set(key, [...(map.get(key) ?? []), v]);
  for (let r = 0; r < REPEATS; r++) {
    for (const workers of workerCounts) {
      const result = await runSession(engine, {
        program: 'calc-threads',
        strategies,
        workerCounts: [workers],
        timeScale: SCALE,
      });
      if (result.status !== 'done')
        throw new Error(
          `the engine's calc-threads session (${workers} workers) ended ${result.status}: ${result.reason ?? ''}`,
        );
      for (const s of result.summaries) push(engineMs, `${s.strategy}:${workers}`, s.wallMs);
      if (python.ok)
        for (const s of ['threading', 'multiprocessing'] as const)
          push(
            cpythonMs,
            `${s}:${workers}`,
            (
              await runPython<{ wallMs: number }>('cpu_sqrt.py', [
                '--strategy',
                s,
                '--workers',
                String(workers),
                '--scale',
                String(SCALE),
              ])
            ).wallMs,
          );
    }
  }
  const rows: GoalRow[] = [];
  const table = workerCounts.flatMap((workers) =>
    strategies.map((s) => {
      const e = engineMs.get(`${s}:${workers}`)!;
      const c = cpythonMs.get(`${cpythonFor(s)}:${workers}`) ?? [];
      const diff = c.length > 0 ? (median(e) - median(c)) / median(c) : null;
      const within = diff === null ? null : Math.abs(diff) <= TOLERANCE;
      rows.push({
        section: 'workers',
        what: `${s}, ${workers} workers: wall vs CPython ${cpythonFor(s)}`,
        measured:
          diff === null
            ? 'no CPython'
            : `${Math.round(median(e))} vs ${Math.round(median(c))} ms (${diff >= 0 ? '+' : ''}${(diff * 100).toFixed(0)}%)`,
        goal: `within ${TOLERANCE * 100}%`,
        met: within,
      });
      return [
        String(workers),
        s,
        c.length > 0 ? `${Math.round(median(c))} ${spread(c)}` : null,
        `${Math.round(median(e))} ${spread(e)}`,
        diff === null ? null : `${diff >= 0 ? '+' : ''}${(diff * 100).toFixed(1)}`,
        within === null ? '' : within ? 'yes' : 'goal missed',
      ];
    }),
  );
  printTable(
    'calc() tasks: wall ms, CPython (threading; multiprocessing for multiprocessing and free-threading) and the engine',
    ['workers', 'strategy', 'CPython ms', 'engine ms', 'difference %', 'within 15%?'],
    table,
  );
  return {
    rows,
    data: {
      scale: SCALE,
      repeats: REPEATS,
      engineMs: Object.fromEntries(engineMs),
      cpythonMs: Object.fromEntries(cpythonMs),
    },
  };
}
