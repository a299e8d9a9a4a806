// Runs one run: starts its processes and threads (untimed), starts the clock, hands tasks to the
// pool, relays trace batches, notices crashes and hangs, cancels, and sums up.
import type { Program, Strategy } from '../common/program';
import type { GilModel } from '../common/program';
import type { ProcessInfo, RunInfo, RunStatus, RunSummary, ThreadSummary, TraceBatch } from '../common/trace';
import { epochMs } from './clock';
import type { ProcessHandle, ProcessLauncher } from './launcher';
import type { FromProcess, RunSettings, ThreadStats, ToProcess } from './messages';
import type { RunPlan } from './plan';

export interface RunOptions {
  runId: string;
  program: Program;
  strategy: Strategy;
  workers: number;
  switchIntervalMs: number;
  gil: GilModel;
  timeScale: number;
  itersPerMs: number;
  maxIntervalsPerRun: number;
  plan: RunPlan;
  launcher: ProcessLauncher;
  processEntry: string;
  /** A process that sends nothing for this long has hung. */
  hangTimeoutMs: number;
  startTimeoutMs: number;
  /** Test-only faults. */
  faults?: { hangProcess?: string; throwInThread?: string; afterMs: number };
}

export interface RunCallbacks {
  onStart(info: RunInfo): void;
  onTrace(batches: TraceBatch[]): void;
}

/** Python start-up happens before the clock starts; give every thread time to reach the barrier. */
const GO_DELAY_MS = 30;

export class RunSupervisor {
  private readonly handles = new Map<number, ProcessHandle>();
  private readonly osPids = new Map<number, number>();
  private readonly lastHeard = new Map<number, number>();
  private readonly exited = new Set<number>();
  private readonly stats = new Map<number, ThreadStats>();
  private readonly queue: string[] = [];
  private readonly idle: number[];
  private readonly startedExecutors = new Set<number>();
  private readonly executorPid = new Map<number, number>();
  private threadsEnded = 0;
  private readonly threadCount: number;
  private tasksStarted = 0;
  private tasksFinished = 0;
  private mainDone = false;
  private shutdownSent = false;
  private t0 = 0;
  private spawnMs = 0;
  private readyCount = 0;
  private onReady: () => void = () => undefined;
  private outcome: { status: RunStatus; reason?: string } | null = null;
  private endedAt = 0;
  private settle: () => void = () => undefined;
  private readonly settled: Promise<void>;

  constructor(
    private readonly options: RunOptions,
    private readonly callbacks: RunCallbacks,
  ) {
    this.idle = [...options.plan.executors];
    this.threadCount = options.plan.processes.reduce((n, p) => n + p.threads.length, 0);
    for (const p of options.plan.processes) for (const t of p.threads) this.executorPid.set(t.tid, p.pid);
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  /** The time zero of the run (epoch ms), once started. */
  get startEpochMs(): number {
    return this.t0;
  }

  /** Runs to the end and resolves with the summary; never rejects. */
  async run(): Promise<RunSummary> {
    const { plan } = this.options;
    const spawnStart = epochMs();
    for (const p of plan.processes) this.launch(p.pid, p.name);
    const ready = this.whenAllReady();
    const startTimer = setTimeout(
      () => this.fail(`the run's processes did not start within ${this.options.startTimeoutMs / 1000} s`),
      this.options.startTimeoutMs,
    );
    await Promise.race([ready, this.settled]);
    clearTimeout(startTimer);
    if (!this.outcome) this.go(spawnStart);
    const watchdog = setInterval(() => this.checkHang(), 250);
    await this.settled;
    clearInterval(watchdog);
    await this.killAll();
    return this.summary();
  }

  cancel(reason = 'cancelled by the user'): void {
    this.end('cancelled', reason);
  }

  /** The run's processes with their OS pids (known from launch on). */
  processInfos(): ProcessInfo[] {
    return this.options.plan.processes.map((p) => ({ pid: p.pid, name: p.name, osPid: this.osPids.get(p.pid) ?? this.handles.get(p.pid)?.pid ?? 0 }));
  }

  private launch(pid: number, name: string): void {
    const handle = this.options.launcher.launch(this.options.processEntry, name);
    this.handles.set(pid, handle);
    handle.onMessage((message) => this.onMessage(pid, message as FromProcess));
    handle.onExit((code, signal) => {
      this.exited.add(pid);
      if (!this.outcome) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        this.fail(`${this.describeProcess(pid)} ${how}`);
      }
    });
    const plan = this.options.plan.processes.find((p) => p.pid === pid)!;
    const { faults } = this.options;
    const settings: RunSettings = {
      runId: this.options.runId,
      program: this.options.program,
      workers: this.options.workers,
      switchIntervalMs: this.options.switchIntervalMs,
      gilModel: this.options.gil,
      timeScale: this.options.timeScale,
      itersPerMs: this.options.itersPerMs,
      maxIntervalsPerLane: Math.max(100, Math.floor(this.options.maxIntervalsPerRun / this.options.plan.lanes.length)),
    };
    const threads = plan.threads.map((t) =>
      faults?.throwInThread === t.name ? { ...t, throwAfterMs: faults.afterMs } : t,
    );
    this.send(pid, {
      type: 'init',
      settings,
      threads,
      gilCount: plan.gilCount,
      hangAfterMs: faults?.hangProcess === name ? faults.afterMs : undefined,
    });
  }

  private whenAllReady(): Promise<void> {
    return new Promise((resolve) => (this.onReady = resolve));
  }

  private go(spawnStart: number): void {
    this.spawnMs = epochMs() - spawnStart;
    this.t0 = epochMs() + GO_DELAY_MS;
    for (const pid of this.handles.keys()) this.lastHeard.set(pid, epochMs());
    for (const pid of this.handles.keys()) this.send(pid, { type: 'go', tid: -1, t0EpochMs: this.t0 });
    const o = this.options;
    this.callbacks.onStart({
      runId: o.runId,
      strategy: o.strategy,
      workers: o.workers,
      switchIntervalMs: o.switchIntervalMs,
      gil: o.gil,
      timeScale: o.timeScale,
      program: o.program.name,
      processes: this.processInfos(),
      threads: o.plan.lanes,
      t0EpochMs: this.t0,
    });
  }

  private onMessage(pid: number, message: FromProcess): void {
    this.lastHeard.set(pid, epochMs());
    if (this.outcome) return;
    switch (message.type) {
      case 'ready':
        this.osPids.set(pid, message.osPid);
        if (++this.readyCount === this.handles.size) this.onReady();
        return;
      case 'trace':
        this.callbacks.onTrace(message.batches);
        return;
      case 'start-task':
        for (let i = 0; i < message.copies; i++) this.queue.push(message.task);
        this.tasksStarted += message.copies;
        this.dispatch();
        return;
      case 'task-finished':
        this.tasksFinished++;
        this.idle.push(message.tid);
        this.idle.sort((a, b) => a - b);
        this.send(1, { type: 'task-done', tid: this.options.plan.mainTid, task: message.task });
        this.dispatch();
        this.maybeShutdown();
        return;
      case 'main-done':
        this.mainDone = true;
        this.maybeShutdown();
        return;
      case 'thread-end':
        for (const s of message.stats) this.stats.set(s.tid, s);
        if (++this.threadsEnded === this.threadCount) this.end('done');
        return;
      case 'thread-error':
        this.fail(`${this.describeLane(message.tid)} crashed: ${message.message}`);
        return;
      default:
        return;
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const tid = this.idle.shift()!;
      const task = this.queue.shift()!;
      const first = !this.startedExecutors.has(tid);
      this.startedExecutors.add(tid);
      const startingMs = first ? this.options.plan.executorStartMs : 0;
      this.send(this.executorPid.get(tid)!, { type: 'run-task', tid, task, startingMs });
    }
  }

  private maybeShutdown(): void {
    if (this.shutdownSent || !this.mainDone || this.tasksFinished < this.tasksStarted) return;
    this.shutdownSent = true;
    for (const pid of this.handles.keys()) this.send(pid, { type: 'shutdown', tid: -1 });
  }

  private checkHang(): void {
    const now = epochMs();
    for (const [pid, heard] of this.lastHeard) {
      if (!this.exited.has(pid) && now - heard > this.options.hangTimeoutMs) {
        this.fail(`${this.describeProcess(pid)} stopped answering for ${Math.round((now - heard) / 1000)} s`);
        return;
      }
    }
  }

  private send(pid: number, message: ToProcess): void {
    if (!this.exited.has(pid)) this.handles.get(pid)?.send(message);
  }

  private fail(reason: string): void {
    this.end('failed', reason);
  }

  private end(status: RunStatus, reason?: string): void {
    if (this.outcome) return;
    this.outcome = { status, reason };
    this.endedAt = epochMs();
    this.settle();
  }

  private async killAll(): Promise<void> {
    const exits = [...this.handles.entries()].map(
      ([pid, handle]) =>
        new Promise<void>((resolve) => {
          if (this.exited.has(pid)) return resolve();
          handle.onExit(() => resolve());
          handle.kill();
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(exits), new Promise((r) => (timer = setTimeout(r, 2000)))]);
    clearTimeout(timer);
  }

  private describeProcess(pid: number): string {
    const name = this.options.plan.processes.find((p) => p.pid === pid)?.name ?? `process ${pid}`;
    const osPid = this.osPids.get(pid);
    return osPid ? `${name} (pid ${osPid})` : name;
  }

  private describeLane(tid: number): string {
    const lane = this.options.plan.lanes.find((l) => l.tid === tid);
    const pid = this.executorPid.get(tid);
    return lane && pid ? `${lane.name} of ${this.describeProcess(pid)}` : `thread ${tid}`;
  }

  private summary(): RunSummary {
    const { plan } = this.options;
    const outcome = this.outcome ?? { status: 'failed' as const, reason: 'the run ended without an outcome' };
    const processName = new Map(plan.processes.map((p) => [p.pid, p.name]));
    const threads: ThreadSummary[] = plan.lanes.map((lane) => {
      const s = this.stats.get(lane.tid);
      // A thread that never sent its totals (a cancelled or failed run) was not measured: null, not 0.
      return {
        tid: lane.tid,
        name: lane.name,
        process: processName.get(lane.pid) ?? '',
        runningMs: s ? s.cpuUs / 1000 : null,
        onCpuMs: null,
        waitMs: s ? s.waitUs / 1000 : null,
        ioMs: s ? s.ioUs / 1000 : null,
        blockedMs: s ? 0 : null,
        startingMs: s ? s.startingUs / 1000 : null,
        ioCount: s ? s.ioCount : null,
        endMs: s ? s.endUs / 1000 : null,
      };
    });
    const all = [...this.stats.values()];
    const wallMs =
      outcome.status === 'done'
        ? Math.max(0, ...threads.map((t) => t.endMs ?? 0))
        : this.t0 > 0
          ? Math.max(0, this.endedAt - this.t0)
          : 0;
    return {
      runId: this.options.runId,
      strategy: this.options.strategy,
      workers: this.options.workers,
      status: outcome.status,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      wallMs,
      speedup: null,
      handoffs: all.reduce((n, s) => n + s.handoffs, 0),
      forcedSwitches: all.reduce((n, s) => n + s.forcedSwitches, 0),
      truncated: all.some((s) => s.truncated),
      spawnMs: this.spawnMs,
      threads,
    };
  }
}
