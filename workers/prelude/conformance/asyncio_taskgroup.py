# strategies: asyncio
# asyncio.TaskGroup as CPython 3.11 has it: it waits for its tasks; the first failure cancels the
# others and the body, and the failures come out as an ExceptionGroup (caught with except* or
# except ExceptionGroup); cancelling the parent cancels the tasks; a finished group refuses tasks.
import asyncio


async def work(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()


async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def guarded(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(name)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def results():
    log = []
    async with asyncio.TaskGroup() as tg:
        slow = tg.create_task(work("slow", 0.03, log), name="slow-one")
        quick = tg.create_task(work("quick", 0.01, log))
        middle = tg.create_task(work("middle", 0.02, log))
        print("in the body:", slow.get_name(), slow.done(), log)
    print("after:", log, [t.result() for t in (slow, quick, middle)])


async def failure_cancels_siblings():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(guarded("sibling", 0.2, log))
            tg.create_task(fail(0.01, ValueError("bad value")))
            await asyncio.sleep(1)
            log.append("body went on")
    except* ValueError as eg:
        print("except* ValueError:", repr(eg), eg.exceptions)
    print("log:", log)


async def two_failures():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.01, KeyError("k")))
            tg.create_task(fail(0.01, TypeError("t")))
    except ExceptionGroup as eg:
        print(str(eg), sorted(type(e).__name__ for e in eg.exceptions))
        m, rest = eg.split(KeyError)
        print(len(m.exceptions), len(rest.exceptions), repr(m.exceptions[0]))


async def body_raises():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(guarded("pending", 0.2, log))
            await asyncio.sleep(0.01)
            raise RuntimeError("from the body")
    except* RuntimeError as eg:
        print("body error:", eg.exceptions, log)


async def nested():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(fail(0.05, ValueError("outer task")))

            async def inner_group():
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(fail(0.005, OSError("inner task")))

            outer.create_task(inner_group())
    except* OSError as eg:
        print("OSError part:", repr(eg))
    except* ValueError as eg:
        print("ValueError part:", repr(eg))


async def parent_cancelled():
    log = []

    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(guarded("a", 0.2, log))
            tg.create_task(guarded("b", 0.3, log))

    task = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("parent cancelled:", sorted(log), task.cancelled())


async def with_timeout():
    log = []
    try:
        async with asyncio.timeout(0.02):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(guarded("too slow", 0.5, log))
                tg.create_task(work("in time", 0.01, log))
    except TimeoutError:
        print("timed out:", log, asyncio.current_task().cancelling())


async def misuse():
    tg = asyncio.TaskGroup()
    coro = work("x", 0, [])
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print(e)
    async with tg:
        pass
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print(e)
    coro.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(e)


async def main():
    await results()
    await failure_cancels_siblings()
    await two_failures()
    await body_raises()
    await nested()
    await parent_cancelled()
    await with_timeout()
    await misuse()
    print("gather still:", await asyncio.gather(work("g1", 0.01, []), work("g2", 0, [])))


asyncio.run(main())
with asyncio.Runner() as runner:
    print(runner.run(work("runner", 0, [])), runner.run(work("again", 0, [])))
