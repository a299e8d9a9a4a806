# An uncaught AttributeError suggests the closest attribute, as CPython 3.11 does.
class Account:
    def __init__(self):
        self.balance = 10
    def deposit(self, n):
        self.balance += n
a = Account()
a.deposit(5)
print(a.balance)
a.depositt(5)
