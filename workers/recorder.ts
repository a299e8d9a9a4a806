// Records one lane's trace: state intervals (with the program line each began on) and instants,
// on the run's clock (µs since t0), cut at each flush so views fill in live.
import { STATE_COUNT, type Instant, type InstantKind, type TraceBatch } from '../common/trace';
import { epochMs } from './clock';

export const IDLE = -1;
/** State codes, as common/trace.ts's threadStates orders them. */
export const STARTING = 0;
export const RUNNING = 1;
export const WAITING = 2;
export const IO = 3;
export const BLOCKED = 4;
export type LaneState = typeof STARTING | typeof RUNNING | typeof WAITING | typeof IO | typeof BLOCKED;

export class Recorder {
  private pendingIntervals: number[] = [];
  private pendingInstants: Instant[] = [];
  private state: LaneState | typeof IDLE = IDLE;
  /** -0: a double from the start (see Interpreter.cost). */
  private since = -0;
  private line = 0;
  private kept = 0;
  /** Microseconds spent in each state (kept exact even after truncation). */
  readonly totalsUs = new Float64Array(STATE_COUNT);
  ioCount = 0;
  lastActiveUs = 0;
  truncated = false;

  constructor(
    private readonly runId: string,
    readonly tid: number,
    private readonly t0EpochMs: number,
    private readonly maxIntervals: number,
  ) {}

  nowUs(): number {
    return Math.round((epochMs() - this.t0EpochMs) * 10_000) / 10;
  }

  get current(): LaneState | typeof IDLE {
    return this.state;
  }

  get currentLine(): number {
    return this.line;
  }

  /** µs since the open interval began. */
  age(at = this.nowUs()): number {
    return at - this.since;
  }

  /** Closes the current interval and opens one in `next` (IDLE: none), begun on `line`. */
  enter(next: LaneState | typeof IDLE, line = this.line, at = this.nowUs()): void {
    this.close(at);
    this.state = next;
    this.since = at;
    this.line = line;
  }

  instant(kind: InstantKind, text?: string, line = 0, at = this.nowUs()): void {
    // Past the cap, the trace keeps what a reader needs (output, errors) and drops the GIL's marks.
    if (this.truncated && kind !== 'error' && kind !== 'print') return;
    const instant: Instant & { line?: number } = text === undefined ? { kind, tUs: at } : { kind, tUs: at, text };
    if (line > 0) instant.line = line;
    this.pendingInstants.push(instant);
  }

  /** The batch recorded since the last call; an open interval is cut at now so live views stay current. */
  takeBatch(): TraceBatch | null {
    if (this.state !== IDLE) {
      const at = this.nowUs();
      this.close(at);
      this.since = at;
    }
    if (this.pendingIntervals.length === 0 && this.pendingInstants.length === 0) return null;
    const batch = { runId: this.runId, tid: this.tid, intervals: this.pendingIntervals, instants: this.pendingInstants };
    this.pendingIntervals = [];
    this.pendingInstants = [];
    return batch;
  }

  private close(at: number): void {
    if (this.state === IDLE || at <= this.since) return;
    this.totalsUs[this.state] += at - this.since;
    this.lastActiveUs = at;
    if (this.kept >= this.maxIntervals) {
      if (!this.truncated) {
        this.truncated = true;
        this.pendingInstants.push({ kind: 'truncated', tUs: at, text: `trace truncated after ${this.maxIntervals} intervals on this lane` });
      }
      return;
    }
    this.kept++;
    this.pendingIntervals.push(this.state, this.since, at, this.line);
  }
}
