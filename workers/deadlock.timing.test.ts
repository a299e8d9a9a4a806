// Two threads taking two locks in opposite orders wait for each other for good: the run ends
// "failed", naming each thread and the line it waits at, instead of hanging until the wall-time
// cap. Long waits that something will end (a process that sleeps and then puts, a Timer) are not
// deadlocks. Measured in CPython (where there is a python3), the same program's run is stopped
// the same way, from the tracer's events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programFromText } from '../common/validate';
import { findPython } from './cpython/find-python';
import { createEngine, type Engine } from './engine';
import { printed, recordOf, runSession, summaryOf } from '../test/session';

const dir = join('test', 'fixtures', 'programs');
const hasPython = (await findPython()).main.ok;
const load = (file: string) => programFromText(readFileSync(join(dir, file), 'utf8'), file);

let engine: Engine;
beforeAll(() => {
  engine = createEngine({ host: 'cli' });
});
afterAll(() => engine.close());

describe('a deadlock ends the run naming who waits where', () => {
  it('locks taken in opposite orders: threading, free-threading and multiprocessing', async () => {
    const strategies = ['threading', 'free-threading', 'multiprocessing'] as const;
    const result = await runSession(engine, {
      program: load('lock_order_deadlock.py'),
      strategies: [...strategies],
      timeScale: 1,
    });
    for (const strategy of strategies) {
      const summary = summaryOf(result, strategy);
      expect(summary.status, strategy).toBe('failed');
      expect(summary.reason, strategy).toMatch(
        /^deadlock: every thread waits, with no timeout, for another that is waiting too/,
      );
      for (const line of [22, 10, 16]) expect(summary.reason, strategy).toContain(`at line ${line}`);
      expect(printed(recordOf(result, strategy)), strategy).toBe('');
      // Told within a few seconds of the last thread starting to wait, not at the wall-time cap.
      expect(summary.wallMs, strategy).toBeLessThan(10_000);
    }
    const threading = summaryOf(result, 'threading').reason!;
    expect(threading).toContain('(MainThread at line 22, Thread-1 (one) at line 10, Thread-2 (two) at line 16)');
  }, 60_000);

  it('sequential runs each thread to its end, so the same program finishes', async () => {
    const result = await runSession(engine, {
      program: load('lock_order_deadlock.py'),
      strategies: ['sequential'],
      timeScale: 1,
    });
    expect(result.status, result.reason).toBe('done');
    expect(printed(recordOf(result, 'sequential'))).toBe('one has both\ntwo has both\nnever\n');
  });
});

describe('a long wait that something will end is not a deadlock', () => {
  it('a get while a process sleeps before putting, and an Event a Timer sets', async () => {
    const result = await runSession(engine, {
      program: load('long_waits.py'),
      strategies: ['multiprocessing', 'threading'],
      timeScale: 1,
    });
    expect(result.status, result.reason).toBe('done');
    for (const strategy of ['multiprocessing', 'threading'] as const)
      expect(printed(recordOf(result, strategy)), strategy).toBe('late\ntimer set it True\n');
  }, 60_000);
});

describe.skipIf(!hasPython)('measured in CPython, the same deadlock stops the run', () => {
  it('threading and multiprocessing, naming the same lines; the long waits finish', async () => {
    const strategies = ['threading', 'multiprocessing'] as const;
    const result = await runSession(engine, {
      program: load('lock_order_deadlock.py'),
      strategies: [...strategies],
      timeScale: 1,
      measure: true,
    });
    for (const strategy of strategies) {
      const measured = result.summaries.find((s) => s.strategy === strategy && s.measured);
      expect(measured?.status, strategy).toBe('failed');
      expect(measured?.reason, strategy).toMatch(/^deadlock: every thread waits, with no timeout/);
      for (const line of [22, 10, 16]) expect(measured?.reason, strategy).toContain(`at line ${line}`);
    }
    expect(result.summaries.find((s) => s.strategy === 'multiprocessing' && s.measured)?.reason).toMatch(
      /\(MainProcess \(pid \d+\): MainThread at line 22, Process-1 \(pid \d+\): MainThread at line 10, Process-2 \(pid \d+\): MainThread at line 16\)/,
    );
    const waits = await runSession(engine, {
      program: load('long_waits.py'),
      strategies: ['multiprocessing'],
      timeScale: 1,
      measure: true,
    });
    expect(waits.summaries.map((s) => [s.measured ?? false, s.status])).toEqual([
      [false, 'done'],
      [true, 'done'],
    ]);
  }, 90_000);
});
