# An uncaught exception from nested calls prints the whole traceback.
def parse(text):
    return int(text)
def load(values):
    return [parse(v) for v in values]
print("start")
load(["1", "two"])
