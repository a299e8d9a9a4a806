// Oversubscription: the lesson's calc() cell with 4, 8 and 16 tasks of a fixed amount of work
// (each `for i in range(2_000_000): math.sqrt(i)`, ~70 ms of CPython) under threading,
// multiprocessing and free-threading, on this machine's cores, next to CPython measured in the
// same repeat (bench/python/cpu_sqrt.py). free-threading is compared with CPython's
// multiprocessing: there is no free-threaded python3 here. Then thread starts on their own: three
// asyncio.to_thread sleeps of 0.3 s (bench/python/to_thread.py, the same file in both), where each
// start waits for the one before. Goal: every median wall time within 15% of CPython's.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Strategy } from '../common/program';
import { programFromText } from '../common/validate';
import type { Engine } from '../workers/engine';
import { printed, runSession } from '../test/session';
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
            : `${Math.round(median(e))} vs ${Math.round(median(c))} ms (${signedPercent(diff, 0)}%)`,
        goal: `within ${TOLERANCE * 100}%`,
        met: within,
      });
      return [
        String(workers),
        s,
        c.length > 0 ? `${Math.round(median(c))} ${spread(c)}` : null,
        `${Math.round(median(e))} ${spread(e)}`,
        diff === null ? null : signedPercent(diff, 1),
        within === null ? '' : within ? 'yes' : 'goal missed',
      ];
    }),
  );
  printTable(
    'calc() tasks: wall ms, CPython (threading; multiprocessing for multiprocessing and free-threading) and the engine',
    ['workers', 'strategy', 'CPython ms', 'engine ms', 'difference %', 'within 15%?'],
    table,
  );
  const toThread = await benchToThread(engine, python.ok);
  rows.push(toThread.row);
  return {
    rows,
    data: {
      scale: SCALE,
      repeats: REPEATS,
      engineMs: Object.fromEntries(engineMs),
      cpythonMs: Object.fromEntries(cpythonMs),
      toThread: toThread.data,
    },
  };
}

/** A relative difference as a signed percentage: 0.152 → "+15.2" (with 1 digit). */
function signedPercent(diff: number, digits: number): string {
  return `${diff >= 0 ? '+' : ''}${(diff * 100).toFixed(digits)}`;
}

/** The wall time the program measures itself (its JSON line), in the engine and in python3, alternating. */
async function benchToThread(
  engine: Engine,
  withPython: boolean,
): Promise<{ row: GoalRow; data: { engineMs: number[]; cpythonMs: number[] } }> {
  const file = fileURLToPath(new URL('./python/to_thread.py', import.meta.url));
  const program = programFromText(readFileSync(file, 'utf8'), 'to_thread.py');
  const engineMs: number[] = [];
  const cpythonMs: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const result = await runSession(engine, { program, strategies: ['asyncio'], timeScale: 1 });
    if (result.status !== 'done')
      throw new Error(`the engine's to_thread session ended ${result.status}: ${result.reason ?? ''}`);
    const line = printed(result.records[0]).trim().split('\n').at(-1)!;
    engineMs.push((JSON.parse(line) as { wallMs: number }).wallMs);
    if (withPython) cpythonMs.push((await runPython<{ wallMs: number }>('to_thread.py', [])).wallMs);
  }
  const diff = cpythonMs.length > 0 ? (median(engineMs) - median(cpythonMs)) / median(cpythonMs) : null;
  printTable(
    'three asyncio.to_thread sleeps of 0.3 s, gathered: wall ms',
    ['CPython ms', 'engine ms', 'difference %'],
    [
      [
        cpythonMs.length > 0 ? `${Math.round(median(cpythonMs))} ${spread(cpythonMs)}` : null,
        `${Math.round(median(engineMs))} ${spread(engineMs)}`,
        diff === null ? null : signedPercent(diff, 1),
      ],
    ],
  );
  return {
    row: {
      section: 'workers',
      what: 'three asyncio.to_thread sleeps of 0.3 s: wall vs CPython',
      measured:
        diff === null
          ? 'no CPython'
          : `${Math.round(median(engineMs))} vs ${Math.round(median(cpythonMs))} ms (${signedPercent(diff, 0)}%)`,
      goal: `within ${TOLERANCE * 100}%`,
      met: diff === null ? null : Math.abs(diff) <= TOLERANCE,
    },
    data: { engineMs, cpythonMs },
  };
}
