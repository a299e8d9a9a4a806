// asyncio.TaskGroup in the engine: its tasks are tasks like create_task's, each with a lane of
// its own on the timeline (named as create_task(name=…) names it); under the sequential
// strategy each runs to its end as it is made, and the failures still come out together.
import { afterAll, describe, expect, it } from 'vitest';
import { stateCode } from '../../common/trace';
import { programFromText } from '../../common/validate';
import { laneSpans, printed, recordOf, runSession } from '../../test/session';
import { createEngine } from '../engine';

const source = `import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("fetched", name)
    if name == "bad":
        raise ValueError(name)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("a", 0.02), name="fetch-a")
            tg.create_task(fetch("bad", 0.01))
            tg.create_task(fetch("b", 0.03), name="fetch-b")
    except* ValueError as eg:
        print("failed:", eg.exceptions)


asyncio.run(main())
`;

describe('asyncio.TaskGroup in the engine', () => {
  const engine = createEngine({ host: 'cli' });
  afterAll(() => engine.close());

  it('gives each of its tasks a lane, as create_task does', async () => {
    const result = await runSession(engine, { program: programFromText(source, 'taskgroup.py'), strategies: ['asyncio'], timeScale: 1 });
    const record = recordOf(result, 'asyncio');
    expect(printed(record)).toBe("fetched bad\nfailed: (ValueError('bad'),)\n");
    const names = record.info.threads.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Task-1', 'fetch-a', 'Task-3', 'fetch-b']));
    for (const name of ['fetch-a', 'Task-3', 'fetch-b']) {
      const lane = record.info.threads.find((t) => t.name === name)!;
      expect(laneSpans(record, lane.tid, stateCode.running).length, name).toBeGreaterThan(0);
    }
  }, 60_000);

  it('runs every task to its end under the sequential strategy, then raises their failures together', async () => {
    const result = await runSession(engine, { program: programFromText(source, 'taskgroup.py'), strategies: ['sequential'], timeScale: 1 });
    expect(printed(recordOf(result, 'sequential'))).toBe("fetched a\nfetched bad\nfetched b\nfailed: (ValueError('bad'),)\n");
  }, 60_000);
});
