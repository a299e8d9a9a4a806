# strategies: asyncio
# A yield belongs to the nearest enclosing function: generators, generator methods, lambdas and
# generator expressions inside an async def are plain generators; a generator may hold an async def.
import asyncio


async def main():
    def gen():
        yield 1
        yield 2

    class Box:
        def __iter__(self):
            yield from gen()

    def evens():
        return (x for x in range(6) if x % 2 == 0)

    pump = lambda: (yield 7)
    print(list(gen()), list(Box()), list(evens()), next(pump()), [x * 10 for x in gen()])
    await asyncio.sleep(0)


def outer():
    async def inner():
        return 5
    yield asyncio.run(inner())


asyncio.run(main())
print(list(outer()))
