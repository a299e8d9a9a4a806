import { describe, expect, it } from 'vitest';
import type { ProgramStep } from '../common/program';
import { StepCursor } from './steps';

const drain = (steps: ProgramStep[]) => {
  const cursor = new StepCursor(steps, 1);
  const out: string[] = [];
  for (let s = cursor.next(); s; s = cursor.next()) out.push(s.op === 'print' ? s.text : s.op);
  return out;
};

describe('StepCursor', () => {
  it('unrolls nested repeats in order', () => {
    const steps: ProgramStep[] = [
      { op: 'print', text: 'a' },
      { op: 'repeat', times: 2, steps: [{ op: 'print', text: 'b' }, { op: 'repeat', times: 2, steps: [{ op: 'print', text: 'c' }] }] },
      { op: 'print', text: 'd' },
    ];
    expect(drain(steps)).toEqual(['a', 'b', 'c', 'c', 'b', 'c', 'c', 'd']);
  });

  it('skips a repeat of zero times', () => {
    expect(drain([{ op: 'repeat', times: 0, steps: [{ op: 'print', text: 'x' }] }, { op: 'print', text: 'y' }])).toEqual(['y']);
  });

  it('repeats a timed loop until its time is up', () => {
    const start = Date.now();
    const rounds = drain([{ op: 'repeat', forMs: 30, steps: [{ op: 'print', text: 'x' }] }]).length;
    expect(rounds).toBeGreaterThan(1);
    expect(Date.now() - start).toBeGreaterThanOrEqual(29);
  });
});
