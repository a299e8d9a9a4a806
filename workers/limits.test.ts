// Runs over the caps are refused before anything starts, with the cap in the message.
import { afterAll, describe, expect, it } from 'vitest';
import { limits } from '../common/limits';
import type { Program } from '../common/program';
import { createEngine } from './engine';

const request = { strategies: ['threading' as const], workerCounts: [2], switchIntervalMs: 5, gil: 'new' as const, timeScale: 1 };

describe('limits', () => {
  const engine = createEngine({ host: 'cli' });
  afterAll(() => engine.close());

  it('refuses a program with more CPU work than the cap, naming the cap, and starts nothing', async () => {
    const heavy: Program = { name: 'heavy', description: '', main: [{ op: 'start', task: 't', copies: 'workers' }], tasks: { t: [{ op: 'cpu', ms: 400_000 }] } };
    const events: unknown[] = [];
    engine.onEvent((e) => events.push(e));
    const result = await engine.startSession({ ...request, program: heavy });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`${limits.maxCpuMsPerRun / 1000} s per run`);
    expect(events).toEqual([]);
  });

  it('refuses a program that would run longer than the wall-time cap', async () => {
    const slow: Program = { name: 'slow', description: '', main: [{ op: 'repeat', times: 1000, steps: [{ op: 'sleep', ms: 1000 }] }], tasks: {} };
    const result = await engine.startSession({ ...request, program: slow });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`the cap is ${limits.maxWallMsPerRun / 1000} s per run`) });
  });

  it('refuses more than 256 workers and more tasks than the cap', async () => {
    expect(await engine.startSession({ ...request, program: 'cpu-sqrt', workerCounts: [257] })).toEqual({
      ok: false,
      error: 'workerCounts.0: must be a whole number between 1 and 256, got 257',
      issues: [{ path: ['workerCounts', 0], message: 'must be a whole number between 1 and 256, got 257' }],
    });
    const many: Program = { name: 'many', description: '', main: [{ op: 'repeat', times: 5000, steps: [{ op: 'start', task: 't' }] }], tasks: { t: [{ op: 'print', text: 'x' }] } };
    const result = await engine.startSession({ ...request, program: many });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`more than ${limits.maxTasks} tasks`) });
  });
});
