// bytes: its methods work on the bytes as a latin-1 string (one character per byte), mostly through
// str's own methods; case and whitespace are ASCII's, as CPython's bytes methods have them.
import { call } from './attributes';
import { setName } from './compare';
import { pyError } from './errors';
import { isIterable, toArray } from './iteration';
import { charge, defineMethod } from './native';
import {
  lookupType,
  PyBuiltin,
  PyBytes,
  PyClassMethod,
  PyList,
  PyTuple,
  typeOf,
  types,
  type Kwargs,
  type PyValue,
} from './objects';
import { asIndex } from './operators';

/** The bytes as a string of one character per byte. */
export function latin1(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return s;
}

/** A string of characters below 256 as bytes. */
export function fromLatin1(s: string): PyBytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return new PyBytes(out);
}

function bytesLike(v: PyValue): string {
  if (v instanceof PyBytes) return latin1(v.data);
  throw pyError('TypeError', `a bytes-like object is required, not '${typeOf(v).name}'`);
}

/** `item in b`: a subsequence, or a byte value. */
export function bytesContains(b: PyBytes, item: PyValue): boolean {
  if (typeof item === 'number' || typeof item === 'boolean' || typeof item === 'bigint') {
    const i = asIndex(item);
    if (i < 0 || i > 255) throw pyError('ValueError', 'byte must be in range(0, 256)');
    return b.data.includes(i);
  }
  return latin1(b.data).includes(bytesLike(item));
}

/** b % values: as str's %, with bytes for %s and %b. */
export function bytesPercent(template: PyBytes, values: PyValue, percent: (t: string, v: PyValue) => string): PyBytes {
  const arg = (v: PyValue): PyValue => {
    if (v instanceof PyBytes) return latin1(v.data);
    if (typeof v === 'string')
      throw pyError('TypeError', "%b requires a bytes-like object, or an object that implements __bytes__, not 'str'");
    return v;
  };
  const args = values instanceof PyTuple ? new PyTuple(values.items.map(arg)) : arg(values);
  const text = percent(latin1(template.data).replaceAll('%b', '%s'), args);
  return fromLatin1(text.replace(/[^\0-\xff]/g, '?'));
}

const asciiSpace = /[ \t\n\v\f\r]/;

function splitSpace(s: string, max: number, fromRight: boolean): string[] {
  const words = s.split(/[ \t\n\v\f\r]+/).filter((w) => w !== '');
  if (max < 0 || words.length <= max + 1) return words;
  // Keep the rest (with its inner whitespace) as the last (or first) part.
  const out: string[] = [];
  let rest = fromRight ? s.replace(/[ \t\n\v\f\r]+$/, '') : s.replace(/^[ \t\n\v\f\r]+/, '');
  for (let k = 0; k < max; k++) {
    const m = fromRight ? /[ \t\n\v\f\r]+([^ \t\n\v\f\r]+)$/.exec(rest) : /^([^ \t\n\v\f\r]+)[ \t\n\v\f\r]+/.exec(rest);
    if (!m) break;
    out.push(m[1]);
    rest = fromRight ? rest.slice(0, m.index) : rest.slice(m[0].length);
  }
  return fromRight ? [rest, ...out.reverse()] : [...out, rest];
}

function stripSpace(s: string, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && asciiSpace.test(s[a])) a++;
  if (right) while (b > a && asciiSpace.test(s[b - 1])) b--;
  return s.slice(a, b);
}

/** A str method's result back as bytes: strings, and the strings in a list or tuple. */
function back(v: PyValue): PyValue {
  if (typeof v === 'string') return fromLatin1(v);
  if (v instanceof PyList) return new PyList(v.items.map(back));
  if (v instanceof PyTuple) return new PyTuple(v.items.map(back));
  return v;
}

/** A bytes argument as latin-1 text (a tuple of them for startswith); ints and None as they are. */
function strArg(v: PyValue): PyValue {
  if (v instanceof PyBytes) return latin1(v.data);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(strArg));
  if (typeof v === 'string') bytesLike(v);
  return v;
}

export function initBytesType(): void {
  const bytes = types.bytes;
  const m = (name: string, f: (s: string, args: PyValue[], kwargs: Kwargs) => PyValue) =>
    defineMethod(bytes, name, (self, args, kwargs) => {
      const data = (self as PyBytes).data;
      charge(data.length / 16);
      return f(latin1(data), args, kwargs);
    });
  /** The str method of the same name, on latin-1 text. */
  const viaStr = (name: string) =>
    m(name, (s, args, kwargs) => {
      const f = lookupType(types.str, name)!;
      const kw = kwargs && new Map([...kwargs].map(([k, v]) => [k, strArg(v)]));
      return back(call(f, [s, ...args.map(strArg)], kw));
    });
  for (const name of ['replace', 'startswith', 'endswith', 'partition', 'rpartition']) viaStr(name);
  // find, count, index …: the first argument may be a byte value; a str is refused with their message.
  const needle = (v: PyValue): PyValue => {
    if (typeof v === 'number' || typeof v === 'boolean') return String.fromCharCode(asIndex(v) & 255);
    if (typeof v === 'string')
      throw pyError('TypeError', `argument should be integer or bytes-like object, not '${typeOf(v).name}'`);
    return strArg(v);
  };
  for (const name of ['find', 'rfind', 'count'])
    m(name, (s, args) =>
      call(lookupType(types.str, name)!, [s, ...args.map((a, i) => (i === 0 ? needle(a) : a))], null),
    );
  for (const name of ['zfill', 'expandtabs', 'splitlines', 'center', 'ljust', 'rjust']) viaStr(name);
  for (const [name, fromRight] of [
    ['index', false],
    ['rindex', true],
  ] as const)
    m(name, (s, args) => {
      const i = call(
        lookupType(types.str, fromRight ? 'rfind' : 'find')!,
        [s, ...args.map((a, k) => (k === 0 ? needle(a) : a))],
        null,
      );
      if (i === -1) throw pyError('ValueError', 'subsection not found');
      return i;
    });
  m('upper', (s) => fromLatin1(s.replace(/[a-z]+/g, (w) => w.toUpperCase())));
  m('lower', (s) => fromLatin1(s.replace(/[A-Z]+/g, (w) => w.toLowerCase())));
  m('isdigit', (s) => /^[0-9]+$/.test(s));
  m('isalpha', (s) => /^[a-zA-Z]+$/.test(s));
  m('isalnum', (s) => /^[a-zA-Z0-9]+$/.test(s));
  m('isspace', (s) => /^[ \t\n\v\f\r]+$/.test(s));
  m('isupper', (s) => /[A-Z]/.test(s) && !/[a-z]/.test(s));
  m('islower', (s) => /[a-z]/.test(s) && !/[A-Z]/.test(s));
  m('isascii', (s) => /^[\0-\x7f]*$/.test(s));
  const splitter = (name: 'split' | 'rsplit') =>
    m(name, (s, args, kwargs) => {
      const sep = args[0] ?? kwargs?.get('sep') ?? null;
      const max = args[1] ?? kwargs?.get('maxsplit') ?? -1;
      if (sep === null) return back(new PyList(splitSpace(s, asIndex(max), name === 'rsplit')));
      return back(call(lookupType(types.str, name)!, [s, strArg(sep), max], null));
    });
  splitter('split');
  splitter('rsplit');
  for (const [name, left, right] of [
    ['strip', true, true],
    ['lstrip', true, false],
    ['rstrip', false, true],
  ] as const)
    m(name, (s, args) => {
      const chars = args[0] ?? null;
      if (chars === null) return fromLatin1(stripSpace(s, left, right));
      return back(call(lookupType(types.str, name)!, [s, strArg(chars)], null));
    });
  m('join', (s, args) => {
    if (!isIterable(args[0])) throw pyError('TypeError', 'can only join an iterable');
    const items = toArray(args[0]);
    charge(items.length);
    return fromLatin1(
      items
        .map((x, i) => {
          if (x instanceof PyBytes) return latin1(x.data);
          throw pyError('TypeError', `sequence item ${i}: expected a bytes-like object, ${typeOf(x).name} found`);
        })
        .join(s),
    );
  });
  m('decode', (s, args, kwargs) => {
    const encoding = String(args[0] ?? kwargs?.get('encoding') ?? 'utf-8')
      .toLowerCase()
      .replace(/_/g, '-');
    if (encoding === 'latin-1' || encoding === 'latin1' || encoding === 'iso-8859-1') return s;
    if (encoding === 'ascii') {
      const bad = s.search(/[^\0-\x7f]/);
      if (bad >= 0)
        throw pyError(
          'UnicodeDecodeError',
          `'ascii' codec can't decode byte 0x${s.charCodeAt(bad).toString(16)} in position ${bad}: ordinal not in range(128)`,
        );
      return s;
    }
    return new TextDecoder().decode(fromLatin1(s).data);
  });
  m('hex', (s, args) => {
    const digits = [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'));
    const sep = args[0];
    return sep === undefined ? digits.join('') : digits.join(sep instanceof PyBytes ? latin1(sep.data) : String(sep));
  });
  const fromhex = new PyBuiltin(
    'fromhex',
    (args) => {
      const text = args[1];
      if (typeof text !== 'string')
        throw pyError('TypeError', `fromhex() argument must be str, not ${typeOf(text ?? null).name}`);
      const out: number[] = [];
      for (let i = 0; i < text.length;) {
        if (text[i] === ' ') {
          i++;
          continue;
        }
        const pair = text.slice(i, i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
          const at = /^[0-9a-fA-F]/.test(pair) ? i + 1 : i;
          throw pyError('ValueError', `non-hexadecimal number found in fromhex() arg at position ${at}`);
        }
        out.push(parseInt(pair, 16));
        i += 2;
      }
      return new PyBytes(Uint8Array.from(out));
    },
    'bytes',
  );
  setName(bytes.dict, 'fromhex', new PyClassMethod(fromhex));
}
