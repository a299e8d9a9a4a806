// Runs one run: starts its warm processes (untimed), starts the clock and the program's
// MainThread, hands a warm process to every Process the program starts (a fork: it begins from a
// copy of its parent's objects), carries channels between processes, relays trace batches and
// lanes, notices crashes, hangs and the wall-time cap, cancels, and sums up. Messages that arrive
// after the outcome is decided still count: a cancelled run keeps the trace it had.
import type { Module } from '../common/python/ast-nodes';
import type { Strategy } from '../common/program';
import {
  summaryHead,
  type ProcessInfo,
  type RunInfo,
  type RunOutcome,
  type RunStatus,
  type RunSummary,
  type ThreadInfo,
  type TraceBatch,
} from '../common/trace';
import { epochMs } from './clock';
import { Channels, type Reply } from './channels';
import { deadlockReason, DeadlockWatch } from './deadlock';
import type { Snapshot } from './interpreter/heap-codec';
import type { ProcessHandle, ProcessLauncher } from './launcher';
import type { FromProcess, ParsedSources, Request, RunSettings, ThreadFailure, ThreadStats, ToProcess } from './messages';
import { prelude } from './prelude';
import { createSharedFile, removeSharedFile } from './shared-memory';
import { parseForRun } from './thread-parts';
import { runJitPlan } from './v8-flags';
import { THREADS_PER_PROCESS } from './words';

/** One run as the engine decided it: carried unchanged from the request to the record. */
export interface RunConfig {
  runId: string;
  strategy: Strategy;
  workers: number;
  programName: string;
  settings: RunSettings;
}

export interface SupervisorOptions {
  config: RunConfig;
  /** The variant's source, parsed (the engine has parsed it already). */
  program?: Module;
  launcher: ProcessLauncher;
  processEntry: string;
  /** The run's first tid: each process numbers its threads from its own block after it. */
  firstTid: number;
  /** Worker threads to keep warm in the main process, and warm processes for multiprocessing. */
  warmThreads: number;
  warmProcesses: number;
  /** A process that sends nothing for this long has hung. */
  hangTimeoutMs: number;
  startTimeoutMs: number;
  /** A run still going after this long is stopped and fails, naming the cap. */
  wallCapMs: number;
  /** A program that starts more processes than this fails, naming the cap. */
  maxProcesses: number;
  /** For each line of the variant the run executes, the program's own line (see common/python/variants.ts). */
  lineMap: number[];
  /** What the strategy does with the program, in a line. */
  note: string;
  /** Test-only faults: the process of this name stops answering `afterMs` after it starts. */
  faults?: { hangProcess: string; afterMs: number };
}

export interface RunCallbacks {
  onStart(info: RunInfo): void;
  onThreads(processes: ProcessInfo[], threads: ThreadInfo[]): void;
  onTrace(batches: TraceBatch[]): void;
}

/** Python start-up happens before the clock starts; give every thread time to reach the barrier. */
const GO_DELAY_MS = 30;

interface Proc {
  pid: number;
  name: string;
  handle: ProcessHandle;
  osPid: number;
  tidBase: number;
  ready: boolean;
  /** warm: launched and waiting for a program; main: the program's own process; child: a started Process. */
  role: 'warm' | 'main' | 'child';
  parent: { pid: number; handle: number } | null;
  exited: boolean;
  /** Its MainThread finished: its exit is expected. */
  finished: boolean;
  lastHeard: number;
}

export class RunSupervisor {
  private readonly procs = new Map<number, Proc>();
  private readonly lanes = new Map<number, ThreadInfo>();
  private readonly stats = new Map<number, ThreadStats>();
  private readonly failures: ThreadFailure[] = [];
  private readonly channels = new Channels();
  private readonly deadlock = new DeadlockWatch();
  /** Processes the program started, by (parent pid, handle). */
  private readonly children = new Map<string, number>();
  private readonly pendingStarts: { parent: number; handle: number; name: string; fork: Snapshot }[] = [];
  private nextPid = 1;
  private t0 = 0;
  private spawnMs = 0;
  private endedAt = 0;
  private outcome: RunOutcome | null = null;
  private settle: () => void = () => undefined;
  private readonly settled: Promise<void>;
  private onAllReady: () => void = () => undefined;
  private sharedMemory = '';
  /** Parsed once here, for every thread of every process: see parseForRun. */
  private parsed: ParsedSources | null = null;

  constructor(
    private readonly options: SupervisorOptions,
    private readonly callbacks: RunCallbacks,
  ) {
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  /** The run's time zero (epoch ms), once started. */
  get startEpochMs(): number {
    return this.t0;
  }

  /** Runs to the end and resolves with the summary; never rejects. Every process it started is gone by then. */
  async run(): Promise<RunSummary> {
    const spawnStart = epochMs();
    const watchdog = setInterval(() => this.watch(), 250);
    try {
      this.sharedMemory = createSharedFile(this.options.config.runId);
      const main = this.launch('main', this.mainName(), this.options.warmThreads);
      for (let i = 0; i < this.options.warmProcesses; i++) this.launch('warm', 'warm process', 1);
      const allReady = new Promise<void>((resolve) => (this.onAllReady = resolve));
      const startTimer = setTimeout(
        () => this.fail(`the run's processes did not start within ${this.options.startTimeoutMs / 1000} s`),
        this.options.startTimeoutMs,
      );
      await Promise.race([allReady, this.settled]);
      clearTimeout(startTimer);
      if (!this.outcome) this.go(main, spawnStart);
      await this.settled;
    } catch (error) {
      this.fail(`the run could not start: ${(error as Error).message}`);
    } finally {
      clearInterval(watchdog);
      await this.stopAll();
      if (this.sharedMemory) removeSharedFile(this.sharedMemory);
    }
    return this.summary();
  }

  cancel(reason = 'cancelled by the user'): void {
    this.end('cancelled', reason);
  }

  /** The run's processes with their OS pids (for tests and diagnostics). */
  processInfos(): ProcessInfo[] {
    return [...this.procs.values()].filter((p) => p.role !== 'warm' || !p.exited).map((p) => this.info(p));
  }

  private mainName(): string {
    const s = this.options.config.strategy;
    return s === 'free-threading' ? 'python3.13t (free-threading)' : `python (${s})`;
  }

  private info(p: Proc): ProcessInfo {
    return { pid: p.pid, name: p.name, osPid: p.osPid || p.handle.pid || 0 };
  }

  private launch(role: Proc['role'], name: string, warmThreads: number): Proc {
    const pid = this.nextPid++;
    const handle = this.options.launcher.launch(this.options.processEntry, name);
    const p: Proc = {
      pid,
      name,
      handle,
      osPid: handle.pid ?? 0,
      tidBase: this.options.firstTid + (pid - 1) * THREADS_PER_PROCESS,
      ready: false,
      role,
      parent: null,
      exited: false,
      finished: false,
      lastHeard: epochMs(),
    };
    this.procs.set(pid, p);
    handle.onMessage((message) => this.onMessage(p, message as FromProcess));
    handle.onExit((code, signal) => this.onExit(p, code, signal));
    const s = this.options.config.settings;
    this.parsed ??= parseForRun(s.source, s.file, prelude, this.options.program);
    const jit = runJitPlan(s.mode, this.options.warmProcesses > 0);
    this.send(p, { type: 'init', pid, settings: { ...s, sharedMemory: this.sharedMemory }, parsed: this.parsed, tidBase: p.tidBase, warmThreads, jit });
    return p;
  }

  private go(main: Proc, spawnStart: number): void {
    this.spawnMs = epochMs() - spawnStart;
    this.t0 = epochMs() + GO_DELAY_MS;
    const lane = this.startMain(main, null);
    const c = this.options.config;
    this.callbacks.onStart({
      runId: c.runId,
      strategy: c.strategy,
      workers: c.workers,
      switchIntervalMs: c.settings.switchIntervalMs,
      gil: c.settings.gilModel,
      timeScale: c.settings.timeScale,
      program: c.programName,
      processes: [this.info(main)],
      threads: [lane],
      t0EpochMs: this.t0,
      source: c.settings.source,
      lineMap: this.options.lineMap,
      note: this.options.note,
    });
  }

  /** The id of the GIL a thread holds: one per process (per interpreter with subinterpreters); null without one. */
  private gilOf(p: Proc, index: number): number | null {
    // -1: an asyncio task's lane; it computes on its thread, whose lane holds the GIL.
    if (this.options.config.settings.mode === 'nogil' || index < 0) return null;
    return index === 0 ? p.pid : p.pid * 1000 + index;
  }

  private onMessage(p: Proc, message: FromProcess): void {
    p.lastHeard = epochMs();
    if (message.type !== 'trace' && message.type !== 'heartbeat' && message.type !== 'stuck') this.deadlock.activity(p.lastHeard);
    switch (message.type) {
      case 'ready':
        p.ready = true;
        p.osPid = message.osPid;
        if ([...this.procs.values()].every((x) => x.ready)) this.onAllReady();
        if (p.role === 'warm') this.startPending();
        return;
      case 'trace':
        this.callbacks.onTrace(message.batches);
        return;
      case 'stuck':
        this.deadlock.report(p.pid, message.threads, epochMs());
        return;
      case 'thread-started': {
        const lane: ThreadInfo = { tid: message.tid, pid: p.pid, name: message.name, gil: this.gilOf(p, message.gil) };
        this.lanes.set(lane.tid, lane);
        this.callbacks.onThreads([], [lane]);
        return;
      }
      case 'rename-thread': {
        const lane = this.lanes.get(message.tid);
        if (!lane) return;
        lane.name = message.name;
        this.callbacks.onThreads([], [lane]);
        return;
      }
      case 'start-process':
        if (this.procs.size - this.idleWarm() >= this.options.maxProcesses) {
          this.fail(`the program started more than ${this.options.maxProcesses - 1} processes, the most one run may start`);
          return;
        }
        this.pendingStarts.push({ parent: p.pid, handle: message.handle, name: message.name, fork: message.fork });
        this.startPending();
        return;
      case 'main-exit':
        p.finished = true;
        if (p.role === 'main') {
          this.endedAt = message.atEpochMs;
          const first = this.failures[0];
          // The trace's lines are the variant's; the reason names the line of the program the user wrote.
          const line = first ? (this.options.lineMap[first.line - 1] ?? first.line) : 0;
          if (first) this.end('failed', `${first.type}${first.message ? `: ${first.message}` : ''} (in ${first.thread}${line ? `, line ${line}` : ''})`);
          else this.end('done');
        } else {
          this.exitChild(p, message.exitcode);
          this.send(p, { type: 'shutdown' });
        }
        return;
      case 'request':
        this.request(p, message.tid, message.seq, message.request);
        return;
      case 'thread-failed':
        this.failures.push(message.failure);
        return;
      case 'thread-end':
        this.stats.set(message.stats.tid, message.stats);
        return;
      case 'thread-error':
        // A thread that had not become a Python thread yet has no lane: its process is named.
        this.fail(`${this.lanes.has(message.tid) ? this.describeLane(message.tid) : this.describeProcess(p)} crashed: ${message.message}`);
        return;
      default:
        return;
    }
  }

  /** Gives each Process the program started a warm process, as soon as one is ready. */
  private startPending(): void {
    while (this.pendingStarts.length > 0 && !this.outcome) {
      const child = [...this.procs.values()].find((x) => x.role === 'warm' && x.ready && !x.exited);
      if (!child) {
        if (![...this.procs.values()].some((x) => x.role === 'warm' && !x.exited)) this.launch('warm', 'warm process', 1);
        return;
      }
      const start = this.pendingStarts.shift()!;
      child.role = 'child';
      child.name = start.name;
      child.parent = { pid: start.parent, handle: start.handle };
      this.children.set(`${start.parent}:${start.handle}`, child.pid);
      const parent = this.procs.get(start.parent);
      const ppid = parent ? parent.osPid || parent.handle.pid || null : null;
      this.callbacks.onThreads([this.info(child)], [this.startMain(child, start.fork, ppid)]);
    }
  }

  /** Starts the program's MainThread in `p` (the main process, or a started Process with its fork). */
  private startMain(p: Proc, fork: Snapshot | null, ppid: number | null = null): ThreadInfo {
    const lane: ThreadInfo = { tid: p.tidBase, pid: p.pid, name: 'MainThread', gil: this.gilOf(p, 0) };
    this.lanes.set(lane.tid, lane);
    this.send(p, { type: 'start-main', tid: lane.tid, name: 'MainThread', t0EpochMs: this.t0, fork, ppid });
    this.injectFaults(p);
    return lane;
  }

  private idleWarm(): number {
    return [...this.procs.values()].filter((x) => x.role === 'warm' && !x.exited).length;
  }

  private injectFaults(p: Proc): void {
    const f = this.options.faults;
    if (f && f.hangProcess === p.name) this.send(p, { type: 'fault-hang', afterMs: f.afterMs });
  }

  private exitChild(p: Proc, exitcode: number): void {
    if (!p.parent) return;
    const parent = this.procs.get(p.parent.pid);
    if (parent) this.send(parent, { type: 'process-exited', handle: p.parent.handle, exitcode });
    p.parent = null;
  }

  private request(p: Proc, tid: number, seq: number, r: Request): void {
    // seq 0: a request sent without waiting for its answer.
    const reply: Reply = (value) => (seq === 0 ? undefined : this.send(p, { type: 'reply', tid, seq, value }));
    switch (r.op) {
      case 'thread-failed':
        this.failures.push(r.failure);
        return reply(null);
      case 'channel-put':
        this.channels.put(r.channel, r.item);
        return reply(null);
      case 'channel-get':
        return this.channels.get(r.channel, r.timeoutMs, reply);
      case 'channel-size':
        return reply(this.channels.size(r.channel));
      case 'process-pid':
        return reply(this.childOf(p, r.handle)?.osPid ?? null);
      case 'process-terminate': {
        const child = this.childOf(p, r.handle);
        if (child && !child.exited) {
          child.finished = true;
          this.exitChild(child, -r.signal);
          child.handle.kill();
        }
        return reply(null);
      }
    }
  }

  /** The process `p`'s program started as Process `handle`. */
  private childOf(p: Proc, handle: number): Proc | undefined {
    return this.procs.get(this.children.get(`${p.pid}:${handle}`) ?? -1);
  }

  private onExit(p: Proc, code: number | null, signal: string | null): void {
    p.exited = true;
    this.deadlock.activity(epochMs());
    if (this.outcome || p.finished) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    this.fail(`${this.describeProcess(p)} ${how}`);
  }

  private watch(): void {
    const now = epochMs();
    if (this.t0 > 0 && now - this.t0 > this.options.wallCapMs) {
      this.fail(`the run was still going after ${this.options.wallCapMs / 1000} s, the cap on one run's wall time`);
      return;
    }
    const hung = [...this.procs.values()].find((p) => !p.exited && p.role !== 'warm' && now - p.lastHeard > this.options.hangTimeoutMs);
    if (hung) return this.fail(`${this.describeProcess(hung)} stopped answering for ${Math.round((now - hung.lastHeard) / 1000)} s`);
    const live = [...this.procs.values()].filter((p) => !p.exited && !p.finished && p.role !== 'warm');
    const stuck = this.t0 > 0 && this.pendingStarts.length === 0 ? this.deadlock.deadlocked(live.map((p) => p.pid), now) : null;
    if (stuck) this.fail(deadlockReason(stuck, (tid) => this.laneNames(tid), this.options.lineMap));
  }

  private send(p: Proc, message: ToProcess): void {
    if (!p.exited) p.handle.send(message);
  }

  private fail(reason: string): void {
    this.end('failed', reason);
  }

  private end(status: RunStatus, reason?: string): void {
    if (this.outcome) return;
    this.outcome = { status, reason };
    if (!this.endedAt) this.endedAt = epochMs();
    this.settle();
  }

  /** Ends every process; what they send before they are gone (trace, totals) still counts. */
  private async stopAll(): Promise<void> {
    const alive = [...this.procs.values()].filter((p) => !p.exited);
    const exits = alive.map((p) => new Promise<void>((resolve) => p.handle.onExit(() => resolve())));
    for (const p of alive) p.handle.kill();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(exits), new Promise((r) => (timer = setTimeout(r, 2000)))]);
    clearTimeout(timer);
    this.channels.close();
  }

  private describeProcess(p: Proc): string {
    return p.osPid ? `${p.name} (pid ${p.osPid})` : p.name;
  }

  private laneNames(tid: number): { thread: string; process: string } {
    const lane = this.lanes.get(tid);
    const p = lane ? this.procs.get(lane.pid) : undefined;
    return { thread: lane?.name ?? `thread ${tid}`, process: p ? this.describeProcess(p) : 'a process' };
  }

  private describeLane(tid: number): string {
    const { thread, process } = this.laneNames(tid);
    return this.lanes.has(tid) ? `${thread} of ${process}` : thread;
  }

  private summary(): RunSummary {
    const outcome = this.outcome ?? { status: 'failed' as const, reason: 'the run ended without an outcome' };
    const ms = (us: number | null | undefined) => (us === null || us === undefined ? null : us / 1000);
    const threads = [...this.lanes.values()].map((lane) => {
      const s = this.stats.get(lane.tid);
      return {
        tid: lane.tid,
        name: lane.name,
        process: this.procs.get(lane.pid)?.name ?? '',
        runningMs: ms(s?.runningUs),
        onCpuMs: ms(s?.onCpuUs),
        waitMs: ms(s?.waitUs),
        ioMs: ms(s?.ioUs),
        blockedMs: ms(s?.blockedUs),
        startingMs: ms(s?.startingUs),
        ioCount: s ? s.ioCount : null,
        endMs: ms(s?.endUs),
      };
    });
    const all = [...this.stats.values()];
    return {
      ...summaryHead(this.options.config, outcome),
      wallMs: this.t0 > 0 ? Math.max(0, this.endedAt - this.t0) : 0,
      speedup: null,
      handoffs: all.reduce((n, s) => n + s.handoffs, 0),
      forcedSwitches: all.reduce((n, s) => n + s.forcedSwitches, 0),
      truncated: all.some((s) => s.truncated),
      spawnMs: this.spawnMs,
      threads,
    };
  }
}
