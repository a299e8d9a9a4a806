// Entry of an OS process that plays one Python process. Its own JavaScript thread only relays
// (it never waits on a GIL, which would stall the relay): it keeps warm worker threads ready to
// become Python threads, hands one out for each thread the program starts, relays trace batches
// and requests to the supervisor and answers back, and holds the process's shared memory: its
// GILs, its heap log and its words (locks, child-process handles, the random generator).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { TraceBatch } from '../common/trace';
import { epochMs } from './clock';
import { POLL_MS, StuckWatch, type StuckThread } from './deadlock';
import { calibrateCosts } from './calibrate/calibration';
import { calibrate } from './cpu';
import { newGilBuffer } from './gil';
import { newHeapLogBuffer } from './heap-log';
import { deliver } from './inbox';
import type { FromProcess, FromThread, ParsedSources, RunSettings, ThreadData, ToProcess, ToThread } from './messages';
import { GILS_PER_PROCESS, HANDLE_BASE, newWords, NEXT_GIL, NEXT_TID, SWITCH_INTERVAL_US } from './words';
import { ENGINE_V8_FLAGS, useV8Flags } from './v8-flags';

// Before any worker thread exists: each one is an isolate that takes the flags at its start.
useV8Flags(ENGINE_V8_FLAGS);

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
/** Threads a Python thread's worker may need on its stack: deep Python recursion nests many JS frames. */
const STACK_MB = 16;

interface WorkerThread {
  worker: Worker;
  port: MessagePort;
  signal: SharedArrayBuffer;
  ready: boolean;
  tid: number | null;
}

let settings: RunSettings | null = null;
let parsed: ParsedSources = { modules: {}, before: [] };
let pid = 0;
let tidBase = 0;
let gils: SharedArrayBuffer;
let heapLog: SharedArrayBuffer;
let words: SharedArrayBuffer;
const warm: WorkerThread[] = [];
const byTid = new Map<number, WorkerThread>();
let pendingBatches: TraceBatch[] = [];
let readySent = false;
/** The run's time zero, once the process's MainThread has started (0 before). */
let t0 = 0;
/** The OS pid of the process that started this one (os.getppid()), once it is a Process's; null for the program's own. */
let ppid: number | null = null;
let warmTarget = 0;

function flushTrace(): void {
  if (pendingBatches.length === 0) return;
  send({ type: 'trace', batches: pendingBatches });
  pendingBatches = [];
}

function spawnWorker(warmUp: boolean): WorkerThread {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const data: ThreadData & { port: MessagePort } = { pid, tidBase, settings: settings!, parsed, gils, heapLog, words, signal, warmUp, port: port2 };
  const worker = new Worker(new URL('./python-thread.js', import.meta.url), {
    workerData: data,
    transferList: [port2],
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  const w: WorkerThread = { worker, port: port1, signal, ready: false, tid: null };
  worker.on('message', (m: FromThread) => fromThread(w, m));
  worker.on('error', (error: unknown) => {
    flushTrace();
    const message = error instanceof Error ? error.message : String(error);
    send({ type: 'thread-error', tid: w.tid ?? -1, message: w.tid === null ? `a warm thread failed to start: ${message}` : message });
  });
  worker.on('exit', () => {
    if (w.tid !== null) byTid.delete(w.tid);
    for (const list of [warm, prepared]) {
      const i = list.indexOf(w);
      if (i >= 0) list.splice(i, 1);
    }
  });
  warm.push(w);
  return w;
}

/**
 * A warm thread to become a Python thread now: the first prepared one (it has replayed the heap
 * log already), else a ready one, else one still starting or a new one (that costs its start-up time).
 */
function takeWarm(tid: number): WorkerThread {
  const w = prepared.shift() ?? warm.find((x) => x.ready) ?? warm[0] ?? spawnWorker(false);
  warm.splice(warm.indexOf(w), 1);
  w.tid = tid;
  byTid.set(tid, w);
  return w;
}

/**
 * The warm threads the next two starts will take replay the heap log while they wait, so the
 * second start finds its thread caught up too; after each start, the next one in line catches up
 * while the program runs (two only: all of them replaying the same entries at once took the cores
 * from the program). Only once the MainThread has been told to start (t0 is set), and not with
 * subinterpreters, where the threads the program starts have interpreters of their own, whose
 * modules must be a copy, not this one's replica.
 */
const PREPARED_AHEAD = 2;
const prepared: WorkerThread[] = [];
function prepareNext(): void {
  if (t0 === 0 || settings?.mode === 'subinterpreters') return;
  while (prepared.length < PREPARED_AHEAD) {
    const w = warm.find((x) => x.ready && !prepared.includes(x));
    if (!w) return;
    prepared.push(w);
    toThread(w, { type: 'prepare' });
  }
}

function toThread(w: WorkerThread, message: ToThread): void {
  deliver(w.port, w.signal, message);
}

function fromThread(w: WorkerThread, m: FromThread): void {
  switch (m.type) {
    case 'thread-ready':
      w.ready = true;
      prepareNext();
      if (!readySent && warm.filter((x) => x.ready).length >= warmTarget) {
        readySent = true;
        send({ type: 'ready', osPid: process.pid });
      }
      return;
    case 'trace':
      pendingBatches.push(...m.batches);
      return;
    case 'start-thread': {
      const t = takeWarm(m.tid);
      prepareNext();
      const ownLog = m.interpreter ? newHeapLogBuffer() : null;
      toThread(t, {
        type: 'become-thread',
        tid: m.tid,
        name: m.name,
        t0EpochMs: t0,
        entry: m.entry,
        sentinel: m.sentinel,
        gil: m.gil,
        interpreter: m.interpreter,
        ppid,
        heapLog: ownLog,
      });
      send({ type: 'thread-started', tid: m.tid, name: m.name, gil: m.gil, atEpochMs: epochMs() });
      return;
    }
    case 'thread-end':
      flushTrace(); // a thread's trace reaches the supervisor before its end
      send(m);
      return;
    default:
      flushTrace();
      send(m);
  }
}

/** This build of the engine: the bundle's own text names its chunks by their content hashes. */
function buildId(): string {
  try {
    return createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  } catch {
    return 'unknown';
  }
}

onMessage((message) => {
  switch (message.type) {
    case 'calibrate': {
      const itersPerMs = calibrate();
      const request = message.costs;
      if (!request) {
        send({ type: 'calibrated', itersPerMs, costs: null });
        return;
      }
      void calibrateCosts({ ...request, build: buildId() }, new Date(), (text) => send({ type: 'calibrating', text })).then(
        (costs) => send({ type: 'calibrated', itersPerMs, costs }),
      );
      return;
    }
    case 'init': {
      useV8Flags(message.jit.flags); // before its warm threads exist
      settings = message.settings;
      parsed = message.parsed;
      pid = message.pid;
      tidBase = message.tidBase;
      gils = newGilBuffer(GILS_PER_PROCESS);
      heapLog = newHeapLogBuffer();
      words = newWords();
      const w = new Int32Array(words);
      Atomics.store(w, SWITCH_INTERVAL_US, Math.round(settings.switchIntervalMs * 1000));
      Atomics.store(w, NEXT_TID, 1); // tidBase itself is the MainThread's
      Atomics.store(w, NEXT_GIL, 0);
      warmTarget = Math.max(1, message.warmThreads);
      // Threads made before the run warm up (warm-up.ts); one a run waits for never does.
      for (let i = 0; i < warmTarget; i++) spawnWorker(true);
      return;
    }
    case 'start-main': {
      t0 = message.t0EpochMs;
      ppid = message.ppid;
      const w = takeWarm(message.tid);
      prepareNext();
      toThread(w, { type: 'become-main', tid: message.tid, name: message.name, t0EpochMs: message.t0EpochMs, fork: message.fork, ppid });
      return;
    }
    case 'process-exited': {
      const w = new Int32Array(words);
      const at = HANDLE_BASE + 2 * message.handle;
      Atomics.store(w, at + 1, message.exitcode);
      Atomics.store(w, at, 1);
      Atomics.notify(w, at);
      return;
    }
    case 'reply': {
      const w = byTid.get(message.tid);
      if (w) toThread(w, message);
      return;
    }
    case 'fault-hang': {
      // Test-only fault: block the relay for good, so the process never answers again.
      const hang = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      setTimeout(hang, message.afterMs);
      return;
    }
    case 'shutdown':
      for (const w of [...warm, ...byTid.values()]) toThread(w, { type: 'shutdown' });
      flushTrace();
      setTimeout(() => process.exit(0), 50).unref();
      return;
  }
});

setInterval(flushTrace, RELAY_MS).unref();

// Tells the supervisor when all of this process's Python threads wait forever, and when that ends.
let stuckWatch: StuckWatch | null = null;
let stuckSent: StuckThread[] | null = null;
setInterval(() => {
  if (!words) return;
  stuckWatch ??= new StuckWatch(new Int32Array(words));
  const stuck = stuckWatch.look(byTid.keys());
  if ((stuck === null) === (stuckSent === null)) return;
  stuckSent = stuck;
  send({ type: 'stuck', threads: stuck });
}, POLL_MS).unref();
setInterval(() => send({ type: 'heartbeat' }), HEARTBEAT_MS).unref();
