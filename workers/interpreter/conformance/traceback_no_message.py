# An exception without a message prints only its type.
def stop():
    raise StopIteration
try:
    stop()
except StopIteration:
    print("caught once")
raise NotImplementedError
