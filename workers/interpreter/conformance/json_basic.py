import json
from dataclasses import dataclass, asdict

data = {"name": "worker-1", "results": [1, 2.5, None, True, False], "nested": {"ok": [], "empty": {}},
        "text": 'quote " backslash \\ newline \n tab \t é 😀 \x01'}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, [3, {}]], []], indent="\t"))
print(json.dumps({"b": 1, "a": [1, 2]}, separators=(",", ":")))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps((1, 2)), json.dumps("é"), json.dumps(1e20), json.dumps(0.1), json.dumps(-0.0), json.dumps(10**20))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
for bad, kwargs in [({(1, 2): 3}, {}), (object(), {}), ([float("nan")], {"allow_nan": False}), ({1, 2}, {})]:
    try:
        json.dumps(bad, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)


@dataclass
class Point:
    x: int
    y: int


print(json.dumps({"p": Point(1, 2)}, default=asdict))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"tags": {"b", "a"}}, cls=SetEncoder), SetEncoder().encode([{"x"}]))

doc = '{"a": [1, 2.5, -3e2, true, false, null, "s\\u00e9\\n\\ud83d\\ude00"], "b": {"c": {}}, "d": -0, "e": 1E3}'
print(json.loads(doc))
print(json.loads(json.dumps(data)) == data, json.loads("  [1 , 2 ]  "), json.loads('"x"'), json.loads("NaN") != json.loads("NaN"))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads("[1.5]", parse_float=str))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads("[7]", parse_int=float))
for bad in ["{bad", "[1, 2,]", '{"a":1,}', '{"a" 1}', '{"a":1 "b":2}', "[1 2]", '"abc', '"a\\qb"', '"\\u12"',
            '"a\x01"', "1 2", "", "   ", "-", "01", "tru", '{"a":', "[", "{", '[1,\n 2,\n oops]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, (e.msg, e.pos, e.lineno, e.colno))
try:
    json.loads(42)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError), json.JSONDecoder().decode("[true]"))
print(json.JSONDecoder().raw_decode('{"a": 1} trailing'))
