# printf-style formatting.
print("%5.2f|%-5d|%r|%s|%x|%X|%o|%e|%g|%%" % (3.14159, 42, "a", [1, "b"], 255, 255, 8, 1234.5, 0.0001))
print("%s" % "alone", "%d items" % 3, "%s and %s" % (1, 2), "%s" % ((1, 2),), "%(a)s-%(b)d" % {"a": "x", "b": 5})
print("%05d|%+d|% d|%-6s|%6s|%.3s|%c|%c|%i|%#x|%#o|%5.1f%%" % (42, 5, 5, "ab", "ab", "abcdef", 65, "z", 7, 255, 8, 99.55))
print("%s" % None, "%s" % [1], "%r" % {"k": 1}, "%d" % 3.99, "%d" % True, "%.2f" % 2, "%x" % -255, "%10.4f|" % -3.14159, "%-10s|" % "left")
for bad in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2))]:
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print(e)
