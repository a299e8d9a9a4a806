"""Three asyncio.to_thread calls of a 0.3 s sleep, gathered: how long the three take together
(0.3 s if the default executor's threads start at once). Runs in python3 and in the engine alike."""
import asyncio
import json
import time


def blocking_io(n):
    time.sleep(0.3)
    return n


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.to_thread(blocking_io, i) for i in range(3)))
    print(json.dumps({"wallMs": (time.perf_counter() - start) * 1000}))


asyncio.run(main())
