# strategies: threading, free-threading
# The queue consumer idiom: for item in iter(q.get, None) inside a thread.
import threading, queue
q = queue.Queue()
out = []
def consumer():
    for item in iter(q.get, None):
        out.append(item * 10)
t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    q.put(i)
q.put(None)
t.join()
print(out)
