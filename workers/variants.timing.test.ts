// A program written for one strategy runs under the others and prints what CPython prints for
// the program as written: a process Pool (map, apply_async with keywords, starmap) under threads,
// processes, free-threading and sequential, asyncio's wait_for and tasks' names (asyncio.run's
// main is Task-1, gather's coroutines become tasks, each asyncio.run takes three numbers) under
// asyncio and sequential, and asyncio after threads or a ThreadPoolExecutor, with a generator in
// a global and a thread started after asyncio.run (coroutines and generators reachable from the
// shared heap), under threading, free-threading and sequential; a producer and a consumer sharing
// a queue.Queue and an Event under threads and processes; pools never shut down; asyncio's
// to_thread and run_in_executor. CPython's output is the machine's
// python3 where there is one, else the text python3 printed when the test was written.
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
    file: 'asyncio_after_threads.py',
    strategies: ['threading', 'free-threading', 'sequential'],
    written: 'threads [0, 1]\n[0, 2, 4]\n',
  },
  {
    // Under multiprocessing the queue becomes a JoinableQueue and the Event multiprocessing's.
    file: 'producer_consumer.py',
    strategies: ['threading', 'multiprocessing', 'free-threading'],
    written: 'consumed 0\nconsumed 1\nconsumed 2\nconsumed 3\nconsumed 4\nall consumed True\n',
  },
  {
    file: 'threads_pool_asyncio_generator.py',
    strategies: ['threading', 'free-threading', 'sequential'],
    written: 'pool [1, 2, 3]\n[1, 2, 3]\nsquares [0, 1, 4, 9]\nafter [9]\n',
  },
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
  {
    // Pools the program never shuts down: their workers are told to stop at exit, as in CPython.
    file: 'pools_left_open.py',
    strategies: ['multiprocessing', 'threading', 'free-threading', 'subinterpreters', 'sequential'],
    written: '8\n9\nend\n',
  },
  {
    // to_thread and run_in_executor: the loop waits for the pool's threads as for I/O.
    file: 'asyncio_to_thread.py',
    strategies: ['asyncio', 'threading'],
    written: 'tick 0\ntick 1\ntick 2\n[10, 20] overlapped: True\n499500\nraised in thread: division by zero\n45\n',
  },
  {
    file: 'asyncio_in_thread.py',
    strategies: ['threading', 'free-threading', 'sequential'],
    written: "Task-1 ['Task-2', 'Task-3']\nTask-6 ['Task-7', 'Task-8']\n",
  },
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

describe('a generator made in one thread and run in another', () => {
  it.each(['threading', 'free-threading'] as const)(
    'fails under %s, naming the generator, its owner and the line',
    async (strategy) => {
      const file = 'generator_other_thread.py';
      const program = programFromText(readFileSync(join(dir, file), 'utf8'), file);
      const result = await runSession(engine, { program, strategies: [strategy], timeScale: 1 });
      expect(result.status).toBe('failed');
      expect(result.reason).toBe(
        "RuntimeError: cannot use generator 'numbers' in thread Thread-1 (consume): it belongs to thread MainThread " +
          '(in GIL Lab a generator, coroutine or iterator can only be used by the thread that created it) ' +
          '(in Thread-1 (consume), line 13)',
      );
      expect(printed(recordOf(result, strategy))).toBe('main done\n');
    },
  );
});
