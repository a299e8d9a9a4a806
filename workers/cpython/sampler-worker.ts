// Entry of the sampler's worker thread (built as out/main/cpython-sampler.js). About every
// millisecond it reads /proc/PID/task/TID/schedstat (its first field: ns on a CPU) of every
// thread of the root process and of all its descendants, and posts the readings in batches.
// Off the main thread, so the event loop's work never delays a tick.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import {
  parseLeadingInt,
  parsePidList,
  parseStat,
  type SamplerData,
  type SamplerStats,
  type ToMain,
  Control,
} from './sampler-protocol';

const data = workerData as SamplerData;
const control = new Int32Array(data.control);
const post = (message: ToMain, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
const nowNs = () => Number(process.hrtime.bigint());
const buf = Buffer.alloc(4096);

interface Task {
  tid: number;
  schedstat: number;
  stat: number;
  children: number;
}
interface Proc {
  pid: number;
  tasks: Map<number, Task>;
  /** num_threads, from its main thread's stat at the last tick. */
  threads: number;
}

/** Growable columns of readings: pid, tid, time, cumulative CPU ns. */
class Rows {
  length = 0;
  pid = new Int32Array(1024);
  tid = new Int32Array(1024);
  tNs = new Float64Array(1024);
  cpuNs = new Float64Array(1024);
  running = new Uint8Array(1024);

  push(pid: number, tid: number, tNs: number, cpuNs: number, running: boolean): void {
    if (this.length === this.pid.length) this.grow();
    const i = this.length++;
    this.pid[i] = pid;
    this.tid[i] = tid;
    this.tNs[i] = tNs;
    this.cpuNs[i] = cpuNs;
    this.running[i] = running ? 1 : 0;
  }

  private grow(): void {
    const n = this.pid.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.pid = grown(this.pid, (k) => new Int32Array(k));
    this.tid = grown(this.tid, (k) => new Int32Array(k));
    this.tNs = grown(this.tNs, (k) => new Float64Array(k));
    this.cpuNs = grown(this.cpuNs, (k) => new Float64Array(k));
    this.running = grown(this.running, (k) => new Uint8Array(k));
  }
}

const procs = new Map<number, Proc>();
const seenPids = new Set<number>();
let newPids: number[] = [];
let gonePids: number[] = [];
let threadsSeen = 0;

function tryOpen(path: string): number {
  try {
    return openSync(path, 'r');
  } catch {
    return -1;
  }
}

function readInto(fd: number): number {
  try {
    return readSync(fd, buf, 0, buf.length, 0);
  } catch {
    return -1;
  }
}

function closeTask(task: Task): void {
  for (const fd of [task.schedstat, task.stat, task.children]) {
    if (fd >= 0) closeSync(fd);
  }
}

function addProcess(pid: number): void {
  if (procs.has(pid)) return;
  procs.set(pid, { pid, tasks: new Map(), threads: 0 });
  if (!seenPids.has(pid)) {
    seenPids.add(pid);
    newPids.push(pid);
  }
  discoverTasks(procs.get(pid)!);
}

function dropProcess(proc: Proc): void {
  for (const task of proc.tasks.values()) closeTask(task);
  procs.delete(proc.pid);
  gonePids.push(proc.pid);
}

function discoverTasks(proc: Proc): void {
  let names: string[];
  try {
    names = readdirSync(`/proc/${proc.pid}/task`);
  } catch {
    dropProcess(proc);
    return;
  }
  for (const name of names) {
    const tid = Number(name);
    if (proc.tasks.has(tid)) continue;
    const schedstat = tryOpen(`/proc/${proc.pid}/task/${tid}/schedstat`);
    if (schedstat < 0) continue;
    proc.tasks.set(tid, {
      tid,
      schedstat,
      stat: tryOpen(`/proc/${proc.pid}/task/${tid}/stat`),
      children: tryOpen(`/proc/${proc.pid}/task/${tid}/children`),
    });
    threadsSeen++;
  }
}

/** Every this many discoveries the thread lists are read even if the thread counts did not change. */
const FULL_DISCOVERY_EVERY = 32;
let discoveries = 0;

/** New threads of known processes (listed when their count changed), and new children of any thread. */
function discover(): void {
  const full = ++discoveries % FULL_DISCOVERY_EVERY === 0;
  for (const proc of [...procs.values()]) {
    if (full || proc.threads !== proc.tasks.size) discoverTasks(proc);
    if (!procs.has(proc.pid)) continue;
    for (const task of proc.tasks.values()) {
      if (task.children < 0) continue;
      const n = readInto(task.children);
      if (n > 0) for (const child of parsePidList(buf, n)) addProcess(child);
    }
  }
}

function readSelf(fd: number): number {
  const n = readInto(fd);
  return n > 0 ? parseLeadingInt(buf, n) : 0;
}

function run(): void {
  const periodNs = data.periodUs * 1000;
  const batchNs = data.batchMs * 1e6;
  const self = openSync('/proc/thread-self/schedstat', 'r');
  const startNs = nowNs();
  const selfStartNs = readSelf(self);
  const stats: SamplerStats = {
    periodUs: data.periodUs,
    ticks: 0,
    missedTicks: 0,
    lateTicks: 0,
    maxLateUs: 0,
    p99LateUs: 0,
    wallNs: 0,
    selfCpuNs: 0,
    selfCpuShare: 0,
    readings: 0,
    threadsSeen: 0,
    processesSeen: 0,
  };
  // Lateness histogram in 10 µs bins (the last bin: 10 ms and more).
  const lateBins = new Uint32Array(1001);
  let rows = new Rows();
  let lastPostNs = startNs;
  let deadline = startNs;

  const flush = (t: number) => {
    const r = rows;
    rows = new Rows();
    const pid = r.pid.slice(0, r.length);
    const tid = r.tid.slice(0, r.length);
    const tNs = r.tNs.slice(0, r.length);
    const cpuNs = r.cpuNs.slice(0, r.length);
    const running = r.running.slice(0, r.length);
    post(
      {
        type: 'samples',
        batch: { length: r.length, pid, tid, tNs, cpuNs, running, horizonNs: t, newPids, gonePids },
        ticks: stats.ticks,
        missedTicks: stats.missedTicks,
      },
      [pid.buffer, tid.buffer, tNs.buffer, cpuNs.buffer, running.buffer],
    );
    newPids = [];
    gonePids = [];
    lastPostNs = t;
  };

  addProcess(Atomics.load(control, 1));
  for (;;) {
    if (Atomics.load(control, 0) === Control.stop) break;
    const t = nowNs();
    const lateNs = Math.max(0, t - deadline);
    lateBins[Math.min(1000, Math.floor(lateNs / 10_000))]++;
    if (lateNs > stats.maxLateUs * 1000) stats.maxLateUs = lateNs / 1000;
    if (lateNs > periodNs / 2) stats.lateTicks++;
    stats.ticks++;
    for (const proc of procs.values()) {
      for (const task of proc.tasks.values()) {
        const n = readInto(task.schedstat);
        if (n > 0) {
          const cpuNs = parseLeadingInt(buf, n);
          const m = task.stat >= 0 ? readInto(task.stat) : -1;
          const stat = m > 0 ? parseStat(buf, m) : { running: false, threads: 0 };
          if (task.tid === proc.pid) proc.threads = stat.threads;
          rows.push(proc.pid, task.tid, t, cpuNs, stat.running);
          stats.readings++;
        } else {
          closeTask(task);
          proc.tasks.delete(task.tid);
        }
      }
    }
    if (stats.ticks % data.discoverEveryTicks === 0) discover();
    if (t - lastPostNs >= batchNs) flush(t);
    deadline += periodNs;
    const after = nowNs();
    if (after >= deadline + periodNs) {
      // Whole ticks that passed while this one ran (or while the thread was not scheduled).
      const skipped = Math.floor((after - deadline) / periodNs);
      stats.missedTicks += skipped;
      deadline += skipped * periodNs;
    }
    const waitMs = (deadline - nowNs()) / 1e6;
    if (waitMs > 0) Atomics.wait(control, 0, Control.run, waitMs);
  }
  const end = nowNs();
  flush(end);
  for (const proc of [...procs.values()]) dropProcess(proc);
  stats.wallNs = end - startNs;
  stats.selfCpuNs = readSelf(self) - selfStartNs;
  closeSync(self);
  stats.selfCpuShare = stats.wallNs > 0 ? stats.selfCpuNs / stats.wallNs : 0;
  let seen = 0;
  const p99 = Math.ceil(stats.ticks * 0.99);
  for (let i = 0; i < lateBins.length; i++) {
    seen += lateBins[i];
    if (seen >= p99) {
      stats.p99LateUs = i * 10;
      break;
    }
  }
  stats.threadsSeen = threadsSeen;
  stats.processesSeen = seenPids.size;
  post({ type: 'stats', stats });
}

post({ type: 'ready' });
while (Atomics.load(control, 0) === Control.idle) Atomics.wait(control, 0, Control.idle);
try {
  if (Atomics.load(control, 0) === Control.run) run();
  else post({ type: 'stats', stats: null });
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
}
