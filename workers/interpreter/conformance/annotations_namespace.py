from typing import List, Optional
x: int = 5
y: "str"
class C:
    a: int
    b: List[int] = []
    c: Optional[str] = None
    def f(self):
        local: int = 3
        other: Undefined
        return local
print(x, C.__annotations__, C.b, C().f(), __annotations__)
print('a' in C.__dict__, C.__dict__['__annotations__'] is C.__annotations__)
try:
    z: Undefined = 1
except NameError as e:
    print("NameError:", e)
