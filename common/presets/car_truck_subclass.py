#Extending the thread class

from threading import *
import threading
from time import sleep

class Car(Thread):
    def run(self):
        for i in range(5):
            print("car")
            sleep(0.3)
            
class Truck(Thread):
    def run(self):
        for i in range(5):
            print("truck")
            sleep(0.3)

t1 = Car()
t2 = Truck()
print(threading.current_thread().name)
t1.start()
sleep(0.2)
t2.start()

print('done')
