// A measured run's trace: the tracer's events and the sampler's readings of every thread of the
// run turned into lanes (one per OS thread that ran Python), processes, batches and summaries.
// Pure: the caller feeds it and says how far to flush.
import type { Strategy } from '../../common/program';
import { LaneBuilder, type IntervalBudget } from './lane-merge';
import type { SampleBatch } from './sampler';
import type { TracerEvent } from './tracer-events';
import { stateCode, type ProcessInfo, type ThreadInfo, type ThreadSummary, type TraceBatch } from '../../common/trace';

export interface MeasuredTraceOptions {
  runId: string;
  strategy: Strategy;
  /** Lanes are numbered from here (tids unique across a session). */
  firstTid: number;
  /** e.g. "python3.11": process names are "<it> (<strategy>, measured)". */
  pythonName: string;
  /** Free-threaded build: no GIL (ThreadInfo.gil null). */
  freeThreaded: boolean;
  /** False where the sampler cannot run: lanes show blocking calls only. */
  cpuKnown: boolean;
  /** Intervals kept per run; past it lanes are cut with a "trace truncated" instant (totals stay exact). */
  maxIntervalsPerRun: number;
}

/** An uncaught exception of the program, as the tracer reported it. */
export interface ProgramException {
  where: 'main' | 'thread' | 'process';
  tNs: number;
  thread: string;
  process: string;
  osPid: number;
  lastLine: string;
  text: string;
}

interface Lane {
  key: string;
  info: ThreadInfo;
  process: ProcessInfo;
  builder: LaneBuilder;
}

const laneKey = (pid: number, tid: number) => `${pid}:${tid}`;
/** A thread's readings wait this long for its first event (which names the lane). */
const UNCLAIMED_SAMPLES_NS = 2_000_000_000;

export class MeasuredTrace {
  /** Time zero of the run: the program's first line (the tracer's `run` event). */
  t0Ns: number | null = null;
  /** The root program's end (`exit` event: after its threads and children ended). */
  exitNs: number | null = null;
  exitCode: number | null = null;
  sync: Extract<TracerEvent, { kind: 'sync' }> | null = null;
  readonly exceptions: ProgramException[] = [];
  /** Prints (and stderr writes) to stderr the tracer reported, to tell them from other stderr text. */
  readonly stderrPrints: string[] = [];
  private readonly lanes = new Map<string, Lane>();
  private readonly laneOrder: Lane[] = [];
  private readonly processes = new Map<number, ProcessInfo>();
  private nextTid: number;
  private nextPid = 1;
  private newProcesses: ProcessInfo[] = [];
  private newThreads: ThreadInfo[] = [];
  /** Readings per lane key, fed to the lane at the next flush (its spawn time is known by then). */
  private readonly pendingSamples = new Map<string, number[]>();
  private readonly spawns = new Map<string, { tNs: number; line: number }>();
  private readonly childNames = new Map<number, string>();
  /** How far the sampler has read. */
  samplerNs = -Infinity;
  lostEvents = 0;

  private readonly budget: IntervalBudget;

  constructor(private readonly options: MeasuredTraceOptions) {
    this.nextTid = options.firstTid;
    this.budget = { left: options.maxIntervalsPerRun, max: options.maxIntervalsPerRun };
  }

  get tidsUsed(): number {
    return this.nextTid - this.options.firstTid;
  }

  allProcesses(): ProcessInfo[] {
    return [...this.processes.values()];
  }

  allThreads(): ThreadInfo[] {
    return this.laneOrder.map((l) => l.info);
  }

  rootProcessName(): string {
    return `${this.options.pythonName} (${this.options.strategy}, measured)`;
  }

  addEvent(e: TracerEvent): void {
    if (e.kind === 'sync') {
      this.sync = e;
      return;
    }
    if (e.kind === 'run') {
      this.t0Ns = e.tNs;
      this.process(e.pid, this.rootProcessName());
      this.lane(e.pid, e.tid, e.threadName ?? 'MainThread', e.tNs, false);
      return;
    }
    if (this.t0Ns === null) {
      // Only an exception (a SyntaxError) can come before the program starts.
      if (e.kind === 'exc') this.exceptions.push(this.exceptionOf(e, this.rootProcessName(), e.pid));
      return;
    }
    switch (e.kind) {
      case 'tstart':
        this.lane(e.pid, e.tid, e.threadName ?? `Thread ${e.tid}`, e.tNs, true);
        return;
      case 'pbegin':
        this.childNames.set(e.pid, e.processName);
        this.process(e.pid, `${e.processName} (${this.options.strategy}, measured)`);
        this.lane(e.pid, e.tid, e.threadName ?? 'MainThread', e.tNs, true);
        return;
      case 'tspawn':
        if (e.childTid !== null) this.spawned(laneKey(e.pid, e.childTid), e.tNs, e.line);
        return;
      case 'pspawn':
        this.spawned(laneKey(e.childPid, e.childPid), e.tNs, e.line);
        return;
      default:
    }
    const lane = this.laneOf(e);
    const b = lane.builder;
    switch (e.kind) {
      case 'b':
        b.beginCall(e.state, e.call, e.tNs, e.line);
        return;
      case 'e':
        b.endCall(e.tNs, e.line);
        return;
      case 'print':
        b.mark(e.tNs, e.line);
        b.instant({ kind: 'print', tUs: b.usSinceT0(e.tNs), text: e.text, ...(e.line > 0 ? { line: e.line } : {}) });
        if (e.stream === 'stderr') this.stderrPrints.push(e.text);
        return;
      case 'exc':
        b.instant({ kind: 'error', tUs: b.usSinceT0(e.tNs), text: e.text, ...(e.line > 0 ? { line: e.line } : {}) });
        this.exceptions.push(this.exceptionOf(e, lane.process.name, lane.process.osPid, lane.info.name));
        return;
      case 'rename':
        this.rename(laneKey(e.pid, e.targetTid), e.name);
        return;
      case 'tend':
        b.end(e.tNs);
        return;
      case 'pend':
        for (const l of this.laneOrder) if (l.process.osPid === e.pid) l.builder.end(e.tNs);
        return;
      case 'exit':
        this.exitNs = e.tNs;
        this.exitCode = e.exitCode;
        for (const l of this.laneOrder) if (l.process.osPid === e.pid) l.builder.end(e.tNs);
        return;
      default:
    }
  }

  /** A line of the events pipe that was not an event (cut by the tracer's size limit). */
  addLostEvent(): void {
    this.lostEvents++;
  }

  addSamples(batch: SampleBatch): void {
    for (let i = 0; i < batch.length; i++) {
      const key = laneKey(batch.pid[i], batch.tid[i]);
      let rows = this.pendingSamples.get(key);
      if (!rows) this.pendingSamples.set(key, (rows = []));
      rows.push(batch.tNs[i], batch.cpuNs[i], batch.running[i]);
    }
    if (batch.length > 0) this.samplerNs = Math.max(this.samplerNs, batch.tNs[batch.length - 1]);
    if (batch.horizonNs !== undefined) this.samplerNs = Math.max(this.samplerNs, batch.horizonNs);
  }

  /** stderr text no event accounts for (warnings, a crash's message): an error instant on the root's first lane. */
  addStderrText(tNs: number, text: string): void {
    const root = this.laneOrder[0];
    if (root) root.builder.instant({ kind: 'error', tUs: root.builder.usSinceT0(tNs), text });
  }

  /** Lanes and processes that appeared (or were renamed) since the last call. */
  takeNewLanes(): { processes: ProcessInfo[]; threads: ThreadInfo[] } {
    const out = { processes: this.newProcesses, threads: this.newThreads };
    this.newProcesses = [];
    this.newThreads = [];
    return out;
  }

  /** Every lane's intervals up to `horizonNs` (where the lanes' facts are complete), live. */
  flush(horizonNs: number): TraceBatch[] {
    const batches = this.flushLanes(horizonNs, false);
    this.forgetUnclaimedSamples(horizonNs - UNCLAIMED_SAMPLES_NS);
    return batches;
  }

  /** The run is over at `endNs`: every lane ends by then and gives the rest of its intervals. */
  finish(endNs: number): TraceBatch[] {
    const batches = this.flushLanes(endNs, true);
    this.pendingSamples.clear();
    return batches;
  }

  private flushLanes(horizonNs: number, final: boolean): TraceBatch[] {
    const batches: TraceBatch[] = [];
    for (const lane of this.laneOrder) {
      const rows = this.pendingSamples.get(lane.key);
      if (rows) {
        for (let i = 0; i < rows.length; i += 3)
          lane.builder.addSample({ tNs: rows[i], cpuNs: rows[i + 1], running: rows[i + 2] === 1 });
        this.pendingSamples.delete(lane.key);
      }
      if (final) lane.builder.end(horizonNs);
      const batch = lane.builder.flush(horizonNs, this.samplerNs, final);
      if (batch) batches.push(batch);
    }
    return batches;
  }

  /** Readings of threads no event has claimed (helper processes, C threads) are kept only a while. */
  private forgetUnclaimedSamples(beforeNs: number): void {
    for (const [key, rows] of this.pendingSamples) {
      let i = 0;
      while (i < rows.length && rows[i] < beforeNs) i += 3;
      if (i === rows.length) this.pendingSamples.delete(key);
      else if (i > 0) rows.splice(0, i);
    }
  }

  summaries(): ThreadSummary[] {
    const t0 = this.t0Ns ?? 0;
    const cpu = this.options.cpuKnown;
    return this.laneOrder.map(({ info, process, builder }) => {
      const ms = (code: number) => builder.totals.byState[code] / 1e6;
      return {
        tid: info.tid,
        name: info.name,
        process: process.name,
        runningMs: cpu ? ms(stateCode.running) : null,
        onCpuMs: cpu ? builder.totals.onCpuNs / 1e6 : null,
        waitMs: cpu ? ms(stateCode.waiting) : null,
        ioMs: ms(stateCode.io),
        blockedMs: ms(stateCode.blocked),
        startingMs: ms(stateCode.starting),
        ioCount: builder.totals.ioCount,
        endMs: builder.endNs === null ? 0 : (builder.endNs - t0) / 1e6,
      };
    });
  }

  get truncated(): boolean {
    return this.laneOrder.some((l) => l.builder.truncated);
  }

  private process(osPid: number, name: string): ProcessInfo {
    let p = this.processes.get(osPid);
    if (!p) {
      p = { pid: this.nextPid++, name, osPid };
      this.processes.set(osPid, p);
      this.newProcesses.push(p);
    }
    return p;
  }

  private lane(osPid: number, osTid: number, name: string, startNs: number, cpuFromZero: boolean): Lane {
    const key = laneKey(osPid, osTid);
    const existing = this.lanes.get(key);
    if (existing) return existing;
    const process =
      this.processes.get(osPid) ??
      this.process(osPid, `${this.childNames.get(osPid) ?? `pid ${osPid}`} (${this.options.strategy}, measured)`);
    const info: ThreadInfo = {
      tid: this.nextTid++,
      pid: process.pid,
      name,
      gil: this.options.freeThreaded ? null : process.pid,
    };
    const builder = new LaneBuilder(this.options.runId, info.tid, this.t0Ns ?? startNs, startNs, {
      cpuKnown: this.options.cpuKnown,
      cpuFromZero,
      budget: this.budget,
    });
    const spawn = this.spawns.get(key);
    if (spawn) builder.setSpawn(spawn.tNs, spawn.line);
    const lane = { key, info, process, builder };
    this.lanes.set(key, lane);
    this.laneOrder.push(lane);
    this.newThreads.push(info);
    return lane;
  }

  /** The lane an event belongs to; a thread the tracer did not see start gets one at its first event. */
  private laneOf(e: TracerEvent): Lane {
    return (
      this.lanes.get(laneKey(e.pid, e.tid)) ?? this.lane(e.pid, e.tid, e.threadName ?? `Thread ${e.tid}`, e.tNs, true)
    );
  }

  private spawned(key: string, tNs: number, line: number): void {
    this.spawns.set(key, { tNs, line });
    this.lanes.get(key)?.builder.setSpawn(tNs, line);
  }

  private rename(key: string, name: string): void {
    const lane = this.lanes.get(key);
    if (!lane || lane.info.name === name) return;
    lane.info = { ...lane.info, name };
    const i = this.newThreads.findIndex((t) => t.tid === lane.info.tid);
    if (i >= 0) this.newThreads[i] = lane.info;
    else this.newThreads.push(lane.info);
  }

  private exceptionOf(
    e: Extract<TracerEvent, { kind: 'exc' }>,
    process: string,
    osPid: number,
    thread = e.threadName ?? 'MainThread',
  ): ProgramException {
    return { where: e.where, tNs: e.tNs, thread, process, osPid, lastLine: e.lastLine, text: e.text };
  }
}
