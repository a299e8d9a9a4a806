// One Python thread's life: holding and waiting for its GIL, computing, blocking, printing,
// and recording all of it. Used by main and executor threads (not the asyncio loop).
import type { ProgramStep } from '../common/program';
import { stateCode, type TraceBatch } from '../common/trace';
import { blockUntil, epochMs } from './clock';
import { burn, sliceIterations } from './cpu';
import { Gil } from './gil';
import type { FromThread, RunSettings, ThreadSpec } from './messages';
import { IDLE, Recorder, statsOf } from './recorder';
import { StepCursor } from './steps';

export class PythonThread {
  readonly recorder: Recorder;
  private readonly gil: Gil | null;
  private holding = false;
  private readonly sliceIterations: number;
  private lastFlush = epochMs();
  private readonly throwAtMs: number;

  constructor(
    private readonly spec: ThreadSpec,
    private readonly settings: RunSettings,
    t0EpochMs: number,
    gilBuffer: SharedArrayBuffer | null,
    private readonly post: (message: FromThread) => void,
    private readonly flushMs: number,
  ) {
    this.recorder = new Recorder(settings.runId, spec.tid, t0EpochMs, settings.maxIntervalsPerLane);
    this.gil = gilBuffer
      ? new Gil(gilBuffer, spec.tid, settings.gilModel, settings.switchIntervalMs, {
          onDropRequest: () => this.recorder.instant('drop_request'),
        })
      : null;
    this.sliceIterations = sliceIterations(settings.itersPerMs);
    this.throwAtMs = spec.throwAfterMs === undefined ? Infinity : t0EpochMs + spec.throwAfterMs;
  }

  /** Takes the GIL (waiting as long as it takes), then runs. Without a GIL: just runs. */
  acquire(): void {
    if (this.gil && !this.holding) {
      this.recorder.enter(stateCode.waiting);
      this.gil.take();
      this.holding = true;
    }
    this.recorder.enter(stateCode.running);
  }

  /** Releases the GIL and goes idle. */
  release(): void {
    // The interval ends before the GIL is dropped, so two threads' `running` never overlap on the trace.
    this.recorder.enter(IDLE);
    if (this.gil && this.holding) {
      this.holding = false;
      this.gil.drop();
    }
  }

  runSteps(steps: ProgramStep[]): void {
    const cursor = new StepCursor(steps, this.settings.timeScale);
    for (let step = cursor.next(); step; step = cursor.next()) this.step(step);
  }

  step(step: ProgramStep): void {
    switch (step.op) {
      case 'cpu':
        return this.compute(step.ms * this.settings.timeScale);
      case 'io':
      case 'sleep':
        return this.block(step.ms * this.settings.timeScale);
      case 'print':
        this.recorder.instant('print', step.text);
        return;
      default:
        return; // start/join are the main thread's, handled by its runner
    }
  }

  /** Pure-Python work: real iterations, in slices, looking at the drop request between them. */
  compute(ms: number): void {
    let left = Math.round(ms * this.settings.itersPerMs);
    while (left > 0) {
      const slice = Math.min(left, this.sliceIterations);
      burn(slice);
      left -= slice;
      if (epochMs() >= this.throwAtMs) throw new Error(`injected fault in ${this.spec.name}`);
      this.flushIfDue();
      const gil = this.gil;
      if (!gil) continue;
      if (gil.dropRequested()) {
        this.recorder.instant('forced_switch');
        this.recorder.enter(stateCode.waiting);
        this.holding = false;
        gil.yieldForDropRequest();
        gil.take();
        this.holding = true;
        this.recorder.enter(stateCode.running);
      } else if (this.settings.gilModel === 'old') {
        const releasedAt = this.recorder.nowUs();
        if (gil.checkInterval()) continue;
        this.recorder.enter(stateCode.waiting, releasedAt);
        this.holding = false;
        gil.take();
        this.holding = true;
        this.recorder.enter(stateCode.running);
      }
    }
  }

  /** A blocking call: release the GIL, wait, take it back. */
  block(ms: number): void {
    this.recorder.enter(stateCode.io);
    if (this.gil && this.holding) {
      this.holding = false;
      this.gil.drop();
    }
    this.blockFor(ms);
    this.recorder.ioCount++;
    this.acquire();
  }

  /** Blocks without burning CPU, waking every flush period to send what was recorded. */
  blockFor(ms: number): void {
    const deadline = epochMs() + ms;
    for (;;) {
      const remaining = deadline - epochMs();
      if (remaining <= 0) return;
      blockUntil(epochMs() + Math.min(remaining, this.flushMs));
      this.flushIfDue();
    }
  }

  flushIfDue(): void {
    const now = epochMs();
    if (now - this.lastFlush < this.flushMs) return;
    this.lastFlush = now;
    this.flush();
  }

  flush(): void {
    const batch: TraceBatch | null = this.recorder.takeBatch();
    if (batch) this.post({ type: 'trace', batches: [batch] });
  }

  /** Sends the rest of the trace and the thread's totals. */
  finish(): void {
    this.release();
    this.flush();
    this.post({ type: 'thread-end', stats: [statsOf(this.recorder, this.gil)] });
  }
}
