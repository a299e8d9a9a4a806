# The kind of CPU-bound function the lesson's programs run.
def count_primes(limit):
    count = 0
    for n in range(2, limit):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    return count
def calc(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total
results = [count_primes(1000), calc(10000)]
print(results, sum(results))
import math
print(sum(math.sqrt(i) for i in range(1000)))
