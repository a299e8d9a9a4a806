import heapq
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
l = [9, 4, 7, 1]; heapq.heapify(l); print(l, heapq.heapreplace(l, 6), heapq.heappushpop(l, 0), l)
print(list(heapq.merge([1, 4, 7], [2, 5], [3])), list(heapq.merge("ace", "bd", reverse=False)))
print(list(heapq.merge([7, 4, 1], [5, 2], reverse=True)), list(heapq.merge(["aa", "b"], ["ccc"], key=len)))
for f, a in [(heapq.heappop, ([],)), (heapq.heappush, ((), 1)), (heapq.heapify, ((),))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
