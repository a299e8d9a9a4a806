# A bank account class with a transaction log and errors.
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} is less than {amount}")
        self.balance = balance
        self.amount = amount
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        self.balance += amount
        self.log.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return self
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
a = Account("ann", 100)
a.deposit(50).withdraw(30)
try:
    a.withdraw(1000)
except InsufficientFunds as e:
    print("refused:", e, e.amount - e.balance)
print(a, a.log)
accounts = [Account("bob", 5), a, Account("cy", 70)]
for acc in sorted(accounts, key=lambda x: x.balance, reverse=True):
    print(f"{acc.owner:<5}{acc.balance:>8.2f}{acc.balance * Account.interest:>8.3f}")
