"""JSON (JavaScript Object Notation) encoder and decoder: CPython's json package as one module,
its pure-Python encoder (json.encoder's _make_iterencode) and a scanner of its own in place of
json.scanner's regular expressions, with the same results and error messages. GIL Lab programs
have no files, so dump() and load() are not here: dumps() and loads() are."""

__all__ = ['dumps', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}
_INFINITY = float('inf')


def _encode_basestring(s):
    """The JSON string for s: quotes, backslashes and control characters escaped."""
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif c < ' ':
            out.append('\\u%04x' % ord(c))
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def _encode_basestring_ascii(s):
    """As _encode_basestring, with every non-ASCII character a \\uXXXX escape (two past U+FFFF)."""
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif ' ' <= c <= '~':
            out.append(c)
        else:
            n = ord(c)
            if n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    """Extensible JSON encoder for Python data structures; override default() for other objects."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_basestring_ascii(o) if self.ensure_ascii else _encode_basestring(o)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        markers = {} if self.check_circular else None
        _encoder = _encode_basestring_ascii if self.ensure_ascii else _encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == _INFINITY:
                text = 'Infinity'
            elif o == -_INFINITY:
                text = '-Infinity'
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError('Out of range float values are not JSON compliant')
            return text

        return _make_iterencode(markers, self.default, _encoder, self.indent, floatstr, self.key_separator,
                                self.item_separator, self.sort_keys, self.skipkeys)(o, 0)


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr, _key_separator, _item_separator,
                     _sort_keys, _skipkeys):
    if _indent is not None and not isinstance(_indent, str):
        _indent = ' ' * _indent

    def _iterencode_list(lst, _current_indent_level):
        if not lst:
            yield '[]'
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError('Circular reference detected')
            markers[markerid] = lst
        buf = '['
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            separator = _item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = _item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            if isinstance(value, str):
                yield buf + _encoder(value)
            elif value is None:
                yield buf + 'null'
            elif value is True:
                yield buf + 'true'
            elif value is False:
                yield buf + 'false'
            elif isinstance(value, int):
                yield buf + int.__repr__(value)
            elif isinstance(value, float):
                yield buf + _floatstr(value)
            else:
                yield buf
                if isinstance(value, (list, tuple)):
                    chunks = _iterencode_list(value, _current_indent_level)
                elif isinstance(value, dict):
                    chunks = _iterencode_dict(value, _current_indent_level)
                else:
                    chunks = _iterencode(value, _current_indent_level)
                yield from chunks
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield ']'
        if markers is not None:
            del markers[markerid]

    def _iterencode_dict(dct, _current_indent_level):
        if not dct:
            yield '{}'
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError('Circular reference detected')
            markers[markerid] = dct
        yield '{'
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            item_separator = _item_separator + newline_indent
            yield newline_indent
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        items = sorted(dct.items()) if _sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')
            if first:
                first = False
            else:
                yield item_separator
            yield _encoder(key)
            yield _key_separator
            if isinstance(value, str):
                yield _encoder(value)
            elif value is None:
                yield 'null'
            elif value is True:
                yield 'true'
            elif value is False:
                yield 'false'
            elif isinstance(value, int):
                yield int.__repr__(value)
            elif isinstance(value, float):
                yield _floatstr(value)
            else:
                if isinstance(value, (list, tuple)):
                    chunks = _iterencode_list(value, _current_indent_level)
                elif isinstance(value, dict):
                    chunks = _iterencode_dict(value, _current_indent_level)
                else:
                    chunks = _iterencode(value, _current_indent_level)
                yield from chunks
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield '}'
        if markers is not None:
            del markers[markerid]

    def _iterencode(o, _current_indent_level):
        if isinstance(o, str):
            yield _encoder(o)
        elif o is None:
            yield 'null'
        elif o is True:
            yield 'true'
        elif o is False:
            yield 'false'
        elif isinstance(o, int):
            yield int.__repr__(o)
        elif isinstance(o, float):
            yield _floatstr(o)
        elif isinstance(o, (list, tuple)):
            yield from _iterencode_list(o, _current_indent_level)
        elif isinstance(o, dict):
            yield from _iterencode_dict(o, _current_indent_level)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError('Circular reference detected')
                markers[markerid] = o
            o = _default(o)
            yield from _iterencode(o, _current_indent_level)
            if markers is not None:
                del markers[markerid]

    return _iterencode


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None and indent is None
            and separators is None and default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_WS = ' \t\n\r'
_DIGITS = '0123456789'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


class JSONDecoder:
    """Simple JSON decoder: JSON objects become dicts, arrays lists, strings str, numbers int or
    float, true/false/null True/False/None (and NaN, Infinity, -Infinity floats)."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or (lambda name: _CONSTANTS[name])
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None

    def _value(self, s, idx):
        """The value at s[idx] and the index after it; StopIteration(idx) where no value starts."""
        if idx >= len(s):
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return self._string(s, idx + 1)
        if c == '{':
            return self._object(s, idx + 1)
        if c == '[':
            return self._array(s, idx + 1)
        if c == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if c == 't' and s.startswith('true', idx):
            return True, idx + 4
        if c == 'f' and s.startswith('false', idx):
            return False, idx + 5
        if c in _DIGITS or c == '-':
            number = self._number(s, idx)
            if number is not None:
                return number
        for name in ('NaN', 'Infinity', '-Infinity'):
            if s.startswith(name, idx):
                return self.parse_constant(name), idx + len(name)
        raise StopIteration(idx)

    def _number(self, s, idx):
        n = len(s)
        i = idx + 1 if s[idx] == '-' else idx
        if i >= n or s[i] not in _DIGITS:
            return None
        if s[i] == '0':
            i += 1
        else:
            while i < n and s[i] in _DIGITS:
                i += 1
        integer_end = i
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
        if i == integer_end:
            return self.parse_int(s[idx:i]), i
        return self.parse_float(s[idx:i]), i

    def _string(self, s, end):
        begin = end - 1
        chunks = []
        n = len(s)
        while True:
            start = end
            while end < n and s[end] != '"' and s[end] != '\\' and (s[end] >= ' ' or not self.strict):
                end += 1
            if end >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            chunks.append(s[start:end])
            c = s[end]
            end += 1
            if c == '"':
                return ''.join(chunks), end
            if c != '\\':
                raise JSONDecodeError('Invalid control character at', s, end - 1)
            if end >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            esc = s[end]
            if esc != 'u':
                if esc not in _BACKSLASH:
                    raise JSONDecodeError('Invalid \\escape', s, end - 1)
                chunks.append(_BACKSLASH[esc])
                end += 1
                continue
            uni = self._hex4(s, end + 1, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and s.startswith('\\u', end):
                low = self._hex4(s, end + 2, end + 1)
                if 0xdc00 <= low <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (low - 0xdc00))
                    end += 6
            chunks.append(chr(uni))

    @staticmethod
    def _hex4(s, i, at):
        digits = s[i:i + 4]
        if len(digits) == 4 and all(c in '0123456789abcdefABCDEF' for c in digits):
            return int(digits, 16)
        raise JSONDecodeError('Invalid \\uXXXX escape', s, at)

    def _object(self, s, end):
        pairs = []
        end = _skip(s, end)
        if s[end:end + 1] != '"':
            if s[end:end + 1] == '}':
                return self._finish_object(pairs), end + 1
            raise JSONDecodeError('Expecting property name enclosed in double quotes', s, end)
        end += 1
        while True:
            key, end = self._string(s, end)
            end = _skip(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            try:
                value, end = self._value(s, end)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            pairs.append((key, value))
            end = _skip(s, end)
            c = s[end:end + 1]
            end += 1
            if c == '}':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
            if s[end:end + 1] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, end)
            end += 1
        return self._finish_object(pairs), end

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def _array(self, s, end):
        values = []
        end = _skip(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            try:
                value, end = self._value(s, end)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            values.append(value)
            end = _skip(s, end)
            c = s[end:end + 1]
            end += 1
            if c == ']':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
        return values, end


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    """Deserialize s (a str holding a JSON document) to a Python object."""
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)
