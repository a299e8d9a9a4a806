# An uncaught custom exception shows its qualified name.
class ConfigError(Exception):
    pass
def check(n):
    if n > 2:
        raise ConfigError("too many workers", n)
for i in range(5):
    print("checking", i)
    check(i)
