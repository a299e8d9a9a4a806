#Multiprocessing:
import os, math
from multiprocessing import Process
import time


def calc():
    for i in range(0,40000000):
        math.sqrt(i)


if __name__ == "__main__":
    processes = []
    st = time.time()

    for i in range(os.cpu_count()):
        print('registering process %d' %i)
        processes.append(Process(target=calc))

    for process in processes:
        process.start()

    for process in processes:
        process.join()
    end = time.time()
    print(end-st)
