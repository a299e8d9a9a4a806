"""cpu-sqrt, from the lesson (shared/seed): one task per worker, each
`for i in range(40_000_000): math.sqrt(i)`, the work scaled by --scale.

Prints the wall time of the timed region (creating, starting and joining the tasks, as the
lesson times it) as JSON on its last line.
"""
import argparse
import asyncio
import json
import math
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Process

ITERATIONS = 40_000_000


def calc(n):
    for i in range(0, n):
        math.sqrt(i)


async def calc_coroutine(n):
    # CPU work inside a coroutine never awaits: it blocks the event loop, as in real asyncio.
    for i in range(0, n):
        math.sqrt(i)


def run(strategy, workers, n):
    tasks = workers  # one task per worker, like `for i in range(os.cpu_count())`
    if strategy == "sequential":
        for _ in range(tasks):
            calc(n)
    elif strategy in ("threading", "multiprocessing"):
        if workers >= tasks:
            kind = threading.Thread if strategy == "threading" else Process
            started = [kind(target=calc, args=(n,)) for _ in range(tasks)]
            for task in started:
                task.start()
            for task in started:
                task.join()
        else:
            pool = ThreadPoolExecutor if strategy == "threading" else ProcessPoolExecutor
            with pool(max_workers=workers) as executor:
                list(executor.map(calc, [n] * tasks))
    elif strategy == "asyncio":

        async def main():
            limit = asyncio.Semaphore(workers)

            async def task():
                async with limit:
                    await calc_coroutine(n)

            await asyncio.gather(*(task() for _ in range(tasks)))

        asyncio.run(main())
    else:
        raise SystemExit(f"strategy must be one of sequential, threading, multiprocessing, asyncio, got {strategy!r}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strategy", required=True, choices=["sequential", "threading", "multiprocessing", "asyncio"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    n = int(ITERATIONS * args.scale)
    start = time.perf_counter()
    run(args.strategy, args.workers, n)
    wall_ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"program": "cpu-sqrt", "strategy": args.strategy, "workers": args.workers, "scale": args.scale, "wallMs": wall_ms}))
