# global declarations.
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
def make_new():
    global created
    created = "yes"
make_new()
print(created)
x = "module"
def shadow():
    x = "local"
    return x
print(shadow(), x)
