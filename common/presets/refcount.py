import sys
a = []
b = a
sys.getrefcount(a)
