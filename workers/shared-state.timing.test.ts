// multiprocessing's shared state — Value, Array, Pipe, Manager — as CPython has it: a program
// written with processes prints what python3 prints under multiprocessing, threading, free-threading
// and sequential; without a lock, processes' `v.value += 1` lose updates as CPython's do; and
// waiting on a Pipe is `blocked` (the GIL given up), as waiting on a queue is. Where the sequential
// strategy would wait for ever, the run fails naming the deadlock.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Strategy } from '../common/program';
import { programFromText } from '../common/validate';
import { createEngine, type Engine } from './engine';
import { BLOCKED } from './recorder';
import { printed, recordOf, runSession, spans } from '../test/session';

const file = join('test', 'fixtures', 'programs', 'mp_shared_state.py');
// What python3 printed when the test was written (used where the machine has none).
const written = [
  'value 150',
  '<Synchronized wrapper for c_double(11.0)> 11.0',
  '[1, 2, 5, 10, 17] [2, 5, 10] 17 5 [2, 4, 10, 20, 34]',
  '[0.5, 4.0] 4.5',
  '[0, 1, 4, 9]',
  'True one way False',
  '[(0, 0), (1, 10), (2, 20)] [0, 1, 2] 3 True 20',
  '6',
  '',
].join('\n');

const race = `from multiprocessing import Process, Value

def add(v, n, locked):
    for _ in range(n):
        if locked:
            with v.get_lock():
                v.value += 1
        else:
            v.value += 1

if __name__ == '__main__':
    for locked, n in ((False, 20000), (True, 200)):
        v = Value('i', 0)
        ps = [Process(target=add, args=(v, n, locked)) for _ in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(locked, v.value, 4 * n)
`;

const pipe = `from multiprocessing import Process, Pipe
import time

def later(conn):
    time.sleep(0.2)
    conn.send('late')

if __name__ == '__main__':
    parent, child = Pipe()
    p = Process(target=later, args=(child,))
    p.start()
    print(parent.recv())
    p.join()
`;

const pingPong = `from multiprocessing import Process, Pipe

def pinger(conn):
    conn.send('ping')
    print(conn.recv())

if __name__ == '__main__':
    parent, child = Pipe()
    p = Process(target=pinger, args=(child,))
    p.start()
    print(parent.recv())
    parent.send('pong')
    p.join()
`;

let engine: Engine;
beforeAll(() => {
  engine = createEngine({ host: 'cli' });
});
afterAll(() => engine.close());

describe('multiprocessing shared state', () => {
  it('prints what CPython prints under every strategy', async () => {
    const run = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
    const expected = run.status === 0 ? run.stdout : written;
    expect(expected).toBe(written);
    const strategies: Strategy[] = ['multiprocessing', 'threading', 'free-threading', 'sequential'];
    const program = programFromText(readFileSync(file, 'utf8'), 'mp_shared_state.py');
    const result = await runSession(engine, { program, strategies, timeScale: 1 });
    expect(result.status, result.reason).toBe('done');
    for (const strategy of strategies) expect(printed(recordOf(result, strategy)), strategy).toBe(expected);
  });

  it("loses processes' unlocked increments of a Value, and none under its lock", async () => {
    const result = await runSession(engine, { program: programFromText(race, 'race.py'), strategies: ['multiprocessing'], timeScale: 1 });
    expect(result.status, result.reason).toBe('done');
    const [unlocked, locked] = printed(recordOf(result, 'multiprocessing')).trim().split('\n').map((l) => l.split(' '));
    expect(unlocked[0]).toBe('False');
    expect(Number(unlocked[1])).toBeLessThan(Number(unlocked[2]));
    expect(Number(unlocked[1])).toBeGreaterThanOrEqual(20000);
    expect(locked).toEqual(['True', '800', '800']);
  });

  it('names the deadlock where sequential would wait for ever on a Pipe', async () => {
    const result = await runSession(engine, { program: programFromText(pingPong, 'ping.py'), strategies: ['sequential'], timeScale: 1 });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^RuntimeError: deadlock: .*sequential.*line 5\)$/);
  });

  it('waits on a Pipe blocked, without the GIL', async () => {
    const result = await runSession(engine, { program: programFromText(pipe, 'pipe.py'), strategies: ['multiprocessing', 'threading'], timeScale: 1 });
    expect(result.status, result.reason).toBe('done');
    for (const strategy of ['multiprocessing', 'threading'] as const) {
      const record = recordOf(result, strategy);
      expect(printed(record)).toBe('late\n');
      const blockedMs = spans(record, 'MainThread', BLOCKED).reduce((ms, [a, b]) => ms + (b - a) / 1000, 0);
      expect(blockedMs, strategy).toBeGreaterThan(150);
    }
  });
});
