// Records one lane's trace: state intervals and instants, on the run's clock (µs since t0).
import { STATE_COUNT, stateCode, type Instant, type InstantKind, type StateCode, type TraceBatch } from '../common/trace';
import { epochMs } from './clock';
import type { ThreadStats } from './messages';

export const IDLE = -1;

export class Recorder {
  private pendingIntervals: number[] = [];
  private pendingInstants: Instant[] = [];
  private state: StateCode | typeof IDLE = IDLE;
  private since = 0;
  /** The source line of the open interval (0: unknown). */
  private line = 0;
  private kept = 0;
  /** Microseconds spent in each state (kept exact even after truncation). */
  readonly totalsUs: number[] = new Array<number>(STATE_COUNT).fill(0);
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

  /** Closes the current interval and opens one in `next` (IDLE: none), at source line `line` (0: unknown). */
  enter(next: StateCode | typeof IDLE, at = this.nowUs(), line = 0): void {
    this.close(at);
    this.state = next;
    this.since = at;
    this.line = line;
  }

  instant(kind: InstantKind, text?: string, at = this.nowUs()): void {
    if (this.truncated && kind !== 'error') return;
    this.pendingInstants.push(text === undefined ? { kind, tUs: at } : { kind, tUs: at, text });
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

/** A lane's totals for the supervisor; hand-offs and forced switches come from its GIL. */
export function statsOf(recorder: Recorder, gil?: { handoffs: number; forcedSwitches: number } | null): ThreadStats {
  return {
    tid: recorder.tid,
    startingUs: recorder.totalsUs[stateCode.starting],
    cpuUs: recorder.totalsUs[stateCode.running],
    waitUs: recorder.totalsUs[stateCode.waiting],
    ioUs: recorder.totalsUs[stateCode.io],
    ioCount: recorder.ioCount,
    endUs: recorder.lastActiveUs,
    handoffs: gil?.handoffs ?? 0,
    forcedSwitches: gil?.forcedSwitches ?? 0,
    truncated: recorder.truncated,
  };
}
