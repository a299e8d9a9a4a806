# Coroutines on one thread: while one awaits a sleep, the event loop runs another.
import asyncio
import time


async def fetch(n):
    print(f"start {n}")
    await asyncio.sleep(1)
    print(f"done {n}")
    return n * 10


async def main():
    start = time.time()
    results = await asyncio.gather(*(fetch(n) for n in range(4)))
    print(results, f"in {time.time() - start:.1f} s")


asyncio.run(main())
