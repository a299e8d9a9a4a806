# cls[item] calls the class's __class_getitem__, decorated or not.
class A:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
class B(A):
    pass
class C:
    @classmethod
    def __class_getitem__(cls, item):
        return [cls.__name__, item]
print(A[int], B['x'], C[1, 2])
class D:
    pass
try:
    D[0]
except TypeError as e:
    print("TypeError:", e)
