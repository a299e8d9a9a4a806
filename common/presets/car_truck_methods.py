#Without extending the thread class
from threading import *
import threading
from time import sleep

class Car():
    def A(self):
        for i in range(5):
            print("car")
            sleep(0.3)
            
class Truck():
    def B(self):
        for i in range(5):
            print("truck")
            sleep(0.3)

t1 = Car()
t2 = Truck()
print(threading.current_thread().name)

t1= threading.Thread(target=t1.A)
t2= threading.Thread(target=t2.B)

t1.start()
sleep(0.2)
t2.start()

t1.join()
t2.join()
print('done')
