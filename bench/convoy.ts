// Convoy collapse (Beazley): an I/O thread's echo rounds per second alone, beside a CPU-bound
// thread and beside a CPU-bound process. Each round makes two blocking calls (sendall, recv);
// beside a thread, getting the GIL back after each can wait out a switch interval. The engine and
// CPython run the convoy preset's functions, CPython in bench/python/convoy.py (a socket pair to a
// forked echo process), in the same repeat. The collapse is the rate beside a process ÷ the rate
// beside a thread: the same load on the cores, only the GIL differs. (Alone is printed too, but on
// a VM an idle core wakes slowly: CPython's echo here runs ~10× faster beside a spinning process
// than alone, its peer's reply taking ~60 µs instead of ~2 µs, which is the machine, not the GIL.)
// Goals: every engine repeat collapses at least 50×, and the engine's median collapse is within
// 2× of CPython's.
import { findPreset } from '../common/presets';
import type { Program } from '../common/program';
import type { Engine } from '../workers/engine';
import { printed, runSession } from '../test/session';
import { findPython, runPython } from './python';
import { median, spread, type SectionResult } from './section';
import { fmt, printTable } from './table';

const REPEATS = 5;
const SECONDS = 1;
const MIN_COLLAPSE = 50;
const WITHIN = 2;
const modes = ['alone', 'threading', 'multiprocessing'] as const;
type Mode = (typeof modes)[number];

// The convoy preset's own spin() and echo_rounds(), without the program at its end: each mode
// below calls them its own way (CPython's side, bench/python/convoy.py, runs the same functions).
const preset = findPreset('convoy')?.source ?? '';
const functions = preset.slice(0, preset.indexOf('\nalone = ') + 1);
if (!functions) throw new Error('the convoy preset no longer ends with its "alone = ..." program');

const bodies: Record<Mode, string> = {
  alone: `echo = threading.Thread(target=echo_rounds, args=(${SECONDS},))
echo.start()
echo.join()
`,
  threading: `cpu = threading.Thread(target=spin, args=(${SECONDS + 0.2},))
echo = threading.Thread(target=echo_rounds, args=(${SECONDS},))
cpu.start()
echo.start()
echo.join()
cpu.join()
`,
  multiprocessing: `from multiprocessing import Process

if __name__ == "__main__":
    cpu = Process(target=spin, args=(${SECONDS + 0.2},))
    cpu.start()
    echo = threading.Thread(target=echo_rounds, args=(${SECONDS},))
    echo.start()
    echo.join()
    cpu.join()
`,
};

const program = (mode: Mode): Program => ({
  name: `convoy-${mode}`,
  description: `the convoy's echo thread, ${mode === 'alone' ? 'alone' : `beside a CPU-bound ${mode === 'threading' ? 'thread' : 'process'}`}`,
  file: `convoy_${mode}.py`,
  source: functions + bodies[mode],
});

async function engineRate(engine: Engine, mode: Mode): Promise<number> {
  const result = await runSession(engine, {
    program: program(mode),
    strategies: [mode === 'multiprocessing' ? 'multiprocessing' : 'threading'],
    workerCounts: [2],
    timeScale: 1,
  });
  const record = result.records[0];
  // The preset prints "<thread>: <rounds> rounds in <seconds> s, <rate> per second".
  const rounds = record ? /(\d+) rounds in/.exec(printed(record)) : null;
  if (result.status !== 'done' || !rounds)
    throw new Error(
      `the engine's convoy (${mode}) run ended ${result.status}: ${result.reason ?? 'no rounds printed'}`,
    );
  return Number(rounds[1]) / SECONDS;
}

export async function benchConvoy(engine: Engine): Promise<SectionResult> {
  const python = findPython();
  console.log(
    `\n[convoy] echo rounds per second (sendall + recv), engine next to ${python.ok ? python.version : 'CPython'} (socket pair to a forked echo process), ${SECONDS} s each, ${REPEATS} repeats`,
  );
  if (!python.ok) console.log(`CPython side skipped: ${python.reason}`);
  const engineRates: Record<Mode, number[]> = { alone: [], threading: [], multiprocessing: [] };
  const cpythonRates: Record<Mode, number[]> = { alone: [], threading: [], multiprocessing: [] };
  for (let r = 0; r < REPEATS; r++) {
    for (const mode of modes) {
      engineRates[mode].push(await engineRate(engine, mode));
      if (python.ok)
        cpythonRates[mode].push(
          (await runPython<{ roundsPerSec: number }>('convoy.py', ['--mode', mode, '--seconds', String(SECONDS)]))
            .roundsPerSec,
        );
    }
  }
  /** Each repeat's rate beside a process ÷ beside a thread. */
  const collapses = (rates: Record<Mode, number[]>) => rates.multiprocessing.map((p, i) => p / rates.threading[i]);
  const e = collapses(engineRates);
  const c = python.ok ? collapses(cpythonRates) : null;
  printTable(
    'Convoy, each repeat: echo rounds/s, and the collapse (beside a process ÷ beside a thread)',
    [
      'repeat',
      'CPython alone',
      'CPython beside process',
      'CPython beside thread',
      'CPython collapse',
      'engine alone',
      'engine beside process',
      'engine beside thread',
      'engine collapse',
    ],
    engineRates.alone.map((_, i) => [
      String(i + 1),
      cpythonRates.alone[i] ?? null,
      cpythonRates.multiprocessing[i] ?? null,
      cpythonRates.threading[i] ?? null,
      c ? `${fmt(c[i])}×` : null,
      engineRates.alone[i],
      engineRates.multiprocessing[i],
      engineRates.threading[i],
      `${fmt(e[i])}×`,
    ]),
  );
  const em = median(e);
  const cm = c ? median(c) : null;
  printTable(
    'Convoy collapse: median [min–max] of the repeats',
    ['', 'CPython', 'engine'],
    [
      [
        'beside a process ÷ beside a thread',
        c ? `${fmt(cm!)}× ${spread(c, '×')}` : null,
        `${fmt(em)}× ${spread(e, '×')}`,
      ],
    ],
  );
  const everyRepeat = e.every((x) => x >= MIN_COLLAPSE);
  const close = cm === null ? null : em / cm <= WITHIN && cm / em <= WITHIN;
  return {
    rows: [
      {
        section: 'convoy',
        what: 'engine collapse beside a thread, every repeat',
        measured: `${fmt(Math.min(...e))}× at least`,
        goal: `≥ ${MIN_COLLAPSE}×`,
        met: everyRepeat,
      },
      {
        section: 'convoy',
        what: 'engine median collapse vs CPython',
        measured: cm === null ? 'no CPython' : `${fmt(em)}× vs ${fmt(cm)}×`,
        goal: `within ${WITHIN}×`,
        met: close,
      },
    ],
    data: {
      seconds: SECONDS,
      repeats: REPEATS,
      python: python.ok ? python.version : null,
      engineRoundsPerSec: engineRates,
      cpythonRoundsPerSec: cpythonRates,
      engineCollapse: e,
      cpythonCollapse: c,
    },
  };
}
