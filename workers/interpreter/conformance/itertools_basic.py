import itertools
from itertools import (count, cycle, repeat, chain, islice, product, permutations, combinations,
                       combinations_with_replacement, accumulate, groupby, starmap, zip_longest,
                       takewhile, dropwhile, tee, pairwise, compress, filterfalse)
c = count(5)
print(next(c), next(c), c, count(1, 2), list(islice(count(0, 0.5), 4)), repeat('x', 3), repeat(1))
print(list(islice(cycle('ab'), 5)), list(repeat(7, 3)), list(zip(range(3), repeat(0))))
print(list(chain([1, 2], 'ab', (3,))), list(chain.from_iterable([[1], [2, 3]])), list(chain()))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
for bad in [(-1,), (0, -1), ('a',), (0, 5, 0)]:
    try:
        islice('abc', *bad)
    except ValueError as e:
        print("ValueError:", e)
print(list(product('ab', [1, 2])), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations('abc', 2)), len(list(permutations(range(4)))), list(permutations('ab', 3)))
print(list(combinations('abcd', 2)), list(combinations(range(3), 0)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('abc', 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)), list(accumulate([])))
print([(k, list(g)) for k, g in groupby('aaabccdd')])
print([(k, len(list(g))) for k, g in groupby(sorted([3, 1, 4, 1, 5, 9, 2, 6]), key=lambda v: v % 2)])
groups = groupby('aabbc'); keys = [k for k, _ in groups]; print(keys)
g = groupby('aabb'); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(zip_longest('abc', [1], fillvalue='-')), list(zip_longest()))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
a, b = tee([1, 2, 3]); print(next(a), list(a), list(b), len(tee('x', 3)))
print(list(pairwise('abcd')), list(pairwise('a')), list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(filterfalse(lambda x: x % 2, range(6))))
print(sum(x * y for x, y in product(range(3), repeat=2)))
