# A traceback through __str__ called by print.
class Bad:
    def __str__(self):
        return "x" + 1
print(Bad())
