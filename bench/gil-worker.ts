// One of the two threads of the hand-off benchmark. Both threads alternate strictly, either on a
// bare Atomics word (the floor: the cheapest hand-off two threads can do) or through the engine's
// real Gil (model 'new'): take it, pretend the other thread asked for it (the drop request), drop
// it; under FORCE_SWITCHING drop() then waits until the other thread has taken it.
import { parentPort, workerData } from 'node:worker_threads';
import { epochMs } from '../workers/clock';
import { Gil } from '../workers/gil';

export interface HandoffJob {
  mode: 'floor' | 'gil';
  /** 1 or 2: the thread's id (the GIL's last-holder word treats 0 as "nobody yet"). */
  self: 1 | 2;
  /** Untimed rounds first, so the JIT has optimised the loop before the clock starts. */
  warmup: number;
  rounds: number;
  /** The floor's turn word, or the GIL's words. */
  shared: SharedArrayBuffer;
  /** Both threads wait on word 0 until the main thread sets it, to start together. */
  start: SharedArrayBuffer;
  /** One Float64: when the last holder let go (epoch ms), for the release-to-acquire latency. */
  released: SharedArrayBuffer;
}

export interface HandoffResult {
  self: number;
  /** Epoch ms (the engine's clock, shared by all threads) when the timed rounds began and ended. */
  startMs: number;
  endMs: number;
  /** GIL only: acquisitions that took the GIL from the other thread. */
  handoffs: number;
  /** Median µs from the other thread letting go to this thread holding (timed rounds). */
  medianLatencyUs: number;
}

/** DROP_REQUEST's index in the GIL's words (workers/gil.ts). */
const DROP_REQUEST = 3;

const job = workerData as HandoffJob;
const total = job.warmup + job.rounds;
let startMs = 0;
let handoffs = 0;
// The atomic store that lets go and the atomic load that sees it order this plain write and read.
const released = new Float64Array(job.released);
const latenciesUs: number[] = [];
const letGo = () => (released[0] = epochMs());
const holding = (k: number) => {
  if (k >= job.warmup && released[0] > 0) latenciesUs.push((epochMs() - released[0]) * 1000);
};

const go = new Int32Array(job.start);
parentPort!.postMessage('ready');
Atomics.wait(go, 0, 0);

if (job.mode === 'floor') {
  const turn = new Int32Array(job.shared);
  const other = 3 - job.self;
  for (let k = 0; k < total; k++) {
    if (k === job.warmup) startMs = epochMs();
    while (Atomics.load(turn, 0) !== job.self) Atomics.wait(turn, 0, other);
    holding(k);
    letGo();
    Atomics.store(turn, 0, other);
    Atomics.notify(turn, 0);
  }
} else {
  const gil = new Gil(job.shared, 0, job.self, 'new', () => 5, { onDropRequest: () => undefined });
  const words = new Int32Array(job.shared);
  for (let k = 0; k < total; k++) {
    if (k === job.warmup) startMs = epochMs();
    gil.take();
    holding(k);
    // The last round asks nothing: nobody is left to take the GIL, and drop() would wait for them.
    if (k < total - 1) Atomics.store(words, DROP_REQUEST, 1);
    letGo();
    gil.drop();
  }
  handoffs = gil.handoffs;
}

const endMs = epochMs();
latenciesUs.sort((a, b) => a - b);
const medianLatencyUs = latenciesUs[Math.floor(latenciesUs.length / 2)] ?? NaN;
const result: HandoffResult = { self: job.self, startMs, endMs, handoffs, medianLatencyUs };
parentPort!.postMessage(result);
