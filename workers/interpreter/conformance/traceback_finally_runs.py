# finally runs before the traceback is printed.
def work():
    try:
        print("working")
        raise OSError("disk gone")
    finally:
        print("cleanup")
work()
