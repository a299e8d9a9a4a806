# String literals, escapes, concatenation, repetition.
s = 'single' "double" '''triple'''
print(s, len(s))
print("tab\tnewline\\n", r"raw\n", "unicode: \u00e9", "\x41\101")
print("ab" * 3, 3 * "x", "" * 5, "a" + "b", "-" * 0)
print("multi\
line")
print("""lines
two""")
