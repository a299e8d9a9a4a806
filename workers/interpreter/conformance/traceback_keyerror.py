# KeyError's message is the repr of the key.
config = {"host": "localhost"}
def get(key):
    return config[key]
get("port")
