// _re: the matching engine under the prelude's re.py, on JavaScript's RegExp. A Python pattern is
// translated to a JavaScript one (u and d flags) once per worker and cached; matches come back as
// plain tuples of code-point offsets, so Pattern and Match objects (Python classes in re.py) copy
// between threads and processes like any other object.
//
// What the translation does: (?P<name>…) → (?<name>…), (?P=name) → \k<name>, \A \Z, ^ $ and . as
// Python means them (only \n ends a line; $ also matches before a final \n), \d \w \b \D \W \B
// as Unicode classes unless ASCII, VERBOSE whitespace and comments dropped, global inline flags
// (?aimsx) at the start, (?#…) comments, {,n}, a { that is no repeat and a ] first in a set taken
// literally, \UXXXXXXXX. What differs from CPython: scoped inline flags (?i:…), atomic groups,
// possessive repeats and conditional groups (?(1)…) raise re.error here; \W \D inside a set are
// ASCII; after an empty match the next match starts one character on (re.findall('|a', 'a') is
// ['', ''], CPython's ['', 'a', '']); IGNORECASE folds case as JavaScript does.
import { pyError } from '../errors';
import { arity, defineFunction, toInt } from '../native';
import { PyList, PyModule, PyTuple, type PyValue } from '../objects';

const I = 2;
const M = 8;
const S = 16;
const X = 64;
const A = 256;

interface Compiled {
  re: RegExp;
  groups: number;
  names: [string, number][];
  flags: number;
}

class ReError {
  constructor(
    readonly msg: string,
    readonly pos: number,
  ) {}
}

const cache = new Map<string, Compiled | ReError>();

const WORD = '[\\p{L}\\p{N}_]';
const NOT_WORD = '[^\\p{L}\\p{N}_]';

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The global inline flags at the start of the pattern: (?aimsx). */
function leadingFlags(p: string): [number, number] {
  let flags = 0;
  let i = 0;
  for (;;) {
    const m = /^\(\?([aiLmsux]+)\)/.exec(p.slice(i));
    if (!m) return [flags, i];
    for (const c of m[1]) flags |= { a: A, i: I, L: 0, m: M, s: S, u: 0, x: X }[c as 'a'] ?? 0;
    i += m[0].length;
  }
}

function translate(p: string, flags0: number): Compiled {
  const [inline, start] = leadingFlags(p);
  const flags = flags0 | inline;
  const ascii = (flags & A) !== 0;
  const verbose = (flags & X) !== 0;
  let out = '';
  let groups = 0;
  const names: [string, number][] = [];
  const open: number[] = [];
  /** Can a repeat follow what was emitted last? */
  let repeatable = false;
  let i = start;
  const n = p.length;
  const escapeOutside = (c: string, at: number): string => {
    switch (c) {
      case 'A': return '(?<![\\s\\S])';
      case 'Z': return '(?![\\s\\S])';
      case 'd': return ascii ? '[0-9]' : '\\p{Nd}';
      case 'D': return ascii ? '[^0-9]' : '\\P{Nd}';
      case 'w': return ascii ? '[A-Za-z0-9_]' : WORD;
      case 'W': return ascii ? '[^A-Za-z0-9_]' : NOT_WORD;
      case 's': return ascii ? '[ \\t\\n\\r\\f\\v]' : '\\s';
      case 'S': return ascii ? '[^ \\t\\n\\r\\f\\v]' : '\\S';
      case 'b': return ascii ? '\\b' : `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
      case 'B': return ascii ? '\\B' : `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;
      default: return escapeCommon(c, at, false);
    }
  };
  /** An escape that means the same in a set and outside it: \n \t \xhh \uhhhh \UXXXXXXXX, backreferences, escaped punctuation. */
  const escapeCommon = (c: string, at: number, inSet: boolean): string => {
    if ('ntrfv0'.includes(c)) return c === '0' ? '\\0' : `\\${c}`;
    if (c === 'a') return '\\x07';
    if (c === 'x') {
      const h = /^[0-9a-fA-F]{2}/.exec(p.slice(i + 1));
      if (!h) throw new ReError(`incomplete escape \\x${p.slice(i + 1, i + 3)}`, at);
      i += 2;
      return `\\x${h[0]}`;
    }
    if (c === 'u' || c === 'U') {
      const len = c === 'u' ? 4 : 8;
      const h = new RegExp(`^[0-9a-fA-F]{${len}}`).exec(p.slice(i + 1));
      if (!h) throw new ReError(`incomplete escape \\${c}${p.slice(i + 1, i + 1 + len)}`, at);
      i += len;
      return `\\u{${parseInt(h[0], 16).toString(16)}}`;
    }
    if (isDigit(c) && !inSet) {
      let num = c;
      if (isDigit(p[i + 1])) num += p[++i];
      if (Number(num) > groups || open.includes(Number(num))) throw new ReError(`invalid group reference ${num}`, at + 1);
      return `\\${num}(?:)`;
    }
    if (/[A-Za-z0-9]/.test(c)) throw new ReError(`bad escape \\${c}`, at);
    if (c === '\n' && !verbose) return '\\n';
    return '^$\\.*+?()[]{}|/-'.includes(c) ? `\\${c}` : c;
  };
  const set = (at: number): string => {
    // i is just past '['.
    let s = '[';
    if (p[i] === '^') {
      s += '^';
      i++;
    }
    if (p[i] === ']') {
      s += '\\]';
      i++;
    }
    while (i < n && p[i] !== ']') {
      const c = p[i];
      if (c === '\\') {
        i++;
        if (i >= n) break;
        const e = p[i];
        if (e === 'd') s += ascii ? '0-9' : '\\p{Nd}';
        else if (e === 'w') s += ascii ? 'A-Za-z0-9_' : '\\p{L}\\p{N}_';
        else if (e === 's' || e === 'S' || e === 'D' || e === 'W') s += `\\${e}`;
        else if (e === 'b') s += '\\x08';
        else s += escapeCommon(e, i - 1, true);
      } else if (c === '[') s += '\\[';
      else s += c;
      i++;
    }
    if (i >= n) throw new ReError('unterminated character set', at);
    i++;
    return s + ']';
  };
  while (i < n) {
    const c = p[i];
    const at = i;
    if (verbose && /\s/.test(c)) {
      i++;
      continue;
    }
    if (verbose && c === '#') {
      while (i < n && p[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      i++;
      if (i >= n) throw new ReError('bad escape (end of pattern)', at);
      out += escapeOutside(p[i], at);
      repeatable = !'AZbB'.includes(p[i]);
      i++;
      continue;
    }
    if (c === '[') {
      i++;
      out += set(at);
      repeatable = true;
      continue;
    }
    if (c === '(') {
      if (p[i + 1] === '?') {
        const rest = p.slice(i + 2);
        let m;
        if ((m = /^P<([^>]*)>/.exec(rest))) {
          if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(m[1])) throw new ReError(`bad character in group name '${m[1]}'`, at + 4);
          if (names.some(([k]) => k === m![1])) throw new ReError(`redefinition of group name '${m[1]}' as group ${groups + 1}; was group ${names.find(([k]) => k === m![1])![1]}`, at + 4);
          groups++;
          names.push([m[1], groups]);
          open.push(groups);
          out += `(?<${m[1]}>`;
          i += 2 + m[0].length;
        } else if ((m = /^P=([^)]*)\)/.exec(rest))) {
          const g = names.find(([k]) => k === m![1]);
          if (!g) throw new ReError(`unknown group name '${m[1]}'`, at + 4);
          out += `\\k<${m[1]}>`;
          i += 2 + m[0].length;
          repeatable = true;
          continue;
        } else if (rest[0] === '#') {
          const end = p.indexOf(')', i);
          if (end < 0) throw new ReError('missing ), unterminated comment', at);
          i = end + 1;
          continue;
        } else if (rest[0] === ':' || rest[0] === '=' || rest[0] === '!') {
          open.push(0);
          out += `(?${rest[0]}`;
          i += 3;
        } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
          open.push(0);
          out += `(?${rest.slice(0, 2)}`;
          i += 4;
        } else if (/^[aiLmsux-]/.test(rest)) {
          if (/^[aiLmsux]+\)/.test(rest)) throw new ReError('global flags not at the start of the expression', at);
          throw new ReError('scoped inline flags (?…:…) are not supported here', at);
        } else if (rest[0] === '>' || rest[0] === '(') {
          throw new ReError(rest[0] === '>' ? 'atomic groups (?>…) are not supported here' : 'conditional groups (?(…)…) are not supported here', at);
        } else {
          throw new ReError(`unknown extension ?${rest[0] ?? ''}`, at + 1);
        }
      } else {
        groups++;
        open.push(groups);
        out += '(';
        i++;
      }
      repeatable = false;
      continue;
    }
    if (c === ')') {
      if (open.length === 0) throw new ReError('unbalanced parenthesis', at);
      open.pop();
      out += ')';
      i++;
      repeatable = true;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{(\d*),?(\d*)\}/.test(p.slice(i)) && p.slice(i, i + 3) !== '{,}')) {
      if (!repeatable) {
        if (/[*+?}]$/.test(out) && out.length > 0 && !out.endsWith('\\}')) throw new ReError('multiple repeat', at);
        throw new ReError('nothing to repeat', at);
      }
      let q = c;
      if (c === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(p.slice(i))!;
        if (m[1] !== '' && m[3] !== '' && Number(m[3]) < Number(m[1])) throw new ReError('min repeat greater than max repeat', at + 1);
        q = `{${m[1] || '0'}${m[2]}${m[3]}}`;
        i += m[0].length;
      } else i++;
      if (p[i] === '?') {
        q += '?';
        i++;
      } else if (p[i] === '+') throw new ReError('possessive repeats are not supported here', i);
      out += q;
      repeatable = false;
      continue;
    }
    if (c === '{' || c === '}') {
      out += `\\${c}`;
      i++;
      repeatable = true;
      continue;
    }
    if (c === '.') out += (flags & S) !== 0 ? '[\\s\\S]' : '[^\\n]';
    else if (c === '^') out += (flags & M) !== 0 ? '(?:(?<![\\s\\S])|(?<=\\n))' : '(?<![\\s\\S])';
    else if (c === '$') out += (flags & M) !== 0 ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
    else if (c === '|') out += '|';
    else if (c === '/') out += '\\/';
    else out += c;
    repeatable = c !== '^' && c !== '$' && c !== '|';
    i++;
  }
  if (open.length > 0) throw new ReError('missing ), unterminated subpattern', p.lastIndexOf('(', n));
  let re: RegExp;
  try {
    re = new RegExp(out, `gdu${(flags & I) !== 0 ? 'i' : ''}`);
  } catch (e) {
    throw new ReError(String((e as Error).message).replace(/^Invalid regular expression: /, ''), 0);
  }
  return { re, groups, names, flags };
}

function compiled(pattern: string, flags: number): Compiled {
  const key = `${flags}:${pattern}`;
  let c = cache.get(key);
  if (c === undefined) {
    try {
      c = translate(pattern, flags);
    } catch (e) {
      if (!(e instanceof ReError)) throw e;
      c = e;
    }
    cache.set(key, c);
  }
  if (c instanceof ReError) throw pyError('ValueError', `${c.msg}\u0000${c.pos}`);
  return c;
}

/** Code-point offsets ↔ UTF-16 offsets, for strings with characters outside the BMP. */
class Offsets {
  private readonly cps: number[] | null;
  constructor(readonly s: string) {
    this.cps = /[\uD800-\uDFFF]/.test(s) ? Array.from(s, (ch) => ch.length) : null;
  }
  toUnit(cp: number): number {
    if (!this.cps) return cp;
    let u = 0;
    for (let k = 0; k < cp && k < this.cps.length; k++) u += this.cps[k];
    return u;
  }
  toCp(unit: number): number {
    if (!this.cps) return unit;
    let u = 0;
    let k = 0;
    while (u < unit) u += this.cps[k++];
    return k;
  }
  get length(): number {
    return this.cps ? this.cps.length : this.s.length;
  }
}

function clamp(v: PyValue, len: number, dflt: number): number {
  if (v === null || v === undefined) return dflt;
  return Math.max(0, Math.min(len, toInt(v, 'pos')));
}

function spans(m: RegExpExecArray, c: Compiled, off: Offsets): PyTuple {
  const out: PyValue[] = [];
  const idx = m.indices!;
  for (let g = 0; g <= c.groups; g++) {
    const s = idx[g];
    if (s === undefined) out.push(-1, -1);
    else out.push(off.toCp(s[0]), off.toCp(s[1]));
  }
  return new PyTuple(out);
}

/** One match: mode 0 search, 1 match (at pos), 2 fullmatch (at pos, to endpos). */
function exec(c: Compiled, string: string, pos: number, endpos: number, mode: number): RegExpExecArray | null {
  const re = c.re;
  const s = endpos < string.length ? string.slice(0, endpos) : string;
  re.lastIndex = pos;
  for (;;) {
    const m = re.exec(s);
    if (!m) return null;
    if (mode === 0) return m;
    if (m.index !== pos) {
      if (mode === 1 || m.index > pos) return null;
    }
    if (mode === 1 || m.index + m[0].length === s.length) return m;
    // fullmatch: the first match at pos did not reach the end; try the pattern anchored at both ends.
    const full = new RegExp(`(?:${re.source})(?![\\s\\S])`, re.flags.replace('g', 'y'));
    full.lastIndex = pos;
    return full.exec(s);
  }
}

export function makeRe(): PyModule {
  const m = new PyModule('_re', true);
  const d = m.dict;
  const str = (v: PyValue, what: string): string => {
    if (typeof v !== 'string') throw pyError('TypeError', `${what}`);
    return v;
  };
  defineFunction(d, 'compile', (args) => {
    arity('compile', args, 2);
    const c = compiled(str(args[0], 'first argument must be string or compiled pattern'), toInt(args[1], 'flags'));
    return new PyTuple([c.flags | ((c.flags & A) !== 0 ? 0 : 32), c.groups, new PyTuple(c.names.map(([k, g]) => new PyTuple([k, g])))]);
  }, '_re');
  defineFunction(d, 'exec', (args) => {
    arity('exec', args, 6);
    const c = compiled(args[0] as string, toInt(args[1], 'flags'));
    const s = str(args[2], `expected string or bytes-like object, got '${typeof args[2]}'`);
    const off = new Offsets(s);
    const pos = off.toUnit(clamp(args[3], off.length, 0));
    const endpos = off.toUnit(clamp(args[4], off.length, off.length));
    if (pos > endpos) return null;
    const r = exec(c, s, pos, endpos, toInt(args[5], 'mode'));
    return r ? spans(r, c, off) : null;
  }, '_re');
  defineFunction(d, 'all', (args) => {
    arity('all', args, 4);
    const c = compiled(args[0] as string, toInt(args[1], 'flags'));
    const s = str(args[2], 'expected string');
    const off = new Offsets(s);
    const pos = off.toUnit(clamp(args[3], off.length, 0));
    const out: PyValue[] = [];
    const re = c.re;
    re.lastIndex = pos;
    for (;;) {
      const r = re.exec(s);
      if (!r) break;
      out.push(spans(r, c, off));
      if (r[0].length === 0) re.lastIndex = r.index + (s.codePointAt(r.index)! > 0xffff ? 2 : 1);
      if (r.index >= s.length) break;
    }
    return new PyList(out);
  }, '_re');
  return m;
}
