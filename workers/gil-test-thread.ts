// The second thread of gil.test.ts: holds a Gil of its own on the test's buffer and runs the
// test's commands one at a time, answering after each (a blocking take answers once it holds).
import { parentPort, workerData } from 'node:worker_threads';
import type { GilModel } from '../common/program';
import { Gil } from './gil';

/** take-hold-drop: takes, holds for `ms`, drops, then answers. */
export type Command = { op: 'take' } | { op: 'drop' } | { op: 'take-hold-drop'; ms: number };
export interface Answer {
  op: Command['op'];
  held: boolean;
  handoffs: number;
  letThrough: number;
}

const { buffer, self, model, intervalMs, wakeUs } = workerData as {
  buffer: SharedArrayBuffer;
  self: number;
  model: GilModel;
  intervalMs: number;
  wakeUs: number;
};
const gil = new Gil(buffer, 0, self, model, () => intervalMs, { onDropRequest: () => undefined }, wakeUs);
const pause = new Int32Array(new SharedArrayBuffer(4));

parentPort!.on('message', (c: Command) => {
  if (c.op === 'take') gil.take();
  else if (c.op === 'drop') gil.drop();
  else {
    gil.take();
    Atomics.wait(pause, 0, 0, c.ms);
    gil.drop();
  }
  parentPort!.postMessage({
    op: c.op,
    held: gil.held,
    handoffs: gil.handoffs,
    letThrough: gil.letThrough,
  } satisfies Answer);
});
