#Using the function

import threading
from time import sleep

def Car():
    for i in range(5):
        print("car")
        sleep(1)

def Truck():
    for i in range(5):
        print("truck")
        sleep(1)


print(threading.current_thread().name)
t1= threading.Thread(target=Car)
t2= threading.Thread(target=Truck)
t1.start()
#sleep(0.5)
t2.start()

t1.join()
t2.join()

print('done')
