// str and bytes methods, with CPython's semantics (split on whitespace runs, find returning -1,
// str.format's replacement fields …).
import { getAttr } from './attributes';
import { formatObject } from './compile-fstring';
import { cpIndex, cpLength, unitOffset } from './code-points';
import { pyError } from './errors';
import { getItem } from './items';
import { isIterable, toArray } from './iteration';
import { arity, charge, chargedMethods, chargeField, toInt, toStr } from './native';
import { builtinValue, PyBytes, PyList, PyTuple, typeOf, types, type Kwargs, type PyValue } from './objects';
import { asIndex } from './operators';
import { notPrintable, pyRepr, pyStr } from './text';
import { initBytesType } from './types-bytes';

const whitespace = /\s/;

function splitWhitespace(s: string, max: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && whitespace.test(s[i])) i++;
    if (i >= n) break;
    if (max >= 0 && out.length === max) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !whitespace.test(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

/** str.rsplit() without a separator: whitespace runs, from the right. */
function rsplitWhitespace(s: string, max: number): string[] {
  const out: string[] = [];
  let j = s.length;
  while (j > 0) {
    while (j > 0 && whitespace.test(s[j - 1])) j--;
    if (j === 0) break;
    if (max >= 0 && out.length === max) {
      out.push(s.slice(0, j));
      break;
    }
    let i = j;
    while (i > 0 && !whitespace.test(s[i - 1])) i--;
    out.push(s.slice(i, j));
    j = i;
  }
  return out.reverse();
}

function expandTabs(s: string, tabsize: number): string {
  let out = '';
  let column = 0;
  for (const c of s) {
    if (c === '\t') {
      if (tabsize > 0) {
        const n = tabsize - (column % tabsize);
        out += ' '.repeat(n);
        column += n;
      }
    } else {
      out += c;
      column = c === '\n' || c === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

function optionalSep(v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw pyError('TypeError', `must be str or None, not ${typeOf(v).name}`);
  const sep = v;
  if (sep === '') throw pyError('ValueError', 'empty separator');
  return sep;
}

/** start/end arguments of find, count, startswith …: clamped like slice indices, as UTF-16 offsets. */
function span(s: string, args: PyValue[], from: number): [number, number] {
  const n = cpLength(s);
  const clamp = (v: PyValue | undefined, d: number) => {
    if (v === undefined || v === null) return d;
    let i = asIndex(v);
    if (i < 0) i += n;
    return Math.min(Math.max(i, 0), n);
  };
  return [unitOffset(s, clamp(args[from], 0)), unitOffset(s, clamp(args[from + 1], n))];
}

/** s padded to `width` code points: `left` fill characters before it, the rest after. */
function padded(s: string, width: number, c: string, left: (gap: number) => number): string {
  const gap = width - cpLength(s);
  if (gap <= 0) return s;
  const l = left(gap);
  return c.repeat(l) + s + c.repeat(gap - l);
}

function strip(s: string, chars: PyValue | undefined, left: boolean, right: boolean): string {
  if (chars !== undefined && chars !== null && typeof chars !== 'string')
    throw pyError('TypeError', 'strip arg must be None or str');
  const set = chars === undefined || chars === null ? null : chars;
  const is = (c: string) => (set === null ? whitespace.test(c) : set.includes(c));
  let a = 0;
  let b = s.length;
  if (left) while (a < b && is(s[a])) a++;
  if (right) while (b > a && is(s[b - 1])) b--;
  return s.slice(a, b);
}

function fill(args: PyValue[]): string {
  const c = args[1] ?? ' ';
  if (typeof c !== 'string' || cpLength(c) !== 1)
    throw pyError('TypeError', 'The fill character must be exactly one character long');
  return c;
}

/** str.format: {} {0} {name} {0.attr} {0[1]} {!r} {:spec}, with nested fields in the spec. */
/** CPython's line boundaries for str.splitlines (and \r\n, one boundary). */
const lineBreaks = new Set(['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029']);

export function strFormat(template: string, args: PyValue[], kwargs: Kwargs): string {
  let auto = 0;
  let out = '';
  let i = 0;
  const field = (text: string): string => {
    const m = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(text);
    if (!m) throw pyError('ValueError', `unexpected '{' in field name`);
    chargeField();
    const [, name, chain, conversion, spec] = m;
    let v: PyValue;
    if (name === '') {
      if (auto < 0)
        throw pyError('ValueError', 'cannot switch from manual field specification to automatic field numbering');
      if (auto >= args.length)
        throw pyError('IndexError', `Replacement index ${auto} out of range for positional args tuple`);
      v = args[auto++];
    } else if (/^\d+$/.test(name)) {
      if (auto > 0)
        throw pyError('ValueError', 'cannot switch from automatic field numbering to manual field specification');
      auto = -1;
      const k = Number(name);
      if (k >= args.length)
        throw pyError('IndexError', `Replacement index ${k} out of range for positional args tuple`);
      v = args[k];
    } else {
      const kv = kwargs?.get(name);
      if (kv === undefined) throw pyError('KeyError', undefined, name);
      v = kv;
    }
    for (const part of chain.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
      if (part.startsWith('.')) v = getAttr(v, part.slice(1));
      else {
        const key = part.slice(1, -1);
        v = getItem(v, /^\d+$/.test(key) ? Number(key) : key);
      }
    }
    if (conversion === 'r' || conversion === 'a') v = pyRepr(v);
    else if (conversion === 's') v = pyStr(v);
    const resolvedSpec = (spec ?? '').replace(/\{([^{}]*)\}/g, (_x, inner: string) => field(inner));
    return formatObject(v, resolvedSpec);
  };
  while (i < template.length) {
    const c = template[i];
    if (c === '{') {
      if (template[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      while (j < template.length && depth > 0) {
        if (template[j] === '{') depth++;
        else if (template[j] === '}') depth--;
        j++;
      }
      if (depth > 0) throw pyError('ValueError', "Single '{' encountered in format string");
      out += field(template.slice(i + 1, j - 1));
      i = j;
    } else if (c === '}') {
      if (template[i + 1] !== '}') throw pyError('ValueError', "Single '}' encountered in format string");
      out += '}';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function initStrTypes(): void {
  const str = types.str;
  const m = chargedMethods<string>(str, (s) => s.length / 16);
  m('upper', (s) => s.toUpperCase());
  m('lower', (s) => s.toLowerCase());
  m('casefold', (s) => s.toLowerCase());
  m('swapcase', (s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
  m('capitalize', (s) => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s));
  m('title', (s) =>
    s.toLowerCase().replace(/(^|[^a-zA-Z0-9])([a-z])/g, (_x, a: string, b: string) => a + b.toUpperCase()),
  );
  m('strip', (s, a) => strip(s, a[0], true, true));
  m('lstrip', (s, a) => strip(s, a[0], true, false));
  m('rstrip', (s, a) => strip(s, a[0], false, true));
  m('split', (s, a, kw) => {
    const sep = optionalSep(a[0] ?? kw?.get('sep'));
    const max = toInt(a[1] ?? kw?.get('maxsplit') ?? -1, 'maxsplit');
    if (sep === null) return new PyList(splitWhitespace(s, max));
    const parts = s.split(sep);
    if (max >= 0 && parts.length > max + 1) return new PyList([...parts.slice(0, max), parts.slice(max).join(sep)]);
    return new PyList(parts);
  });
  m('rsplit', (s, a, kw) => {
    const sep = optionalSep(a[0] ?? kw?.get('sep'));
    const max = toInt(a[1] ?? kw?.get('maxsplit') ?? -1, 'maxsplit');
    if (sep === null) return new PyList(rsplitWhitespace(s, max));
    const parts = s.split(sep);
    if (max < 0 || parts.length <= max + 1) return new PyList(parts);
    const head = parts.slice(0, parts.length - max).join(sep);
    return new PyList([head, ...parts.slice(parts.length - max)]);
  });
  m('splitlines', (s, a, kw) => {
    const keep = toInt(a[0] ?? kw?.get('keepends') ?? false, 'keepends') !== 0;
    const out: string[] = [];
    let last = 0;
    for (let i = 0; i < s.length; i++) {
      if (!lineBreaks.has(s[i])) continue;
      const end = s[i] === '\r' && s[i + 1] === '\n' ? i + 2 : i + 1;
      out.push(s.slice(last, keep ? end : i));
      last = end;
      i = end - 1;
    }
    if (last < s.length) out.push(s.slice(last));
    return new PyList(out);
  });
  m('join', (s, a) => {
    arity('str.join', a, 1);
    if (!isIterable(a[0])) throw pyError('TypeError', 'can only join an iterable');
    const items = toArray(a[0]);
    charge(items.length);
    return items
      .map((x, i) => {
        const text = builtinValue(x);
        if (typeof text !== 'string')
          throw pyError('TypeError', `sequence item ${i}: expected str instance, ${typeOf(x).name} found`);
        return text;
      })
      .join(s);
  });
  m('replace', (s, a) => {
    arity('str.replace', a, 2, 3);
    const [old, rep] = [toStr(a[0], 'replace() argument 1'), toStr(a[1], 'replace() argument 2')];
    let count = a.length > 2 ? toInt(a[2], 'count') : -1;
    if (count < 0) return old === '' ? [...s].join(rep).replace(/^/, rep) + (s ? rep : '') : s.split(old).join(rep);
    let out = '';
    let rest = s;
    while (count-- > 0) {
      const i = rest.indexOf(old);
      if (i < 0) break;
      out += rest.slice(0, i) + rep;
      rest = rest.slice(i + old.length);
    }
    return out + rest;
  });
  const find = (s: string, a: PyValue[], fromRight: boolean): number => {
    const sub = toStr(a[0], '');
    const [start, end] = span(s, a, 1);
    const region = s.slice(start, end);
    const i = fromRight ? region.lastIndexOf(sub) : region.indexOf(sub);
    return i < 0 || end - start < sub.length ? -1 : cpIndex(s, i + start);
  };
  m('find', (s, a) => find(s, a, false));
  m('rfind', (s, a) => find(s, a, true));
  m('index', (s, a) => {
    const i = find(s, a, false);
    if (i < 0) throw pyError('ValueError', 'substring not found');
    return i;
  });
  m('rindex', (s, a) => {
    const i = find(s, a, true);
    if (i < 0) throw pyError('ValueError', 'substring not found');
    return i;
  });
  m('count', (s, a) => {
    const sub = toStr(a[0], '');
    const [start, end] = span(s, a, 1);
    const region = s.slice(start, end);
    if (sub === '') return cpLength(region) + 1;
    return region.split(sub).length - 1;
  });
  const affix = (s: string, a: PyValue[], end: boolean): boolean => {
    const [start, stop] = span(s, a, 1);
    const region = s.slice(start, stop);
    const options = a[0] instanceof PyTuple ? a[0].items : [a[0]];
    return options.some((o) => {
      if (typeof o !== 'string')
        throw pyError(
          'TypeError',
          `${end ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${typeOf(o).name}`,
        );
      const t = o;
      return end ? region.endsWith(t) : region.startsWith(t);
    });
  };
  // With one str argument, no start or end: the whole string's test, without span()'s arrays.
  m(
    'startswith',
    (s, a) => affix(s, a, false),
    (s, v) => (typeof v === 'string' ? s.startsWith(v) : affix(s, [v], false)),
  );
  m(
    'endswith',
    (s, a) => affix(s, a, true),
    (s, v) => (typeof v === 'string' ? s.endsWith(v) : affix(s, [v], true)),
  );
  m('removeprefix', (s, a) => (s.startsWith(a[0] as string) ? s.slice((a[0] as string).length) : s));
  m('removesuffix', (s, a) =>
    (a[0] as string) && s.endsWith(a[0] as string) ? s.slice(0, -(a[0] as string).length) : s,
  );
  m('partition', (s, a) => {
    const sep = toStr(a[0], '');
    if (sep === '') throw pyError('ValueError', 'empty separator');
    const i = s.indexOf(sep);
    return new PyTuple(i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
  });
  m('rpartition', (s, a) => {
    const sep = toStr(a[0], '');
    if (sep === '') throw pyError('ValueError', 'empty separator');
    const i = s.lastIndexOf(sep);
    return new PyTuple(i < 0 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
  });
  m('center', (s, a) => {
    const width = toInt(a[0], 'width');
    // CPython puts the odd padding character on the left when the width is odd.
    return padded(s, width, fill(a), (gap) => Math.floor(gap / 2) + (gap & width & 1));
  });
  m('ljust', (s, a) => padded(s, toInt(a[0], 'width'), fill(a), () => 0));
  m('rjust', (s, a) => padded(s, toInt(a[0], 'width'), fill(a), (gap) => gap));
  m('zfill', (s, a) => {
    const width = toInt(a[0], 'width');
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + padded(s.slice(sign.length), width - sign.length, '0', (gap) => gap);
  });
  m('expandtabs', (s, a, kw) => expandTabs(s, toInt(a[0] ?? kw?.get('tabsize') ?? 8, 'tabsize')));
  const test = (name: string, re: RegExp) => m(name, (s) => s.length > 0 && re.test(s));
  test('isdigit', /^\d+$/);
  test('isdecimal', /^\d+$/);
  test('isnumeric', /^\d+$/);
  test('isalpha', /^\p{L}+$/u);
  test('isalnum', /^[\p{L}\d]+$/u);
  test('isspace', /^\s+$/);
  m('isascii', (s) => !/[^\p{ASCII}]/u.test(s));
  m('isidentifier', (s) => /^[A-Za-z_]\w*$/.test(s));
  m('islower', (s) => /[a-z]/.test(s) && s === s.toLowerCase());
  m('isupper', (s) => /[A-Z]/.test(s) && s === s.toUpperCase());
  m(
    'istitle',
    (s) =>
      /[A-Za-z]/.test(s) &&
      s === s.toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_x, p: string, c: string) => p + c.toUpperCase()),
  );
  m('isprintable', (s) => ![...s].some((c) => c !== ' ' && notPrintable.test(c)));
  m('format', (s, a, kw) => strFormat(s, a, kw));
  m('format_map', (s, a) => strFormat(s, [], new Map([...toArray(a[0])].map((k) => [String(k), getItem(a[0], k)]))));
  m('encode', (s, a, kw) => {
    const name = toStr(a[0] ?? kw?.get('encoding') ?? 'utf-8', 'encode() argument 1');
    const encoding = name.toLowerCase().replace(/_/g, '-');
    if (encoding === 'utf-8' || encoding === 'utf8') return new PyBytes(new TextEncoder().encode(s));
    const limit =
      encoding === 'ascii'
        ? 0x80
        : encoding === 'latin-1' || encoding === 'latin1' || encoding === 'iso-8859-1'
          ? 0x100
          : 0;
    if (limit === 0) throw pyError('LookupError', `unknown encoding: ${name}`);
    const codes = [...s].map((c) => c.codePointAt(0)!);
    const bad = codes.findIndex((c) => c >= limit);
    if (bad >= 0)
      throw pyError(
        'UnicodeEncodeError',
        `'${limit === 0x80 ? 'ascii' : 'latin-1'}' codec can't encode character ${pyRepr([...s][bad])} in position ${bad}: ordinal not in range(${limit})`,
      );
    return new PyBytes(Uint8Array.from(codes));
  });

  const bytes = types.bytes;
  bytes.construct = (_cls, args) => {
    const v = args[0];
    if (v === undefined) return new PyBytes(new Uint8Array());
    if (typeof v === 'number') return new PyBytes(new Uint8Array(v));
    if (typeof v === 'string') return new PyBytes(new TextEncoder().encode(v));
    return new PyBytes(Uint8Array.from(toArray(v).map((x) => asIndex(x))));
  };
  initBytesType();
}
