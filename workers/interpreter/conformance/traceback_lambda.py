# Frames of lambdas are named <lambda>.
f = lambda x: x.upper()
print(f("ok"))
print(list(map(f, ["a", 1])))
