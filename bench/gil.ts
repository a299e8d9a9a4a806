// Issue 3: the GIL's hand-off latency against the floor — the same two worker threads
// ping-ponging a bare Atomics word. Goal: at most 2x the floor.
import { newGilBuffer } from '../workers/gil';
import type { HandoffJob, HandoffResult } from './gil-worker';
import { median, type SectionResult } from './section';
import { fmt, printTable } from './table';
import { startTsWorker } from './ts-worker';

const ROUNDS = 20_000;
const WARMUP = 2_000;
const REPEATS = 5;
const GOAL = 2;

interface Measurement {
  mode: HandoffJob['mode'];
  /** The goal's measure: µs per hand-off, the timed span over 2 x ROUNDS hand-offs. */
  usPerHandoff: number;
  /** Median µs from one thread letting go to the other holding. */
  latencyUs: number;
  /** GIL only: did the threads really alternate (every acquisition a hand-off)? */
  strict: boolean | null;
}

async function measure(mode: HandoffJob['mode']): Promise<Measurement> {
  const shared = mode === 'floor' ? new SharedArrayBuffer(4) : newGilBuffer();
  if (mode === 'floor') new Int32Array(shared)[0] = 1;
  const job = {
    mode,
    warmup: WARMUP,
    rounds: ROUNDS,
    shared,
    start: new SharedArrayBuffer(4),
    released: new SharedArrayBuffer(8),
  };
  const file = new URL('./gil-worker.ts', import.meta.url);
  const workers = ([1, 2] as const).map((self) => startTsWorker(file, { ...job, self } satisfies HandoffJob));
  const next = <T>(predicate: (m: unknown) => boolean) =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<T>((resolve, reject) => {
            const onMessage = (m: unknown) => {
              if (!predicate(m)) return;
              w.off('message', onMessage);
              resolve(m as T);
            };
            w.on('message', onMessage);
            w.once('error', reject);
          }),
      ),
    );
  await next((m) => m === 'ready');
  const results = next<HandoffResult>((m) => typeof m === 'object');
  const go = new Int32Array(job.start);
  Atomics.store(go, 0, 1);
  Atomics.notify(go, 0);
  const [a, b] = await results;
  await Promise.all(workers.map((w) => w.terminate()));
  const spanMs = Math.max(a.endMs, b.endMs) - Math.min(a.startMs, b.startMs);
  return {
    mode,
    usPerHandoff: (spanMs * 1000) / (2 * ROUNDS),
    latencyUs: (a.medianLatencyUs + b.medianLatencyUs) / 2,
    strict: mode === 'gil' ? a.handoffs + b.handoffs === 2 * (WARMUP + ROUNDS) - 1 : null,
  };
}

export async function benchGil(): Promise<SectionResult> {
  console.log(
    `\n[gil] two worker threads, ${ROUNDS.toLocaleString('en-US')} strict alternations each: a bare Atomics word (the floor) and the real Gil (model new), side by side, ${REPEATS} times`,
  );
  // The first pair of threads of a process runs slow (cold caches, CPU frequency): measure and drop it.
  await measure('floor');
  await measure('gil');
  const floors: Measurement[] = [];
  const gils: Measurement[] = [];
  for (let r = 0; r < REPEATS; r++) {
    floors.push(await measure('floor'));
    gils.push(await measure('gil'));
  }
  // The goal compares the best repeat of each: a hand-off's own cost, least disturbed by whatever
  // else shares the cores (two threads that land on one busy core pay a context switch each time).
  const best = (ms: Measurement[], key: 'usPerHandoff' | 'latencyUs') => Math.min(...ms.map((m) => m[key]));
  const mid = (ms: Measurement[], key: 'usPerHandoff' | 'latencyUs') => median(ms.map((m) => m[key]));
  const floor = best(floors, 'usPerHandoff');
  const gil = best(gils, 'usPerHandoff');
  const ratio = gil / floor;
  const floorLatency = best(floors, 'latencyUs');
  const gilLatency = best(gils, 'latencyUs');
  const strict = gils.every((m) => m.strict);
  printTable(
    'GIL hand-off against the floor (µs per hand-off = timed span / 2N; latency = one thread letting go → the other holding)',
    ['repeat', 'floor µs', 'GIL µs', 'ratio', 'floor latency µs', 'GIL latency µs', 'latency ratio'],
    [
      ...floors.map((f, i): (string | number)[] => {
        const g = gils[i];
        return [
          String(i + 1),
          f.usPerHandoff,
          g.usPerHandoff,
          g.usPerHandoff / f.usPerHandoff,
          f.latencyUs,
          g.latencyUs,
          g.latencyUs / f.latencyUs,
        ];
      }),
      [
        'median',
        mid(floors, 'usPerHandoff'),
        mid(gils, 'usPerHandoff'),
        mid(gils, 'usPerHandoff') / mid(floors, 'usPerHandoff'),
        mid(floors, 'latencyUs'),
        mid(gils, 'latencyUs'),
        mid(gils, 'latencyUs') / mid(floors, 'latencyUs'),
      ],
      ['best', floor, gil, ratio, floorLatency, gilLatency, gilLatency / floorLatency],
    ],
  );
  console.log(
    `goal: GIL ≤ ${GOAL}× the floor (best against best) — ${ratio <= GOAL ? 'met' : 'goal missed'}` +
      (strict ? '' : ' (note: some GIL rounds did not alternate strictly: a forced drop waited out its timeout)'),
  );
  return {
    rows: [
      {
        section: 'gil',
        what: 'GIL hand-off / bare Atomics hand-off',
        measured: `${fmt(ratio)}× (${fmt(gil)} vs ${fmt(floor)} µs)`,
        goal: `≤ ${GOAL}×`,
        met: ratio <= GOAL,
      },
    ],
    data: {
      rounds: ROUNDS,
      warmup: WARMUP,
      floorUsPerHandoff: floors.map((m) => m.usPerHandoff),
      gilUsPerHandoff: gils.map((m) => m.usPerHandoff),
      floorLatencyUs: floors.map((m) => m.latencyUs),
      gilLatencyUs: gils.map((m) => m.latencyUs),
      bestFloorUs: floor,
      bestGilUs: gil,
      ratio,
      medianRatio: mid(gils, 'usPerHandoff') / mid(floors, 'usPerHandoff'),
      latencyRatio: gilLatency / floorLatency,
      strictAlternation: strict,
      goal: GOAL,
    },
  };
}
