# Calling with missing arguments, uncaught.
def connect(host, port):
    return f"{host}:{port}"
print(connect("a", 1))
connect("only-host")
