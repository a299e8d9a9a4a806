# strategies: asyncio
# asyncio.shield(): cancelling the task that awaits it (or a wait_for timeout) cancels the outer
# future only; the shielded work goes on to its end.
import asyncio

log = []


async def save(name, delay):
    await asyncio.sleep(delay)
    log.append(f"saved {name}")
    return name


async def main():
    print(await asyncio.shield(save("quick", 0.01)))
    inner = asyncio.create_task(save("slow", 0.1))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.02)
    except asyncio.TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    print(await inner, log)

    async def caller(fut):
        return await asyncio.shield(fut)

    work = asyncio.create_task(save("background", 0.05))
    c = asyncio.create_task(caller(work))
    await asyncio.sleep(0.01)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("caller cancelled", work.cancelled())
    print(await work, log)

    async def fails():
        raise ValueError("inner failed")

    try:
        await asyncio.shield(fails())
    except ValueError as e:
        print("ValueError:", e)
    done = asyncio.create_task(save("done", 0))
    await done
    print(asyncio.shield(done) is done)


asyncio.run(main())
