// Entry of an OS process that plays one Python process. Its own JavaScript thread only relays
// messages (it never waits on a GIL, which would stall the relay); every Python thread,
// MainThread included, is a worker thread.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { TraceBatch } from '../common/trace';
import { epochMs } from './clock';
import { calibrate } from './cpu';
import { newGilBuffer } from './gil';
import { deliver } from './inbox';
import type { FromProcess, FromThread, ThreadData, ThreadSpec, ToProcess, ToThread } from './messages';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

// Electron's utilityProcess gives process.parentPort; child_process.fork gives process.send.
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const send = (message: FromProcess) => (parentPort ? parentPort.postMessage(message) : process.send?.(message));
const onMessage = (listener: (message: ToProcess) => void) =>
  parentPort ? parentPort.on('message', (e) => listener(e.data as ToProcess)) : process.on('message', (m) => listener(m as ToProcess));

/** How often buffered trace batches go to the supervisor, and how often we say we are alive. */
const RELAY_MS = 150;
const HEARTBEAT_MS = 1000;

interface Thread {
  spec: ThreadSpec;
  worker: Worker;
  port: MessagePort;
  signal: SharedArrayBuffer;
  ended: boolean;
}

const threads = new Map<number, Thread>();
let pendingBatches: TraceBatch[] = [];
let hangAfterMs: number | undefined;

function flushTrace(): void {
  if (pendingBatches.length === 0) return;
  send({ type: 'trace', batches: pendingBatches });
  pendingBatches = [];
}

function fromThread(thread: Thread, message: FromThread): void {
  if (message.type === 'trace') {
    pendingBatches.push(...message.batches);
    return;
  }
  if (message.type === 'thread-end') {
    thread.ended = true;
    flushTrace(); // the trace of a thread reaches the supervisor before its end
  }
  send(message);
}

function startThreads(message: Extract<ToProcess, { type: 'init' }>): void {
  const gils = Array.from({ length: message.gilCount }, () => newGilBuffer());
  let ready = 0;
  for (const spec of message.threads) {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const data: ThreadData & { port: MessagePort } = {
      spec,
      settings: message.settings,
      gil: spec.gil === null ? null : gils[spec.gil],
      signal,
      port: port2,
    };
    const worker = new Worker(new URL('./python-thread.js', import.meta.url), { workerData: data, transferList: [port2] });
    const thread: Thread = { spec, worker, port: port1, signal, ended: false };
    threads.set(spec.tid, thread);
    worker.on('message', (m: FromThread) => {
      if (m.type === 'thread-ready') {
        if (++ready === message.threads.length) send({ type: 'ready', osPid: process.pid });
        return;
      }
      fromThread(thread, m);
    });
    worker.on('error', (error) => {
      flushTrace();
      send({ type: 'thread-error', tid: spec.tid, message: error.message });
    });
    worker.on('exit', () => {
      threads.delete(spec.tid);
    });
  }
}

function toThreads(message: ToThread): void {
  for (const thread of threads.values()) {
    if (message.tid === -1 || message.tid === thread.spec.tid) deliver(thread.port, thread.signal, message);
  }
}

onMessage((message) => {
  switch (message.type) {
    case 'calibrate':
      send({ type: 'calibrated', itersPerMs: calibrate() });
      return;
    case 'init':
      hangAfterMs = message.hangAfterMs;
      startThreads(message);
      return;
    case 'go':
      toThreads(message);
      if (hangAfterMs !== undefined) {
        // Test-only fault: block the relay for good, so the process never answers again.
        const hang = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
        setTimeout(hang, Math.max(0, message.t0EpochMs + hangAfterMs - epochMs()));
      }
      return;
    case 'shutdown':
      toThreads(message);
      return;
    default:
      toThreads(message);
  }
});

setInterval(flushTrace, RELAY_MS).unref();
setInterval(() => send({ type: 'heartbeat' }), HEARTBEAT_MS).unref();
