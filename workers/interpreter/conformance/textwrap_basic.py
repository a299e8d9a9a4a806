# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper's options.
import textwrap
from textwrap import TextWrapper

text = ("The quick brown fox jumps over the lazy dog. It was a well-known, "
        "self-evident truth -- or so they said -- that foxes\tare\tquick.  Really!")
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious word", width=10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", width=10, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-word here", width=8), textwrap.wrap("a-b-c-d", width=3, break_on_hyphens=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("one\n\ntwo  three", 5))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", width=11))
print(textwrap.shorten("The quick brown fox jumps", width=15, placeholder="..."))
w = TextWrapper(width=20, max_lines=2, placeholder=" (more)")
print(w.wrap(text))
print(TextWrapper(width=15, fix_sentence_endings=True).wrap("End here. Next one. And more."))
print(TextWrapper(width=12, drop_whitespace=False).wrap("keep   the spaces  please"))
print(TextWrapper(width=12, expand_tabs=False, replace_whitespace=False).wrap("a\tb c d e f g"))
print(repr(textwrap.dedent("""\
    def f():
        return 1

    print(f())
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   \n  x\n   y")))
print(textwrap.indent("line one\nline two\n\nlast", "> "))
print(repr(textwrap.indent("a\n\nb\n", "+ ", lambda line: True)))
try:
    textwrap.wrap("x", width=0)
except ValueError as e:
    print("ValueError:", e)
try:
    TextWrapper(width=5, max_lines=1, placeholder=" [too long placeholder]").wrap("aaa bbb ccc")
except ValueError as e:
    print("ValueError:", e)
