# strategies: threading
# sys.exit in a thread ends the thread silently; sys.exit("message") prints it to stderr and exits with status 1.
import sys, threading
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit()", e.code)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
def work():
    print("thread working")
    sys.exit("thread exits")
t = threading.Thread(target=work)
t.start()
t.join()
print("main goes on", t.is_alive())
sys.exit("fatal: bad config")
