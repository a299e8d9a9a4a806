// Walks a list of program steps, unrolling repeats lazily (a loop of 10^6 rounds costs no memory).
import type { ProgramStep } from '../common/program';
import { epochMs } from './clock';

type Leaf = Exclude<ProgramStep, { op: 'repeat' }>;

interface Frame {
  steps: ProgramStep[];
  index: number;
  /** Rounds left after this one (times), or the deadline (forMs). */
  roundsLeft: number;
  deadlineMs: number;
}

export class StepCursor {
  private readonly stack: Frame[];

  constructor(
    steps: ProgramStep[],
    private readonly timeScale: number,
  ) {
    this.stack = [{ steps, index: 0, roundsLeft: 0, deadlineMs: Infinity }];
  }

  next(): Leaf | null {
    for (;;) {
      const frame = this.stack.at(-1);
      if (!frame) return null;
      if (frame.index >= frame.steps.length) {
        // End of a round: go again while the loop lasts.
        if (this.stack.length > 1 && (frame.roundsLeft > 0 || epochMs() < frame.deadlineMs)) {
          frame.roundsLeft--;
          frame.index = 0;
          continue;
        }
        this.stack.pop();
        continue;
      }
      const step = frame.steps[frame.index++];
      if (step.op !== 'repeat') return step;
      if (step.times !== undefined) {
        if (step.times > 0) this.stack.push({ steps: step.steps, index: 0, roundsLeft: step.times - 1, deadlineMs: -Infinity });
      } else {
        const deadlineMs = epochMs() + (step.forMs ?? 0) * this.timeScale;
        this.stack.push({ steps: step.steps, index: 0, roundsLeft: -1, deadlineMs });
      }
    }
  }
}
