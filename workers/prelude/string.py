"""A collection of string constants, capwords() and Template (CPython's string.py; Template's
placeholders are found by a scanner of its own instead of CPython's regular expression, to the
same effect: $$, $identifier, ${identifier}, and a ValueError naming the line and column of any
other $). Formatter is not here."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits', 'hexdigits',
           'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split the argument into words using split, capitalize each word using capitalize, and join
    the capitalized words using join. sep (None: runs of whitespace) splits and joins."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_id_start = '_' + ascii_letters
_id_rest = _id_start + digits


def _identifier_end(text, i):
    """The end of the identifier that starts at text[i], or i if none starts there."""
    if i >= len(text) or text[i] not in _id_start:
        return i
    j = i + 1
    while j < len(text) and text[j] in _id_rest:
        j += 1
    return j


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """The template's pieces: ('text', s), ('escaped', s), ('named', name, s), ('invalid', at, s)."""
        text = self.template
        delim = self.delimiter
        pieces = []
        start = 0
        i = text.find(delim)
        while i >= 0:
            if i > start:
                pieces.append(('text', text[start:i]))
            after = i + len(delim)
            if text.startswith(delim, after):
                pieces.append(('escaped', delim))
                start = after + len(delim)
            else:
                end = _identifier_end(text, after)
                if end > after:
                    pieces.append(('named', text[after:end], text[i:end]))
                    start = end
                elif text.startswith('{', after) and _identifier_end(text, after + 1) > after + 1 \
                        and text.startswith('}', _identifier_end(text, after + 1)):
                    end = _identifier_end(text, after + 1)
                    pieces.append(('named', text[after + 1:end], text[i:end + 1]))
                    start = end + 1
                else:
                    pieces.append(('invalid', after, delim))
                    start = after
            i = text.find(delim, start)
        if start < len(text):
            pieces.append(('text', text[start:]))
        return pieces

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    @staticmethod
    def _mapping(mapping, kws):
        if mapping is None:
            return kws
        if kws:
            merged = dict(mapping)
            merged.update(kws)
            return merged
        return mapping

    def substitute(self, mapping=None, /, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        for piece in self._scan():
            if piece[0] == 'named':
                out.append(str(mapping[piece[1]]))
            elif piece[0] == 'invalid':
                self._invalid(piece[1])
            else:
                out.append(piece[1])
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        for piece in self._scan():
            if piece[0] == 'named':
                try:
                    out.append(str(mapping[piece[1]]))
                except KeyError:
                    out.append(piece[2])
            else:
                out.append(piece[-1] if piece[0] == 'invalid' else piece[1])
        return ''.join(out)

    def is_valid(self):
        return all(piece[0] != 'invalid' for piece in self._scan())

    def get_identifiers(self):
        ids = []
        for piece in self._scan():
            if piece[0] == 'named' and piece[1] not in ids:
                ids.append(piece[1])
        return ids
