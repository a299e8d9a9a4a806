import string

for name in ["whitespace", "ascii_lowercase", "ascii_uppercase", "ascii_letters", "digits",
             "hexdigits", "octdigits", "punctuation", "printable"]:
    print(name, repr(getattr(string, name)))
print(string.capwords("  hello   world  "), string.capwords("a-b-c", "-"), string.capwords("ÉCOLE café"))
print([c for c in "Hello, World! 42" if c in string.ascii_letters + string.digits])
t = string.Template("$who likes ${what}, costs $$5 and $who_else")
print(t.substitute(who="tim", what="kung pao", who_else="ann"))
print(t.substitute({"who": "a", "what": "b", "who_else": "c"}, who="kw wins"))
print(t.safe_substitute(who="tim"), t.get_identifiers(), t.is_valid(), t.template)
for bad in ["a $ b", "line one\nline $2", "${unclosed", "end $", "${1}"]:
    tb = string.Template(bad)
    try:
        tb.substitute(unclosed=1)
    except ValueError as e:
        print("ValueError:", e)
    print(repr(tb.safe_substitute()), tb.is_valid(), tb.get_identifiers())
try:
    string.Template("$missing").substitute()
except KeyError as e:
    print("KeyError:", e)


class Percent(string.Template):
    delimiter = "%"


print(Percent("%name costs %%%price").substitute(name="tea", price=3))
rows = [("alice", 93.5), ("bob", 8)]
report = string.Template("$name: $score")
print("\n".join(report.substitute(name=n.capitalize(), score=f"{s:.1f}") for n, s in rows))
