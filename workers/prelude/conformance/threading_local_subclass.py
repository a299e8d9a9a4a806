# strategies: threading, free-threading
# threading.local: a subclass's __init__ runs again, with the original arguments, in each thread that touches the object; __dict__ and del are per thread
import threading
class MyLocal(threading.local):
    def __init__(self, start=0):
        self.count = start
        print("init in", threading.current_thread().name)
    def bump(self):
        self.count += 1
        return self.count
loc = MyLocal(10)
print(loc.count, loc.bump())
def work(n):
    for _ in range(n):
        loc.bump()
    print(threading.current_thread().name, loc.count, sorted(loc.__dict__))
ts = [threading.Thread(target=work, args=(i + 1,), name=f"T{i}") for i in range(3)]
for t in ts:
    t.start()
    t.join()
print("main", loc.count)
plain = threading.local()
plain.x = 1
def other():
    print(hasattr(plain, "x"), plain.__dict__)
    plain.x = 2
    del plain.x
    try:
        del plain.x
    except AttributeError as e:
        print("AttributeError:", e)
t = threading.Thread(target=other); t.start(); t.join()
print(plain.x)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
class Bad(threading.local):
    pass
try:
    Bad(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Bad().nope
except AttributeError as e:
    print("AttributeError:", e)
