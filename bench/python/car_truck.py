"""car-truck, from the lesson (shared/seed): two tasks, each 5 x (print "car"/"truck", sleep 1 s),
the sleep scaled by --scale; the main thread prints its name, starts both, joins, prints "done".

Prints the wall time of the timed region (starting the tasks to joining them) as JSON on its
last line.
"""
import argparse
import asyncio
import json
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Process
from time import sleep

SCALE = 1.0


def Car():
    for i in range(5):
        print("car", flush=True)
        sleep(1 * SCALE)


def Truck():
    for i in range(5):
        print("truck", flush=True)
        sleep(1 * SCALE)


async def car_coroutine():
    for i in range(5):
        print("car", flush=True)
        await asyncio.sleep(1 * SCALE)


async def truck_coroutine():
    for i in range(5):
        print("truck", flush=True)
        await asyncio.sleep(1 * SCALE)


def run(strategy, workers):
    if strategy == "sequential":
        Car()
        Truck()
    elif strategy in ("threading", "multiprocessing"):
        if workers >= 2:
            kind = threading.Thread if strategy == "threading" else Process
            t1 = kind(target=Car)
            t2 = kind(target=Truck)
            t1.start()
            t2.start()
            t1.join()
            t2.join()
        else:
            pool = ThreadPoolExecutor if strategy == "threading" else ProcessPoolExecutor
            with pool(max_workers=workers) as executor:
                for future in [executor.submit(Car), executor.submit(Truck)]:
                    future.result()
    elif strategy == "asyncio":

        async def main():
            limit = asyncio.Semaphore(workers)

            async def task(coroutine):
                async with limit:
                    await coroutine()

            await asyncio.gather(task(car_coroutine), task(truck_coroutine))

        asyncio.run(main())
    else:
        raise SystemExit(f"strategy must be one of sequential, threading, multiprocessing, asyncio, got {strategy!r}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strategy", required=True, choices=["sequential", "threading", "multiprocessing", "asyncio"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    # A module global, so Car and Truck read it under fork and under a process pool alike.
    SCALE = args.scale
    print(threading.current_thread().name, flush=True)
    start = time.perf_counter()
    run(args.strategy, args.workers)
    wall_ms = (time.perf_counter() - start) * 1000
    print("done", flush=True)
    print(json.dumps({"program": "car-truck", "strategy": args.strategy, "workers": args.workers, "scale": args.scale, "wallMs": wall_ms}))
