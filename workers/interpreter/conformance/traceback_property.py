# A traceback through a property getter.
class Lazy:
    @property
    def value(self):
        return self.compute()
    def compute(self):
        return 1 // 0
print(Lazy().value)
