# strategies: asyncio
# asyncio's queues and locks as CPython 3.11 has them: join() waits for every task_done(), put()
# waits while the queue is full, PriorityQueue is a heap, Condition, BoundedSemaphore,
# asyncio.timeout and iscoroutinefunction.
import asyncio
import functools
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)


async def worker(name, q, log):
    while True:
        item = await q.get()
        await asyncio.sleep(0.01)
        log.append((name, item))
        q.task_done()


async def queues():
    q = asyncio.Queue()
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(2)]
    for i in range(5):
        q.put_nowait(i)
    print(q.qsize(), q.maxsize, q.full())
    await q.join()
    print("joined after", len(log), "items:", sorted(item for _, item in log))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    bounded = asyncio.Queue(maxsize=2)
    order = []

    async def producer():
        for i in range(4):
            await bounded.put(i)
            order.append(f"put {i}")

    async def consumer():
        for _ in range(4):
            await asyncio.sleep(0.01)
            order.append(f"got {await bounded.get()}")

    await asyncio.gather(producer(), consumer())
    print(order)
    bounded.put_nowait("a")
    bounded.put_nowait("b")
    print(bounded.full(), str(bounded))
    try:
        bounded.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull")

    pq = asyncio.PriorityQueue()
    for job in [Job(1, "a"), Job(1, "b"), Job(1, "c"), Job(0, "z"), Job(2, "y")]:
        await pq.put(job)
    names = []
    while not pq.empty():
        names.append((await pq.get()).name)
    print(names)
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)], lq.empty())


async def locks():
    cond = asyncio.Condition()
    ready = []

    async def waiter(n):
        async with cond:
            await cond.wait_for(lambda: len(ready) > 0)
            return f"waiter {n} saw {ready}"

    tasks = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep(0.01)
    async with cond:
        ready.append("go")
        cond.notify_all()
    print(await asyncio.gather(*tasks))
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print("inside", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


async def timeouts():
    try:
        async with asyncio.timeout(0.05) as t:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout:", type(e).__name__, t.expired(), type(e.__cause__).__name__)
    async with asyncio.timeout(1) as t:
        await asyncio.sleep(0.01)
    print("in time:", t.expired())
    async with asyncio.timeout(None) as t:
        print(repr(t))
    print(repr(t))

    async def coro():
        pass

    class Service:
        async def fetch(self):
            pass

        def sync(self):
            pass

    print(asyncio.iscoroutinefunction(coro), asyncio.iscoroutinefunction(lambda: None))
    print(asyncio.iscoroutinefunction(Service().fetch), asyncio.iscoroutinefunction(Service.sync))
    print(asyncio.iscoroutinefunction(functools.partial(coro)), asyncio.iscoroutinefunction(print))


async def main():
    await queues()
    await locks()
    await timeouts()


asyncio.run(main())
