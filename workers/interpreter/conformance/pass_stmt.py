# pass in every block.
def f():
    pass
class C:
    pass
if True:
    pass
for _ in range(2):
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print(f(), C.__name__)
