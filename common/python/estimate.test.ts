// How many threads and processes the engine keeps warm for a program: a guess that falls short
// makes a start wait for a new worker (~45 ms, far more on a busy machine) instead of CPython's 0.1 ms.
import { describe, expect, it } from 'vitest';
import { parseModule, type Module } from './ast';
import { estimateStarts } from './estimate';

const parsed = (source: string): Module => {
  const p = parseModule(source);
  if (!p.ok) throw new Error(p.error.message);
  return p.module;
};

describe('estimateStarts', () => {
  it('counts threads started in a loop over range(N) and a pool of a given size', () => {
    const source =
      'import threading\nfrom concurrent.futures import ThreadPoolExecutor\nfor i in range(4):\n    threading.Thread(target=print).start()\nwith ThreadPoolExecutor(max_workers=3) as ex:\n    pass\n';
    expect(estimateStarts(parsed(source), 2)).toEqual({ threads: 7, processes: 0 });
  });

  it("counts asyncio's default executor: a thread for each to_thread or run_in_executor(None, …), up to its size", () => {
    const two =
      'import asyncio\nasync def main():\n    await asyncio.gather(asyncio.to_thread(print), asyncio.to_thread(print))\nasyncio.run(main())\n';
    expect(estimateStarts(parsed(two), 2).threads).toBe(2);
    const many =
      'import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    await asyncio.gather(*[loop.run_in_executor(None, print, i) for i in range(50)])\nasyncio.run(main())\n';
    // CPython's default executor has min(32, cpu_count + 4) threads.
    expect(estimateStarts(parsed(many), 2).threads).toBe(6);
    const own =
      'import asyncio\nasync def main(pool):\n    await asyncio.get_running_loop().run_in_executor(pool, print)\n';
    expect(estimateStarts(parsed(own), 2).threads).toBe(0);
  });

  it('counts the starts in a function as often as it is called, handed to a thread or mapped', () => {
    const tasks =
      'import asyncio, time\nasync def work(i):\n    await asyncio.to_thread(time.sleep, 0.1)\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        for i in range(4):\n            tg.create_task(work(i))\nasyncio.run(main())\n';
    expect(estimateStarts(parsed(tasks), 2).threads).toBe(4);
    const gathered =
      'import asyncio, time\nasync def work(i):\n    await asyncio.to_thread(time.sleep, 0.1)\nasync def main():\n    await asyncio.gather(*[work(i) for i in range(3)])\nasyncio.run(main())\n';
    expect(estimateStarts(parsed(gathered), 2).threads).toBe(3);
    const nested =
      'import threading\ndef spawn():\n    threading.Thread(target=print).start()\ndef batch():\n    for _ in range(3):\n        spawn()\nbatch()\nbatch()\n';
    expect(estimateStarts(parsed(nested), 2).threads).toBe(6);
    const recursive = 'import threading\ndef f(n):\n    threading.Thread(target=print).start()\n    if n:\n        f(n - 1)\nf(3)\n';
    expect(estimateStarts(parsed(recursive), 2).threads).toBe(1);
    const mapped =
      'from multiprocessing import Pool, Process\ndef job(x):\n    p = Process(target=print)\n    p.start()\nwith Pool(2) as pool:\n    pool.map(job, [1, 2, 3])\n';
    expect(estimateStarts(parsed(mapped), 2).processes).toBe(2 + 3);
  });
});
