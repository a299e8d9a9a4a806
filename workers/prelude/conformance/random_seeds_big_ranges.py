# strategies: threading
# random.seed of floats (by their hash), bytes and negative ints; randint/randrange with bounds beyond 64 bits.
import random
for seed in [12.5, -2.75, 0.0, 1e300, 3.0, -3, b"ab", "ab", 2**40]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 100))
random.seed(5)
print(random.randint(1, 2**40), random.randint(1, 2**70), random.randrange(2**100), random.randrange(-2**65, 2**65, 3))
print(random.randrange(10**30, 10**30 + 5), random.getrandbits(100))
random.seed(None); random.seed()
print("ok")
