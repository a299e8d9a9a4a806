# Case methods.
s = "hello World, it's PYTHON 3"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ß".upper(), "İ".lower() == "i̇", "ǅ".lower())
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), " \t".isspace(), "Abc".istitle(), "abc".islower(), "ABC".isupper(), "".isdigit(), "a b".isalpha())
print("snake_case_name".title(), "they're bill's".title(), "hello"[0].upper() + "hello"[1:])
