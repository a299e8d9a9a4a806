import threading  # the notebook imported it in the cell before
#rename the main thread name as appropriate
threading.current_thread().name = "primary"
print(threading.current_thread().getName())
