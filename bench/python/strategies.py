"""What the lesson's programs in bench/python share: running their tasks under one of the
strategies with a number of workers, the command line (--strategy, --workers, --scale), and the
JSON line with the timed region's wall time that bench/python.ts reads.
"""
import argparse
import asyncio
import json
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Process

STRATEGIES = ["sequential", "threading", "multiprocessing", "asyncio"]


def run_tasks(strategy, workers, tasks, coroutines):
    """Runs `tasks` ([function, ...]) one after another (sequential), as one thread or process each
    when there are workers enough for all of them, else in a pool of `workers`; under asyncio runs
    `coroutines` (the same tasks as coroutine functions) at most `workers` at a time."""
    if strategy == "sequential":
        for task in tasks:
            task()
    elif strategy in ("threading", "multiprocessing"):
        if workers >= len(tasks):
            kind = threading.Thread if strategy == "threading" else Process
            started = [kind(target=task) for task in tasks]
            for task in started:
                task.start()
            for task in started:
                task.join()
        else:
            pool = ThreadPoolExecutor if strategy == "threading" else ProcessPoolExecutor
            with pool(max_workers=workers) as executor:
                for future in [executor.submit(task) for task in tasks]:
                    future.result()
    elif strategy == "asyncio":

        async def main():
            limit = asyncio.Semaphore(workers)

            async def task(coroutine):
                async with limit:
                    await coroutine()

            await asyncio.gather(*(task(coroutine) for coroutine in coroutines))

        asyncio.run(main())
    else:
        raise SystemExit(f"strategy must be one of {', '.join(STRATEGIES)}, got {strategy!r}")


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--strategy", required=True, choices=STRATEGIES)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0)
    return parser.parse_args()


def report(program, args, wall_ms):
    print(json.dumps({"program": program, "strategy": args.strategy, "workers": args.workers, "scale": args.scale, "wallMs": wall_ms}))
