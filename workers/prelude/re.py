"""re: regular expressions for str patterns, on the _re engine (JavaScript's RegExp with Python's
syntax translated: see workers/interpreter/modules/re.ts for what differs from CPython). Bytes
patterns are not supported. The flags are ints here, not RegexFlag members."""
import _re

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', 'compile',
           'purge', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'M', 'S', 'X', 'U',
           'ASCII', 'IGNORECASE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE', 'NOFLAG']

NOFLAG = 0
A = ASCII = 256
I = IGNORECASE = 2
M = MULTILINE = 8
S = DOTALL = 16
X = VERBOSE = 64
U = UNICODE = 32

_flag_names = [(256, 'ASCII'), (2, 'IGNORECASE'), (8, 'MULTILINE'), (16, 'DOTALL'), (32, 'UNICODE'), (64, 'VERBOSE')]


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
            else:
                msg = '%s at position %d' % (msg, pos)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        if not isinstance(pattern, str):
            raise TypeError("GIL Lab's re supports str patterns only, not %s" % type(pattern).__name__)
        try:
            self.flags, self.groups, names = _re.compile(pattern, flags)
        except ValueError as e:
            msg, pos = str(e).split('\0')
            raise error(msg, pattern, int(pos)) from None
        self.pattern = pattern
        self._flags_in = flags
        self.groupindex = dict(names)

    def __repr__(self):
        flags = self.flags & ~32 if not self.flags & 256 else self.flags
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if not flags:
            return 're.compile(%s)' % text
        names = [n for v, n in _flag_names if flags & v]
        return 're.compile(%s, %s)' % (text, '|'.join('re.' + n for n in names))

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _check(self, string):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)

    def _exec(self, string, pos, endpos, mode):
        self._check(string)
        spans = _re.exec(self.pattern, self._flags_in, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, len(string) if endpos is None else min(max(endpos, 0), len(string)))

    def search(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 2)

    def _all(self, string, pos=0):
        self._check(string)
        return [Match(self, string, s, pos, len(string)) for s in _re.all(self.pattern, self._flags_in, string, pos)]

    def finditer(self, string, pos=0, endpos=None):
        if endpos is not None:
            string = string[:endpos]
        return iter(self._all(string, pos))

    def findall(self, string, pos=0, endpos=None):
        if endpos is not None:
            string = string[:endpos]
        out = []
        for m in self._all(string, pos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m.group(1) or '')
            else:
                out.append(tuple(g or '' for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self._all(string):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            if not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            template = _parse_template(repl, self)
            expand = lambda m: _expand(template, m)
        out = []
        last = 0
        n = 0
        for m in self._all(string):
            if count and n >= count:
                break
            out.append(string[last:m.start()])
            piece = expand(m)
            if not isinstance(piece, str):
                raise TypeError("expected str instance, %s found" % type(piece).__name__)
            out.append(piece)
            last = m.end()
            n += 1
        out.append(string[last:])
        return ''.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


_escapes = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}


def _parse_template(repl, pattern):
    """A replacement string as a list of literal strings and group numbers."""
    parts = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', repl, start)
        c = repl[i]
        i += 1
        group = None
        if c == 'g':
            if i >= n or repl[i] != '<':
                raise error('missing <', repl, i)
            end = repl.find('>', i + 1)
            if end < 0:
                raise error('missing >, unterminated name', repl, i + 1)
            name = repl[i + 1:end]
            if not name:
                raise error('missing group name', repl, i + 1)
            if name.isdigit():
                group = int(name)
                if group > pattern.groups:
                    raise error('invalid group reference %d' % group, repl, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                group = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 1)
            i = end + 1
        elif c.isdigit() and c != '0':
            digits = c
            if i < n and repl[i].isdigit():
                digits += repl[i]
                i += 1
            group = int(digits)
            if group > pattern.groups:
                raise error('invalid group reference %d' % group, repl, start + 1)
        elif c == '0':
            literal.append('\0')
            continue
        elif c in _escapes:
            literal.append(_escapes[c])
            continue
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\%s' % c, repl, start)
        else:
            literal.append('\\' + c)
            continue
        if literal:
            parts.append(''.join(literal))
            literal = []
        parts.append(group)
    if literal:
        parts.append(''.join(literal))
    return parts


def _expand(template, m):
    return ''.join(p if isinstance(p, str) else (m.group(p) or '') for p in template)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos
        self.lastindex = None
        best = -1
        for g in range(1, pattern.groups + 1):
            if spans[2 * g] >= 0 and spans[2 * g + 1] >= best:
                best = spans[2 * g + 1]
                self.lastindex = g
        self.lastgroup = None
        if self.lastindex is not None:
            for name, g in pattern.groupindex.items():
                if g == self.lastindex:
                    self.lastgroup = name

    def _index(self, g):
        if isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
        elif isinstance(g, int) and 0 <= g <= self.re.groups:
            return g
        raise IndexError('no such group')

    def _group(self, g):
        i = self._index(g)
        s, e = self._spans[2 * i], self._spans[2 * i + 1]
        return None if s < 0 else self.string[s:e]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(default if v is None else v for v in (self._group(g) for g in range(1, self.re.groups + 1)))

    def groupdict(self, default=None):
        out = {}
        for name, g in self.re.groupindex.items():
            v = self._group(g)
            out[name] = default if v is None else v
        return out

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group(0))


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping occurrences of the pattern in string by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern, returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression caches."""
    _cache.clear()


_special_chars = {c: '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    return ''.join(_special_chars.get(c, c) for c in pattern)
