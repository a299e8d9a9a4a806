// Text as CPython writes it: repr of floats, the format-spec mini-language (format(), f-strings,
// str.format) and printf-style `%` formatting.
import { pyError } from './errors';
import { floatToInt, isNum, toNumber } from './numbers';
import { builtinValue, PyDict, PyFloat, PyTuple, type PyValue } from './objects';
import { cpLength, cpPrefix } from './code-points';
import { exponentDigits, fixedDigits } from './decimal';
import { getItem } from './items';
import { chargeField } from './native';
import { pyRepr, pyStr } from './text';

/** repr(float): the shortest text that reads back as the same double, in Python's layout. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

export interface Spec {
  fill: string;
  align: '<' | '>' | '^' | '=' | '';
  sign: '+' | '-' | ' ' | '';
  alternate: boolean;
  zero: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number | null;
  type: string;
}

const specPattern = /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

const parsedSpecs = new Map<string, Spec>();

/** The spec of a format specifier, parsed once per text. */
export function parseSpec(text: string): Spec {
  let spec = parsedSpecs.get(text);
  if (spec === undefined) {
    spec = parseSpecText(text);
    if (parsedSpecs.size < 10_000) parsedSpecs.set(text, spec);
  }
  return spec;
}

function parseSpecText(text: string): Spec {
  const m = specPattern.exec(text);
  if (!m) throw pyError('ValueError', `Invalid format specifier '${text}'`);
  const [, fill, align, sign, , alternate, zero, width, grouping, precision, type] = m;
  return {
    fill: fill ?? (zero && !align ? '0' : ' '),
    align: (align as Spec['align']) ?? (zero ? '=' : ''),
    sign: (sign as Spec['sign']) ?? '',
    alternate: Boolean(alternate),
    zero: Boolean(zero),
    width: width ? Number(width) : 0,
    grouping: (grouping as Spec['grouping']) ?? '',
    precision: precision === undefined ? null : Number(precision),
    type: type ?? '',
  };
}

function pad(body: string, spec: Spec, defaultAlign: '<' | '>', signLength = 0): string {
  const width = spec.width;
  const length = cpLength(body);
  if (length >= width) return body;
  const align = spec.align || defaultAlign;
  const fill = spec.fill;
  const gap = width - length;
  switch (align) {
    case '<':
      return body + fill.repeat(gap);
    case '>':
      return fill.repeat(gap) + body;
    case '^':
      return fill.repeat(Math.floor(gap / 2)) + body + fill.repeat(Math.ceil(gap / 2));
    case '=':
      return body.slice(0, signLength) + fill.repeat(gap) + body.slice(signLength);
  }
}

function group(intDigits: string, sep: string, every = 3): string {
  if (!sep) return intDigits;
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % every === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  return spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
}

function formatInt(value: number | bigint, spec: Spec): string {
  const negative = value < 0;
  const magnitude = negative ? -BigInt(value) : BigInt(value);
  const type = spec.type || 'd';
  let raw: string;
  let prefix = '';
  let every = 3;
  let sep: string = spec.grouping;
  switch (type) {
    case 'd':
    case 'n':
      raw = magnitude.toString();
      break;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      raw = magnitude.toString(type === 'b' ? 2 : type === 'o' ? 8 : 16);
      if (type === 'X') raw = raw.toUpperCase();
      prefix = spec.alternate ? `0${type === 'b' ? 'b' : type === 'o' ? 'o' : type}` : '';
      every = 4;
      sep = spec.grouping === '_' ? '_' : '';
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(value)), spec, '<');
    default:
      return formatFloat(Number(value), spec);
  }
  const head = signOf(negative, spec) + prefix;
  return pad(head + groupDigits(raw, sep, every, spec, head.length), spec, '>', head.length);
}

/** Grouped digits; zero padding ('0' fill, '=' alignment) is grouped too: format(1, '06,') is '00,001'. */
function groupDigits(digits: string, sep: string, every: number, spec: Spec, around: number): string {
  if (!sep || spec.fill !== '0' || spec.align !== '=') return group(digits, sep, every);
  const minWidth = spec.width - around;
  let padded = digits;
  while (group(padded, sep, every).length < minWidth) padded = `0${padded}`;
  return group(padded, sep, every);
}

/** x >= 0 with `precision` digits after the point. */
function fixed(x: number, precision: number): string {
  return fixedDigits(x, precision);
}

function exponent(x: number, precision: number, upper: boolean): string {
  const { mantissa, exponent: n } = exponentDigits(x, precision);
  const text = `${mantissa}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  return upper ? text.toUpperCase() : text;
}

/** The 'g' presentation: exponent form only for very small or large values; no trailing zeros unless '#'. */
function general(x: number, precision: number, alternate: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (x === 0) return alternate ? `0.${'0'.repeat(p - 1)}` : '0';
  const exp = exponentDigits(x, p - 1).exponent;
  const text = exp >= -4 && exp < p ? fixed(x, Math.max(0, p - 1 - exp)) : exponent(x, p - 1, upper);
  if (!alternate) return text.replace(/(\.\d*?)0+(e|E|$)/, '$1$2').replace(/\.(e|E|$)/, '$1');
  // '#' keeps the point even with no digits after it.
  return text.includes('.') ? text : text.replace(/(e|E|$)/, '.$1');
}

function formatFloat(x: number, spec: Spec): string {
  const negative = x < 0 || Object.is(x, -0);
  const type = spec.type;
  const m = type === '%' ? Math.abs(x) * 100 : Math.abs(x);
  let body: string;
  if (!Number.isFinite(m)) {
    body = Number.isNaN(m) ? 'nan' : 'inf';
    if (type === 'E' || type === 'F' || type === 'G') body = body.toUpperCase();
    if (type === '%') body += '%';
  } else {
    switch (type) {
      case 'f':
      case 'F':
        body = fixed(m, spec.precision ?? 6);
        if (spec.alternate && !body.includes('.')) body += '.';
        break;
      case 'e':
      case 'E':
        body = exponent(m, spec.precision ?? 6, type === 'E');
        break;
      case 'g':
      case 'G':
      case 'n':
        body = general(m, spec.precision ?? 6, spec.alternate, type === 'G');
        break;
      case '%':
        body = `${fixed(m, spec.precision ?? 6)}%`;
        break;
      case '':
        body = spec.precision === null ? floatRepr(m) : general(m, spec.precision, spec.alternate, false);
        break;
      default:
        throw pyError('ValueError', `Unknown format code '${type}' for object of type 'float'`);
    }
  }
  if (spec.grouping && Number.isFinite(m)) {
    const [intPart, rest] = splitNumber(body);
    const sign = signOf(negative, spec).length;
    body = groupDigits(intPart, spec.grouping, 3, spec, sign + rest.length) + rest;
  }
  const head = signOf(negative && !Number.isNaN(x), spec);
  return pad(head + body, spec, '>', head.length);
}

function splitNumber(body: string): [string, string] {
  const m = /^(\d+)(.*)$/s.exec(body);
  return m ? [m[1], m[2]] : [body, ''];
}

/** format(value, spec) for the builtin types; objects with __format__ are handled by the caller. */
export function formatValue(value: PyValue, specText: string): string {
  if (specText === '') return pyStr(value);
  if (!(
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    typeof value === 'string' ||
    value instanceof PyFloat
  ))
    throw pyError('TypeError', `unsupported format string passed to ${typeName(value)}.__format__`);
  const spec = parseSpec(specText);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    if ('eEfFgG%'.includes(spec.type) && spec.type !== '') return formatFloat(Number(value), spec);
    if (spec.precision !== null && spec.type === '')
      throw pyError('ValueError', 'Precision not allowed in integer format specifier');
    if (spec.type === 's') throw pyError('ValueError', "Unknown format code 's' for object of type 'int'");
    return formatInt(typeof value === 'boolean' ? Number(value) : value, spec);
  }
  if (value instanceof PyFloat) {
    if ('bcdoxX'.includes(spec.type) && spec.type !== '')
      throw pyError('ValueError', `Unknown format code '${spec.type}' for object of type 'float'`);
    return formatFloat(value.v, spec);
  }
  if (typeof value === 'string') {
    if (spec.type !== '' && spec.type !== 's')
      throw pyError('ValueError', `Unknown format code '${spec.type}' for object of type 'str'`);
    if (spec.grouping) throw pyError('ValueError', `Cannot specify '${spec.grouping}' with 's'.`);
    if (spec.sign) throw pyError('ValueError', 'Sign not allowed in string format specifier');
    if (spec.align === '=') throw pyError('ValueError', "'=' alignment not allowed in string format specifier");
    const text = spec.precision === null ? value : cpPrefix(value, spec.precision);
    return pad(text, spec, '<');
  }
  throw pyError('TypeError', `unsupported format string passed to ${typeName(value)}.__format__`);
}

// ---- printf-style: 'registering thread %d' % i ----

const percentPattern = /%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g;

export function percentFormat(template: string, values: PyValue): string {
  const args = values instanceof PyTuple ? values.items : [values];
  const mapping = values instanceof PyDict ? values : null;
  let index = 0;
  const next = (): PyValue => {
    if (index >= args.length) throw pyError('TypeError', 'not enough arguments for format string');
    return args[index++];
  };
  const out = template.replace(
    percentPattern,
    (_match, key: string | undefined, flags: string, width?: string, precision?: string, conversion?: string) => {
      if (conversion === '%') return '%';
      chargeField();
      const w = width === '*' ? Number(next()) : width ? Number(width) : 0;
      const p = precision === '*' ? Number(next()) : precision !== undefined ? Number(precision) : null;
      const given = key !== undefined ? (mapping ? getItem(mapping, key) : failMapping()) : next();
      // %d and friends take an int subclass's int (%s and %r its str() and repr()).
      const value = conversion === 's' || conversion === 'r' || conversion === 'a' ? given : builtinValue(given);
      const spec: Spec = {
        fill: flags.includes('0') && !flags.includes('-') && !'sr'.includes(conversion!) ? '0' : ' ',
        align: flags.includes('-') ? '<' : flags.includes('0') && !'sr'.includes(conversion!) ? '=' : '>',
        sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '',
        alternate: flags.includes('#'),
        zero: false,
        width: w,
        grouping: '',
        precision: p,
        type: '',
      };
      switch (conversion) {
        case 's':
          return pad(p === null ? pyStr(value) : cpPrefix(pyStr(value), p), spec, '>');
        case 'r':
        case 'a':
          return pad(pyRepr(value), spec, '>');
        case 'c':
          return pad(typeof value === 'string' ? value : String.fromCodePoint(Number(value)), spec, '>');
        case 'd':
        case 'i':
        case 'u': {
          if (!isNum(value))
            throw pyError('TypeError', `%${conversion} format: a real number is required, not ${typeName(value)}`);
          const n = value instanceof PyFloat ? floatToInt(value.v) : typeof value === 'boolean' ? Number(value) : value;
          const body = p !== null ? digitsWithPrecision(n, p) : null;
          return body ?? formatInt(n, { ...spec, type: 'd' });
        }
        case 'o':
        case 'x':
        case 'X':
          if (!isNum(value) || value instanceof PyFloat)
            throw pyError('TypeError', `%${conversion} format: an integer is required, not ${typeName(value)}`);
          return formatInt(typeof value === 'boolean' ? Number(value) : value, { ...spec, type: conversion });
        default: {
          if (!isNum(value)) throw pyError('TypeError', `must be real number, not ${typeName(value)}`);
          return formatFloat(toNumber(value), { ...spec, type: conversion!, precision: p ?? 6 });
        }
      }
    },
  );
  if (!mapping && index < args.length)
    throw pyError('TypeError', 'not all arguments converted during string formatting');
  return out;
}

function digitsWithPrecision(n: number | bigint, p: number): string {
  const negative = n < 0;
  const digits = (negative ? -BigInt(n) : BigInt(n)).toString().padStart(p, '0');
  return (negative ? '-' : '') + digits;
}

function failMapping(): never {
  throw pyError('TypeError', 'format requires a mapping');
}

function typeName(v: PyValue): string {
  return v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'object' ? v.cls.name : typeof v;
}
