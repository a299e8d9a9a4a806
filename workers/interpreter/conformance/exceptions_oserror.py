# OSError(errno, strerror[, filename[, winerror[, filename2]]]): attributes, str(), args, and the errno's subclass.
for a in [(2,'x'),(2,'x','f.txt'),(1,),(2,'x','f',None,'g'),(111,'refused'),(110,'t'),(17,'e'),(13,'p'),(99,'zz'),('a','b'),(2,'x','f','w','g'),(), (2, 'x', None)]:
  e=OSError(*a); print(type(e).__name__, repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
e=FileNotFoundError(2,'nf','a.txt'); print(e, repr(e))
e=TimeoutError('timed out'); print(e, e.errno, e.args)
e=OSError(); e.errno=5; print(e, e.errno)
class MyErr(OSError): pass
print(type(MyErr(2,'x')).__name__, MyErr(2,'x'))
print(type(ConnectionError(111,'x')).__name__)
class E2(OSError):
    def __init__(self, path):
        super().__init__(2, "missing", path)
e = E2("p.txt")
print(e, e.filename, e.args, isinstance(e, OSError))
try:
    raise ConnectionRefusedError(111, "Connection refused")
except OSError as e:
    print(type(e).__name__, e.errno, e)
try:
    raise FileNotFoundError(2, "No such file or directory", "data.csv")
except FileNotFoundError as e:
    print(e.strerror, e.filename)
raise OSError(2, "No such file", "x.txt")
