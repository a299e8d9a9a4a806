# Chained comparisons, is, ==, ordering across types.
x = 5
print(1 < x < 10, 1 < x > 10, 1 == 1.0 == True, 3 > 2 > 1, 1 < 2 < 3 < 2, x == 5 != 6)
a = [1]
b = [1]
print(a == b, a is b, a is not b, None is None, a is not None, a is a)
print(2 < 2.5, 3 >= 3, "a" < "b", (1, 2) <= (1, 2), [3] > [2, 9], True < 2, -1 < False)
for left, right in [(1, "a"), ("a", None), ([1], (1,)), (None, None)]:
    try:
        print(left < right)
    except TypeError as e:
        print(e)
print(1 == "1", [1] == (1,), {} == [], None == 0, float("nan") != float("nan"))
def side(v):
    print("eval", v)
    return v
print(side(1) < side(2) < side(0) < side(5))
