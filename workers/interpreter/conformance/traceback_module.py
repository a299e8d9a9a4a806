import traceback
def inner():
    return 1 / 0
def outer():
    inner()
try:
    outer()
except ZeroDivisionError as e:
    text = traceback.format_exc()
    # stdout shows no paths: the recording names the file in full there.
    print(text.splitlines()[0], text.splitlines()[-1], text.count('  File '), text.endswith('\n'))
    print(text == ''.join(traceback.format_exception(e)) == ''.join(traceback.format_exception(type(e), e, e.__traceback__)))
    traceback.print_exc()
print(repr(traceback.format_exc()))
try:
    try:
        {}['k']
    except KeyError:
        raise ValueError('bad')
except ValueError as e:
    saved = e
traceback.print_exception(saved)
