# strategies: threading
# queue.PriorityQueue keeps a heap, as CPython's does: entries that compare equal leave in the
# heap's order, not in the order they were put.
import queue
import threading
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)


pq = queue.PriorityQueue()
for job in [Job(1, "a"), Job(1, "b"), Job(1, "c"), Job(0, "z"), Job(2, "y"), Job(1, "d")]:
    pq.put(job)
done = []


def worker():
    while True:
        try:
            job = pq.get(timeout=0.05)
        except queue.Empty:
            return
        done.append(job.name)
        pq.task_done()


t = threading.Thread(target=worker)
t.start()
t.join()
print(done)
