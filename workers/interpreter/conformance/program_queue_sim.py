# A queue simulation with lists used as FIFO and LIFO.
queue = []
for i in range(5):
    queue.append(f"job{i}")
done = []
while queue:
    job = queue.pop(0)
    if job == "job2":
        queue.append("job2-retry")
        continue
    done.append(job)
print(done)
stack = list(range(3))
print([stack.pop() for _ in range(len(stack))], stack)
