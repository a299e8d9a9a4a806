# strategies: asyncio
# await inside list, set and dict comprehensions (asynchronous comprehensions) and inside dict
# and set displays, in a coroutine: in the element, a condition, or a nested loop's iterable.
import asyncio


async def double(x):
    await asyncio.sleep(0.001 * (5 - x))
    return x * 2


async def is_even(x):
    await asyncio.sleep(0)
    return x % 2 == 0


async def main():
    tasks = [asyncio.create_task(double(i)) for i in range(5)]
    print([await t for t in tasks])
    print({await double(i) for i in range(3)}, {i: await double(i) for i in range(3)})
    print([x for x in range(6) if await is_even(x)])
    print([(i, j) for i in range(3) for j in await asyncio.gather(double(i), double(i + 1)) if j > 2])
    print({"a": await double(1), **{"b": await double(2)}}, {await double(3), 0})
    print(sum([await double(i) for i in range(4)]), len({k: v for k, v in zip("ab", [await double(1), 2])}))
    try:
        [await double(i) / (i - 2) for i in range(4)]
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print([await double(i) for i in []], i if "i" in dir() else "no i leak")


asyncio.run(main())
