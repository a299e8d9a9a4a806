// The GIL's rules, driven step by step: this thread holds one Gil, a worker thread another on the
// same words, and each step waits for the one before (no timing thresholds).
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { GilModel } from '../common/program';
import { Gil, newGilBuffer } from './gil';
import type { Answer, Command } from './gil-test-thread';

const INTERVAL_MS = 1;
/** For the races back from a blocking call: long enough that no waiter times out mid-test. */
const LONG_INTERVAL_MS = 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

/** Waits (this thread sleeping, not the event loop) until `done` holds, for at most 5 s. */
function until(done: () => boolean): void {
  const end = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > end) throw new Error('gave up waiting');
    sleep(0.2);
  }
}

let worker: Worker | null = null;
afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

/** The other thread; `send` posts a command, `answer` resolves with its reply. */
function otherThread(buffer: SharedArrayBuffer, model: GilModel, wakeUs: number, intervalMs = INTERVAL_MS) {
  const tsx = import.meta.resolve('tsx/esm/api');
  const file = new URL('./gil-test-thread.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(file)}); });`;
  worker = new Worker(code, { eval: true, workerData: { buffer, self: 2, model, intervalMs, wakeUs } });
  const w = worker;
  return {
    send: (c: Command) => w.postMessage(c),
    answer: () => new Promise<Answer>((resolve) => w.once('message', resolve)),
  };
}

const gilOf = (buffer: SharedArrayBuffer, model: GilModel, wakeUs = 7, intervalMs = INTERVAL_MS) => {
  const events = { requests: 0, onDropRequest: () => events.requests++ };
  return { gil: new Gil(buffer, 0, 1, model, () => intervalMs, events, wakeUs), events };
};

describe('Gil, new model', () => {
  it('a waiter sets the drop request after a switch interval; the holder drops and waits until the waiter holds it (forced switch)', async () => {
    const buffer = newGilBuffer();
    const { gil } = gilOf(buffer, 'new');
    gil.take();
    const other = otherThread(buffer, 'new', 7);
    const took = other.answer();
    other.send({ op: 'take' });
    until(() => gil.dropRequested());
    gil.yieldForDropRequest();
    expect(gil.held).toBe(false);
    expect(gil.forcedSwitches).toBe(1);
    const answer = await took;
    expect(answer).toMatchObject({ op: 'take', held: true, handoffs: 1 });
    expect(gil.dropRequested()).toBe(false);
    const dropped = other.answer();
    other.send({ op: 'drop' });
    await dropped;
    gil.take();
    expect(gil.handoffs).toBe(1);
  });

  it('a thread back before the signalled waiter could have woken takes the GIL again', async () => {
    const buffer = newGilBuffer();
    const { gil } = gilOf(buffer, 'new', 1e9, LONG_INTERVAL_MS);
    gil.take();
    const other = otherThread(buffer, 'new', 1e9, LONG_INTERVAL_MS);
    const took = other.answer();
    other.send({ op: 'take' });
    until(() => gil.hasWaiters());
    gil.drop(); // a blocking call: the waiter is signalled...
    gil.take(); // ...and the thread is back first
    expect(gil.letThrough).toBe(0);
    expect(gil.held).toBe(true);
    gil.drop();
    expect(await took).toMatchObject({ held: true, handoffs: 1 });
  });

  it('a thread back after CPython’s signalled waiter would be running lets it take the GIL, and waits', async () => {
    const buffer = newGilBuffer();
    const { gil } = gilOf(buffer, 'new', 0, LONG_INTERVAL_MS);
    gil.take();
    const other = otherThread(buffer, 'new', 0, LONG_INTERVAL_MS);
    const done = other.answer();
    other.send({ op: 'take-hold-drop', ms: 5 });
    until(() => gil.hasWaiters());
    gil.drop(); // a blocking call: the waiter is signalled
    gil.take(); // back after the waiter's wake-up latency (0 here): it lets the waiter in, then waits for it
    expect(gil.letThrough).toBe(1);
    expect(gil.held).toBe(true);
    expect(gil.handoffs).toBe(1);
    expect(await done).toMatchObject({ op: 'take-hold-drop', held: false, handoffs: 1 });
  });
});

describe('Gil, old model', () => {
  it('the holder releases and re-takes at every check interval; a waiting thread is woken in vain (a battle)', async () => {
    const buffer = newGilBuffer();
    const { gil, events } = gilOf(buffer, 'old');
    gil.take();
    const other = otherThread(buffer, 'old', 7);
    const took = other.answer();
    other.send({ op: 'take' });
    until(() => gil.hasWaiters());
    expect(gil.checkInterval()).toBe(true);
    expect(gil.held).toBe(true);
    expect(gil.battles).toBe(1);
    expect(gil.dropRequested()).toBe(false);
    gil.drop();
    expect(await took).toMatchObject({ held: true, handoffs: 1 });
    expect(events.requests).toBe(0);
  });
});
