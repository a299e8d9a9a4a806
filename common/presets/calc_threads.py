#Multithreading:
import os, math
import threading
import time

def calc():
    for i in range(0,40000000):
        math.sqrt(i)

threads = []

st = time.time()

for i in range(os.cpu_count()):
    print('registering thread %d' %i)
    threads.append(threading.Thread(target=calc))

for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

end = time.time()

print(end-st)
