# An error in a finally block while another propagates.
def work():
    try:
        raise ValueError("first")
    finally:
        print("cleaning up")
        {}["missing"]
work()
