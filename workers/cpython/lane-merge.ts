// One measured lane: the tracer's blocking calls and the sampler's CPU readings of one OS thread
// merged into state intervals. Pure: no clock, no I/O; times are CLOCK_MONOTONIC nanoseconds.
//   inside a blocking call                → its state (io, blocked)
//   else on a CPU                         → running
//   else                                  → waiting (under a GIL: waiting for it)
//   between Thread.start() and the thread's first line → starting
import { INTERVAL_STRIDE, stateCode, type Instant, type StateCode, type TraceBatch } from '../../common/trace';
import { OnCpuTimeline, type CpuSample } from './on-cpu';

export interface BlockingCall {
  state: 'io' | 'blocked';
  call: string;
  beginNs: number;
  endNs: number | null;
  line: number;
}

export interface LineMark {
  tNs: number;
  line: number;
}

export interface LaneFacts {
  startNs: number;
  endNs: number | null;
  /** When Thread.start() / Process.start() was called, and the line that called it. */
  spawnNs: number | null;
  spawnLine: number;
  /** Sorted by beginNs, disjoint. */
  calls: readonly BlockingCall[];
  /** Sorted; the line a running or waiting interval shows is the last mark at or before its start. */
  marks: readonly LineMark[];
  /** On-CPU spans (flat, sorted), or null: CPU state unknown (no interval outside blocking calls). */
  onCpu: readonly number[] | null;
}

const IDLE = -1;

/** Ns on the monotonic clock as µs since t0, to 0.1 µs. */
function usSince(t0Ns: number, tNs: number): number {
  return Math.round((tNs - t0Ns) / 100) / 10;
}

/**
 * The lane's intervals over [fromNs, toNs], flattened with stride 4 ([state, startUs, endUs, line])
 * in µs since t0. Adjacent pieces in one state are one interval (its line: where it began).
 */
export function laneIntervals(facts: LaneFacts, t0Ns: number, fromNs: number, toNs: number): number[] {
  const out: number[] = [];
  if (toNs <= fromNs) return out;
  const { startNs, endNs, spawnNs, calls, marks, onCpu } = facts;
  const lo = Math.max(fromNs, spawnNs ?? startNs);
  const hi = endNs === null ? toNs : Math.min(toNs, endNs);
  if (hi <= lo) return out;

  const cuts: number[] = [lo, hi];
  const within = (t: number) => {
    if (t > lo && t < hi) cuts.push(t);
  };
  within(startNs);
  for (const c of calls) {
    if (c.beginNs >= hi) break;
    within(c.beginNs);
    if (c.endNs !== null) within(c.endNs);
  }
  if (onCpu) for (const t of onCpu) within(t);
  cuts.sort((a, b) => a - b);

  let callIndex = 0;
  let spanIndex = 0;
  let markIndex = 0;
  let line = 0;
  let state: number = IDLE;
  let since = 0;
  let sinceLine = 0;
  const us = (t: number) => usSince(t0Ns, t);
  const close = (at: number) => {
    if (state !== IDLE && at > since) out.push(state, us(since), us(at), sinceLine);
  };

  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    if (b <= a) continue;
    const mid = (a + b) / 2;
    while (markIndex < marks.length && marks[markIndex].tNs <= a) line = marks[markIndex++].line;
    while (callIndex < calls.length && calls[callIndex].endNs !== null && calls[callIndex].endNs! <= mid) callIndex++;
    const call = calls[callIndex];
    const inCall = call !== undefined && call.beginNs <= mid && (call.endNs === null || mid < call.endNs);
    let next: number;
    let nextLine = line;
    if (mid < startNs) {
      next = stateCode.starting;
      nextLine = facts.spawnLine;
    } else if (inCall) {
      next = stateCode[call.state];
      nextLine = call.line;
    } else if (onCpu === null) {
      next = IDLE;
    } else {
      while (spanIndex < onCpu.length && onCpu[spanIndex + 1] <= mid) spanIndex += 2;
      const on = spanIndex < onCpu.length && onCpu[spanIndex] <= mid;
      next = on ? stateCode.running : stateCode.waiting;
    }
    // A new call is a new interval even right after another one.
    const newCall = inCall && call.beginNs === a;
    if (next !== state || newCall) {
      close(a);
      state = next;
      since = a;
      sinceLine = nextLine;
    }
  }
  close(hi);
  return out;
}

/** Intervals a run may still keep, shared by its lanes; past it lanes say "trace truncated". */
export interface IntervalBudget {
  left: number;
  readonly max: number;
}

export interface LaneTotals {
  /** Ns per state code. */
  byState: [number, number, number, number, number];
  onCpuNs: number;
  ioCount: number;
}

/**
 * A lane as a run feeds it: facts arrive in time order per source, `flush` hands out the
 * intervals up to what is known and cuts the open one (so views fill in live), like the
 * simulated engine's recorder.
 */
export class LaneBuilder {
  startNs: number;
  endNs: number | null = null;
  spawnNs: number | null = null;
  spawnLine = 0;
  readonly cpu: OnCpuTimeline | null;
  private calls: BlockingCall[] = [];
  private openCall: BlockingCall | null = null;
  private marks: LineMark[] = [];
  private instants: Instant[] = [];
  /** Emitted up to here. */
  private doneNs: number;
  private readonly budget: IntervalBudget;
  truncated = false;
  readonly totals: LaneTotals = { byState: [0, 0, 0, 0, 0], onCpuNs: 0, ioCount: 0 };

  constructor(
    readonly runId: string,
    readonly tid: number,
    private readonly t0Ns: number,
    startNs: number,
    options: { cpuKnown: boolean; cpuFromZero: boolean; budget: IntervalBudget },
  ) {
    this.startNs = startNs;
    this.doneNs = -Infinity;
    this.cpu = options.cpuKnown ? new OnCpuTimeline() : null;
    this.cpuFromZero = options.cpuFromZero;
    this.budget = options.budget;
  }

  /** The thread's CPU counter started at 0 when it was created (every thread but the root's first). */
  private readonly cpuFromZero: boolean;
  private sampled = false;

  addSample(sample: CpuSample): void {
    if (!this.cpu) return;
    if (!this.sampled) {
      this.sampled = true;
      const zeroNs = this.spawnNs ?? this.startNs;
      if (this.cpuFromZero && sample.tNs > zeroNs) this.cpu.add({ tNs: zeroNs, cpuNs: 0 });
    }
    this.cpu.add(sample);
  }

  get ended(): boolean {
    return this.endNs !== null;
  }

  get emittedUntilNs(): number {
    return this.doneNs;
  }

  setSpawn(tNs: number, line: number): void {
    if (tNs < this.startNs) {
      this.spawnNs = tNs;
      this.spawnLine = line;
    }
  }

  beginCall(state: 'io' | 'blocked', call: string, tNs: number, line: number): void {
    if (this.openCall) this.endCall(tNs, line);
    this.openCall = { state, call, beginNs: Math.max(tNs, this.doneNs), endNs: null, line };
    this.calls.push(this.openCall);
    this.mark(tNs, line);
  }

  endCall(tNs: number, line: number): void {
    const call = this.openCall;
    if (!call) return;
    call.endNs = Math.max(tNs, call.beginNs);
    if (call.state === 'io') this.totals.ioCount++;
    this.openCall = null;
    this.mark(tNs, line);
  }

  mark(tNs: number, line: number): void {
    if (line > 0) this.marks.push({ tNs, line });
  }

  instant(instant: Instant): void {
    if (this.truncated && instant.kind !== 'error') return;
    this.instants.push(instant);
  }

  usSinceT0(tNs: number): number {
    return usSince(this.t0Ns, tNs);
  }

  end(tNs: number): void {
    if (this.endNs !== null) return;
    this.endNs = Math.max(tNs, this.startNs);
    if (this.openCall) this.endCall(this.endNs, 0);
  }

  /**
   * The intervals from the last flush to `horizonNs`, no further than the CPU readings reach
   * (`samplerNs`: how far the sampler has read any thread; past a lane's end plus `graceNs`, its
   * last readings are all there will be). `final`: the run is over, close everything.
   */
  flush(horizonNs: number, samplerNs: number, final: boolean, graceNs = 5_000_000): TraceBatch | null {
    let to = horizonNs;
    if (this.endNs !== null) to = Math.min(to, this.endNs);
    if (this.cpu) {
      const ended = this.endNs !== null && (final || samplerNs >= this.endNs + graceNs);
      if (ended) this.cpu.extendTo(this.endNs!);
      else if (final) this.cpu.extendTo(to);
      else to = Math.min(to, this.cpu.knownUntilNs);
    }
    const from = Math.max(this.doneNs, this.spawnNs ?? this.startNs);
    let intervals: number[] = [];
    if (to > from) {
      intervals = laneIntervals(
        {
          startNs: this.startNs,
          endNs: this.endNs,
          spawnNs: this.spawnNs,
          spawnLine: this.spawnLine,
          calls: this.calls,
          marks: this.marks,
          onCpu: this.cpu?.spans ?? null,
        },
        this.t0Ns,
        from,
        to,
      );
      this.count(from, to, intervals);
      this.doneNs = to;
      this.prune(to);
    }
    const kept = this.keep(intervals);
    if (kept.length === 0 && this.instants.length === 0) return null;
    const batch = { runId: this.runId, tid: this.tid, intervals: kept, instants: this.instants };
    this.instants = [];
    return batch;
  }

  private count(from: number, to: number, intervals: number[]): void {
    for (let i = 0; i < intervals.length; i += INTERVAL_STRIDE) {
      this.totals.byState[intervals[i] as StateCode] += (intervals[i + 2] - intervals[i + 1]) * 1000;
    }
    const spans = this.cpu?.spans;
    if (!spans) return;
    const lo = Math.max(from, this.startNs);
    const hi = this.endNs === null ? to : Math.min(to, this.endNs);
    for (let i = 0; i < spans.length; i += 2) {
      const overlap = Math.min(hi, spans[i + 1]) - Math.max(lo, spans[i]);
      if (overlap > 0) this.totals.onCpuNs += overlap;
    }
  }

  private keep(intervals: number[]): number[] {
    const budget = this.budget;
    const room = Math.max(0, budget.left) * INTERVAL_STRIDE;
    if (intervals.length <= room) {
      budget.left -= intervals.length / INTERVAL_STRIDE;
      return intervals;
    }
    const kept = intervals.slice(0, room);
    budget.left = 0;
    if (!this.truncated) {
      this.truncated = true;
      const at = intervals[room + 1];
      this.instants.push({
        kind: 'truncated',
        tUs: at,
        text: `trace truncated after ${budget.max} intervals in this run`,
      });
    }
    return kept;
  }

  private prune(doneNs: number): void {
    this.calls = this.calls.filter((c) => c.endNs === null || c.endNs > doneNs);
    let lastBefore = -1;
    for (let i = 0; i < this.marks.length && this.marks[i].tNs <= doneNs; i++) lastBefore = i;
    if (lastBefore > 0) this.marks.splice(0, lastBefore);
    this.cpu?.dropBefore(doneNs);
  }
}
