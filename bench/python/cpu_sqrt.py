"""cpu-sqrt, from the lesson (shared/seed): one task per worker, each
`for i in range(40_000_000): math.sqrt(i)`, the work scaled by --scale.

Prints the wall time of the timed region (creating, starting and joining the tasks, as the
lesson times it) as JSON on its last line.
"""
import math
import time
from functools import partial

from strategies import parse_args, report, run_tasks

ITERATIONS = 40_000_000


def calc(n):
    for i in range(0, n):
        math.sqrt(i)


async def calc_coroutine(n):
    # CPU work inside a coroutine never awaits: it blocks the event loop, as in real asyncio.
    for i in range(0, n):
        math.sqrt(i)


if __name__ == "__main__":
    args = parse_args(__doc__)
    n = int(ITERATIONS * args.scale)
    start = time.perf_counter()
    # One task per worker, like `for i in range(os.cpu_count())`.
    tasks = args.workers
    run_tasks(args.strategy, args.workers, [partial(calc, n)] * tasks, [partial(calc_coroutine, n)] * tasks)
    wall_ms = (time.perf_counter() - start) * 1000
    report("cpu-sqrt", args, wall_ms)
