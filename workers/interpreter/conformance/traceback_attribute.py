# AttributeError on None, uncaught.
class Node:
    def __init__(self):
        self.next = None
n = Node()
print(n.next)
print(n.next.value)
