// A program written for one strategy runs under the others and prints what CPython prints for
// the program as written: a process Pool (map, apply_async with keywords, starmap) under threads,
// processes, free-threading and sequential, and asyncio's wait_for and tasks' names (asyncio.run's
// main is Task-1, gather's coroutines become tasks, each asyncio.run takes three numbers) under
// asyncio and sequential. CPython's output is the machine's python3 where there is one, else the
// text python3 printed when the test was written.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Strategy } from '../common/program';
import { programFromText } from '../common/validate';
import { createEngine, type Engine } from './engine';
import { printed, recordOf, runSession } from '../test/session';

const dir = join('test', 'fixtures', 'programs');
const cases: { file: string; strategies: Strategy[]; written: string }[] = [
  {
    file: 'pool_kwds.py',
    strategies: ['multiprocessing', 'threading', 'free-threading', 'sequential'],
    written: '[0, 1, 2, 3, 4]\n30\n8\n[5, 10]\n',
  },
  { file: 'asyncio_wait_for.py', strategies: ['asyncio', 'sequential'], written: 'in time\ntimed out\nnapper named\n' },
  {
    file: 'asyncio_task_names.py',
    strategies: ['asyncio', 'sequential'],
    written:
      "main is Task-1\nTask-2 napper Task-4\n<Task finished name='Task-2'> <Task finished name='napper'> <Task finished name='Task-4'>\nmain is still Task-1\n",
  },
  {
    file: 'asyncio_gather_names.py',
    strategies: ['asyncio', 'sequential'],
    written: "['Task-2', 'Task-3', 'Task-4']\n['early', 'Task-6']\nTask-7\nTask-1\n",
  },
  { file: 'asyncio_run_twice.py', strategies: ['asyncio', 'sequential'], written: 'Task-1 Task-2\nTask-5 Task-6\n' },
  // Not yet under threading: a coroutine cannot be shared between threads (heap-codec.ts).
  { file: 'asyncio_in_thread.py', strategies: ['sequential'], written: "Task-1 ['Task-2', 'Task-3']\nTask-6 ['Task-7', 'Task-8']\n" },
];

function cpythonOutput(file: string, written: string): string {
  const run = spawnSync('python3', [join(dir, file)], { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0 ? run.stdout : written;
}

let engine: Engine;
beforeAll(() => {
  engine = createEngine({ host: 'cli' });
});
afterAll(() => engine.close());

describe('a program runs under every strategy that can express it', () => {
  it.each(cases)('$file prints what CPython prints under $strategies', async ({ file, strategies, written }) => {
    const expected = cpythonOutput(file, written);
    expect(expected).toBe(written);
    const program = programFromText(readFileSync(join(dir, file), 'utf8'), file);
    const result = await runSession(engine, { program, strategies, timeScale: 1 });
    expect(result.status, result.reason).toBe('done');
    for (const strategy of strategies) expect(printed(recordOf(result, strategy)), strategy).toBe(expected);
  });
});
