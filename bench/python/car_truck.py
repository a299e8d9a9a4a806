"""car-truck, from the lesson (shared/seed): two tasks, each 5 x (print "car"/"truck", sleep 1 s),
the sleep scaled by --scale; the main thread prints its name, starts both, joins, prints "done".

Prints the wall time of the timed region (starting the tasks to joining them) as JSON on its
last line.
"""
import asyncio
import threading
import time
from time import sleep

from strategies import parse_args, report, run_tasks

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


if __name__ == "__main__":
    args = parse_args(__doc__)
    # A module global, so Car and Truck read it under fork and under a process pool alike.
    SCALE = args.scale
    print(threading.current_thread().name, flush=True)
    start = time.perf_counter()
    run_tasks(args.strategy, args.workers, [Car, Truck], [car_coroutine, truck_coroutine])
    wall_ms = (time.perf_counter() - start) * 1000
    print("done", flush=True)
    report("car-truck", args, wall_ms)
