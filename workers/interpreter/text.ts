// str() and repr() of every value, as CPython writes them.
import {
  lookupType,
  objectId,
  PyBoundMethod,
  PyBuiltin,
  PyBytes,
  PyCell,
  PyDict,
  PyFloat,
  PyFunction,
  PyDerived,
  PyInstance,
  PyList,
  PyModule,
  PyObject,
  PyRange,
  PySet,
  PySingleton,
  PySlice,
  PyTuple,
  PyType,
  type PyValue,
  typeOf,
  slot,
} from './objects';
import { exceptionArgs, exceptions, isExceptionType, pyError } from './errors';
import { floatRepr } from './format';
import { call } from './attributes';
import { PyDictView, viewItems } from './dict-views';
import { PyGenerator } from './generators';
import { GenexpIterator } from './iteration';
import { ForeignObject } from './heap-foreign';

export function pyStr(v: PyValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof PyInstance || v instanceof PyType) {
    const f = slot(v, '__str__');
    if (f !== undefined && f !== objectStr) return asText(call(f, [v], null), '__str__');
    // A dict's or list's str() is object's: the subclass's repr.
    if (v instanceof PyDerived) return typeof v.builtin === 'object' ? pyRepr(v) : pyStr(v.builtin);
    if (v instanceof PyInstance && isExceptionType(v.type)) return exceptionStr(v);
  }
  return pyRepr(v);
}

let objectStr: PyValue | undefined;
export function setObjectStr(f: PyValue): void {
  objectStr = f;
}

function asText(v: PyValue, method: string): string {
  if (typeof v !== 'string') throw pyError('TypeError', `${method} returned non-string (type ${typeOf(v).name})`);
  return v;
}

function exceptionStr(e: PyInstance): string {
  if (e.type.mro.includes(exceptions.OSError)) {
    const s = osErrorStr(e);
    if (s !== null) return s;
  }
  const args = exceptionArgs(e);
  if (args.length === 0) return '';
  if (args.length === 1) return e.type.mro.includes(exceptions.KeyError) ? pyRepr(args[0]) : pyStr(args[0]);
  return pyRepr(new PyTuple(args));
}

/** OSError's str(): "[Errno 2] No such file: 'a.txt'", or null to show the args as any exception does. */
export function osErrorStr(e: PyInstance): string | null {
  const get = (name: string) => e.dict.map.get(name)?.v ?? null;
  const [errno, strerror, filename, filename2] = [get('errno'), get('strerror'), get('filename'), get('filename2')];
  if (filename !== null)
    return filename2 !== null
      ? `[Errno ${pyStr(errno)}] ${pyStr(strerror)}: ${pyRepr(filename)} -> ${pyRepr(filename2)}`
      : `[Errno ${pyStr(errno)}] ${pyStr(strerror)}: ${pyRepr(filename)}`;
  if (errno !== null && strerror !== null) return `[Errno ${pyStr(errno)}] ${pyStr(strerror)}`;
  return null;
}

/** What str.isprintable() refuses: control, format, surrogate, private-use, unassigned and separator characters but the space. */
export const notPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const plainRepr = /^[ -&(-[\]-~]*$/;

function escapeChar(c: number): string {
  if (c < 0x100) return `\\x${c.toString(16).padStart(2, '0')}`;
  if (c < 0x10000) return `\\u${c.toString(16).padStart(4, '0')}`;
  return `\\U${c.toString(16).padStart(8, '0')}`;
}

export function stringRepr(s: string): string {
  if (plainRepr.test(s)) return `'${s}'`;
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && notPrintable.test(ch)) out += escapeChar(ch.codePointAt(0)!);
    else out += ch;
  }
  return out + quote;
}

function bytesRepr(b: Uint8Array): string {
  let body = '';
  const quote = b.includes(39) && !b.includes(34) ? '"' : "'";
  for (const c of b) {
    if (c === 92) body += '\\\\';
    else if (c === quote.charCodeAt(0)) body += `\\${quote}`;
    else if (c === 10) body += '\\n';
    else if (c === 13) body += '\\r';
    else if (c === 9) body += '\\t';
    else if (c < 32 || c >= 127) body += `\\x${c.toString(16).padStart(2, '0')}`;
    else body += String.fromCharCode(c);
  }
  return `b${quote}${body}${quote}`;
}

const reprActive = new Set<PyObject>();

export function hexId(o: object): string {
  return `0x${objectId(o).toString(16)}`;
}

export function pyRepr(v: PyValue): string {
  switch (typeof v) {
    case 'string':
      return stringRepr(v);
    case 'number':
      return String(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'True' : 'False';
    default:
      break;
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (reprActive.has(v)) return v instanceof PyList ? '[...]' : v instanceof PyDict ? '{...}' : '...';
  if (
    v instanceof PyList ||
    v instanceof PyTuple ||
    v instanceof PyDict ||
    v instanceof PySet ||
    v instanceof PyInstance
  ) {
    reprActive.add(v);
    try {
      return containerRepr(v);
    } finally {
      reprActive.delete(v);
    }
  }
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${hexId(v)}>`;
  if (v instanceof PyBuiltin)
    return v.owner === 'builtins'
      ? `<built-in function ${v.name}>`
      : `<built-in method ${v.name} of ${v.owner} object at ${hexId(v)}>`;
  if (v instanceof PyBoundMethod) {
    const f = v.func;
    const name = f instanceof PyFunction ? f.qualname : f instanceof PyBuiltin ? f.name : '?';
    return `<bound method ${name} of ${pyRepr(v.self)}>`;
  }
  if (v instanceof PyType) {
    const f = v.metaclass !== null ? lookupType(v.metaclass, '__repr__') : undefined;
    if (f !== undefined && f !== objectRepr) return asText(call(f, [v], null), '__repr__');
  }
  if (v instanceof PyType)
    return v.module === 'builtins' ? `<class '${v.qualname}'>` : `<class '${v.module}.${v.qualname}'>`;
  if (v instanceof PyModule) return `<module '${v.name}'${v.name === '__main__' ? '' : ' (built-in)'}>`;
  if (v instanceof PyRange) {
    const stop = v.exactStop ?? v.stop;
    return v.step === 1 ? `range(${v.start}, ${stop})` : `range(${v.start}, ${stop}, ${v.step})`;
  }
  if (v instanceof PySlice) return `slice(${pyRepr(v.start)}, ${pyRepr(v.stop)}, ${pyRepr(v.step)})`;
  if (v instanceof PyBytes) return bytesRepr(v.data);
  if (v instanceof PySingleton) return v.name;
  if (v instanceof PyGenerator || v instanceof GenexpIterator)
    return `<${v instanceof GenexpIterator ? 'generator' : v.kind} object ${v.qualname} at ${hexId(v)}>`;
  if (v instanceof ForeignObject && v.label !== null) return `<${v.cls.name} object ${v.label} at ${hexId(v)}>`;
  if (v instanceof PyDictView) return `${v.cls.name}(${pyRepr(new PyList([...viewItems(v)]))})`;
  if (v instanceof PyCell) return `<cell at ${hexId(v)}>`;
  return `<${v.cls.name} object at ${hexId(v)}>`;
}

function containerRepr(v: PyList | PyTuple | PyDict | PySet | PyInstance): string {
  if (v instanceof PyList) return `[${v.items.map(pyRepr).join(', ')}]`;
  if (v instanceof PyTuple)
    return v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${v.items.map(pyRepr).join(', ')})`;
  if (v instanceof PyDict) return `{${[...v.map.values()].map((e) => `${pyRepr(e.k)}: ${pyRepr(e.v)}`).join(', ')}}`;
  if (v instanceof PySet) {
    const items = [...v.map.values()].map(pyRepr).join(', ');
    if (v.frozen) return v.map.size === 0 ? 'frozenset()' : `frozenset({${items}})`;
    return v.map.size === 0 ? 'set()' : `{${items}}`;
  }
  const f = slot(v, '__repr__');
  if (f !== undefined && f !== objectRepr) return asText(call(f, [v], null), '__repr__');
  if (v instanceof PyDerived) return pyRepr(v.builtin);
  return defaultRepr(v);
}

/** object.__repr__: what an instance looks like when its class says nothing. */
export function defaultRepr(v: PyInstance): string {
  if (isExceptionType(v.type)) return `${v.type.name}(${exceptionArgs(v).map(pyRepr).join(', ')})`;
  const module = v.type.module;
  return `<${module === 'builtins' ? '' : `${module}.`}${v.type.qualname} object at ${hexId(v)}>`;
}

let objectRepr: PyValue | undefined;
export function setObjectRepr(f: PyValue): void {
  objectRepr = f;
}
