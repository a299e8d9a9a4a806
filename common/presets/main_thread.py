import threading
print(threading.current_thread().getName())
