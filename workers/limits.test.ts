// Runs the engine cannot start are refused before anything starts, naming what is wrong; a run
// over the wall-time cap is stopped, naming the cap.
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../common/api';
import type { Program } from '../common/program';
import { createEngine } from './engine';

const request = { strategies: ['threading' as const], workerCounts: [2], switchIntervalMs: 5, gil: 'new' as const, timeScale: 1 };
const program = (source: string): Program => ({ name: 'p', description: '', file: 'p.py', source });

describe('limits', () => {
  const engine = createEngine({ host: 'cli' });
  afterAll(() => engine.close());

  it('refuses a program that does not check, naming its line, and starts nothing', async () => {
    const events: EngineEvent[] = [];
    const off = engine.onEvent((e) => events.push(e));
    const result = await engine.startSession({ ...request, program: program('import threading\nimport numpy\n') });
    off();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^program: p\.py, line 2: numpy is not a module GIL Lab can run/);
    expect(events).toEqual([]);
  });

  it('refuses a strategy that cannot express the program, saying why', async () => {
    const result = await engine.startSession({ ...request, strategies: ['threading'], program: 'asyncio-gather' });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('threading cannot run asyncio_gather.py: this program is written with asyncio') });
  });

  it('refuses more than 256 workers, naming the field and the range', async () => {
    expect(await engine.startSession({ ...request, program: 'calc-threads', workerCounts: [257] })).toEqual({
      ok: false,
      error: 'workerCounts.0: must be a whole number between 1 and 256, got 257',
      issues: [{ path: ['workerCounts', 0], message: 'must be a whole number between 1 and 256, got 257' }],
    });
  });

  it('stops a run that goes on past the wall-time cap, naming the cap', async () => {
    const capped = createEngine({ host: 'cli', wallCapMs: 500 });
    const ended = new Promise<EngineEvent>((resolve) => capped.onEvent((e) => e.type === 'run-end' && resolve(e)));
    const started = await capped.startSession({ ...request, program: program('while True:\n    pass\n') });
    expect(started.ok).toBe(true);
    const end = await ended;
    expect(end.type === 'run-end' && end.summary.status).toBe('failed');
    expect(end.type === 'run-end' && end.summary.reason).toBe("the run was still going after 0.5 s, the cap on one run's wall time");
    await capped.close();
  });
});
