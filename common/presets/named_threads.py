#Name a thread
#Using the function

import threading
from time import sleep

def Car():
    for i in range(5):
        print(threading.current_thread().name)
        print('in car function')
        sleep(1)

def Truck():
    for i in range(5):
        print(threading.current_thread().name)
        print('in truck function')
        sleep(1)


print(threading.current_thread().name)
t1= threading.Thread(name='SecondThread', target=Car)
t2= threading.Thread(name='ThirdThread', target=Truck)
t1.start()
t2.start()

t1.join()
t2.join()
