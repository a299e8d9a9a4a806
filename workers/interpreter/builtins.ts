// The builtins module: print, len, range, sorted and the rest of the functions every program
// can call without importing anything.
import { attributeNames, callMethod, delAttr, findAttr, getAttr, setAttr } from './attributes';
import { setName } from './compare';
import { formatObject } from './compile-fstring';
import { exceptions, pyError, PyExc } from './errors';
import type { Frame } from './frame';
import { len } from './items';
import { arity, charge, clinicArity, defineFunction, defineUnary, kwarg, onlyKwargs, running, toInt } from './native';
import * as num from './numbers';
import {
  Ellipsis,
  isSubtype,
  lookupType,
  normInt,
  NotImplemented,
  PyBoundMethod,
  PyBuiltin,
  PyDict,
  PyFloat,
  PyFunction,
  PyDerived,
  PyInstance,
  builtinValue,
  slot,
  PyList,
  PyModule,
  PyObject,
  PySuper,
  PyTuple,
  PyType,
  typeOf,
  types,
  type Kwargs,
  type PyValue,
} from './objects';
import { binaryOp } from './operators';
import { instanceCheck, subclassCheck } from './subclass-hooks';
import { pyRepr, pyStr } from './text';
import { pyHash, valueId } from './hash';
import { initIterationBuiltins } from './builtins-iter';
import { roundFloat, roundInt } from './decimal';
import { cpLength } from './code-points';

/** Where print() writes: the engine records each call as a print event on the thread's lane. */
export interface Output {
  write(text: string, stream: 'stdout' | 'stderr'): void;
}

export function makeBuiltins(output: Output): PyDict {
  const b = new PyDict();
  const fn = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) => defineFunction(b, name, f);

  for (const [name, t] of Object.entries(types))
    if (
      ![
        'NoneType',
        'NotImplementedType',
        'ellipsis',
        'function',
        'builtin_function_or_method',
        'method',
        'module',
        'cell',
        'iterator',
        'generator',
        'coroutine',
        'dict_keys',
        'dict_values',
        'dict_items',
      ].includes(name)
    )
      setName(b, name, t);
  for (const [name, e] of Object.entries(exceptions)) setName(b, name, e);
  setName(b, 'NotImplemented', NotImplemented);
  setName(b, 'Ellipsis', Ellipsis);
  setName(b, '__name__', 'builtins');
  setName(b, '__debug__', true);

  initIterationBuiltins(fn);
  fn('print', (args, kwargs) => {
    onlyKwargs('print', kwargs, ['sep', 'end', 'file', 'flush']);
    const sep = kwarg(kwargs, 'sep', ' ');
    const end = kwarg(kwargs, 'end', '\n');
    if (sep !== null && typeof sep !== 'string')
      throw pyError('TypeError', `sep must be None or a string, not ${typeOf(sep).name}`);
    if (end !== null && typeof end !== 'string')
      throw pyError('TypeError', `end must be None or a string, not ${typeOf(end).name}`);
    const file = kwarg(kwargs, 'file', null);
    const text = args.map(pyStr).join(sep ?? ' ') + (end ?? '\n');
    charge(text.length / 8);
    if (
      file !== null &&
      file instanceof PyModule === false &&
      findAttr(file, 'write') !== undefined &&
      !isStdStream(file)
    ) {
      callMethod(file, 'write', [text]);
      return null;
    }
    output.write(text, isStderr(file) ? 'stderr' : 'stdout');
    return null;
  });
  defineUnary(b, 'len', (v) => {
    charge();
    return len(v);
  });
  fn('repr', (args) => {
    arity('repr', args, 1);
    charge();
    return pyRepr(args[0]);
  });
  fn('ascii', (args) => pyRepr(args[0]));
  fn('format', (args) => {
    arity('format', args, 1, 2);
    charge();
    return formatObject(args[0], args.length > 1 ? (args[1] as string) : '');
  });
  defineUnary(b, 'abs', (v) => {
    if (num.isNum(v)) return num.abs(v);
    if (v instanceof PyDerived && slot(v, '__abs__') === undefined && num.isNum(v.builtin)) return num.abs(v.builtin);
    if (findAttr(v, '__abs__') === undefined)
      throw pyError('TypeError', `bad operand type for abs(): '${typeOf(v).name}'`);
    return callMethod(v, '__abs__', []);
  });
  fn('round', (args, kwargs) => {
    clinicArity('round', args, ['number', 'ndigits'], 1);
    const v = args[0];
    const nd = args.length > 1 ? args[1] : kwarg(kwargs, 'ndigits', null);
    // An ndigits beyond any float's digits (10 ** 20) rounds to the value itself, or to zero.
    const digits = (d: PyValue) => (typeof d === 'bigint' ? (d > 0n ? 400 : -400) : toInt(d, 'ndigits'));
    if (v instanceof PyFloat) {
      if (nd === null) return num.floatToInt(num.roundHalfEven(v.v));
      return new PyFloat(roundFloat(v.v, digits(nd)));
    }
    if (num.isNum(builtinValue(v)) && slot(v, '__round__') === undefined) {
      const i = builtinValue(v);
      const n = typeof i === 'boolean' ? Number(i) : (i as number | bigint);
      const k = nd === null ? 0 : digits(nd);
      return k >= 0 ? n : normInt(roundInt(BigInt(n), k));
    }
    if (!(v instanceof PyInstance) || lookupType(v.type, '__round__') === undefined)
      throw pyError('TypeError', `type ${typeOf(v).name} doesn't define __round__ method`);
    return callMethod(v, '__round__', nd === null ? [] : [nd]);
  });
  fn('divmod', (args) => {
    arity('divmod', args, 2);
    const [a, b] = args;
    if (num.isNum(a) && num.isNum(b) && (b instanceof PyFloat ? b.v === 0 : Number(b) === 0))
      throw pyError(
        'ZeroDivisionError',
        a instanceof PyFloat || b instanceof PyFloat ? 'float divmod()' : 'integer division or modulo by zero',
      );
    if (!(num.isNum(a) && num.isNum(b)) && !(a instanceof PyInstance) && !(b instanceof PyInstance))
      throw pyError(
        'TypeError',
        `unsupported operand type(s) for divmod(): '${typeOf(a).name}' and '${typeOf(b).name}'`,
      );
    return new PyTuple([binaryOp('//', args[0], args[1]), binaryOp('%', args[0], args[1])]);
  });
  fn('pow', (args) => {
    clinicArity('pow', args, ['base', 'exp', 'mod'], 2);
    if (args.length === 3) {
      const [b, e, m] = args;
      if (!num.isNum(b) || !num.isNum(e) || !num.isNum(m))
        throw pyError(
          'TypeError',
          `unsupported operand type(s) for ** or pow(): ${args.map((x) => `'${typeOf(x).name}'`).join(', ')}`,
        );
      if (b instanceof PyFloat || e instanceof PyFloat || m instanceof PyFloat)
        throw pyError('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
      return num.powMod(b, e, m);
    }
    return binaryOp('**', args[0], args[1]);
  });
  fn('isinstance', (args) => {
    arity('isinstance', args, 2);
    return instanceCheck(args[0], args[1]);
  });
  fn('issubclass', (args) => {
    arity('issubclass', args, 2);
    return subclassCheck(args[0], args[1]);
  });
  fn('callable', (args) => {
    arity('callable', args, 1);
    const v = args[0];
    if (v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyBoundMethod || v instanceof PyType)
      return true;
    return v instanceof PyObject && lookupType(typeOf(v), '__call__') !== undefined;
  });
  fn('hash', (args) => {
    arity('hash', args, 1);
    return pyHash(args[0]);
  });
  fn('id', (args) => {
    arity('id', args, 1);
    return valueId(args[0]);
  });
  fn('chr', (args) => {
    arity('chr', args, 1);
    const c = toInt(args[0], 'chr');
    if (c < 0 || c > 0x10ffff) throw pyError('ValueError', 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(c);
  });
  fn('ord', (args) => {
    arity('ord', args, 1);
    const s = args[0];
    if (typeof s !== 'string')
      throw pyError('TypeError', `ord() expected string of length 1, but ${typeOf(s).name} found`);
    if (cpLength(s) !== 1)
      throw pyError('TypeError', `ord() expected a character, but string of length ${cpLength(s)} found`);
    return s.codePointAt(0)!;
  });
  const radix = (name: string, base: number, prefix: string) =>
    fn(name, (args) => {
      const v = args[0];
      if (!num.isNum(v) || v instanceof PyFloat)
        throw pyError('TypeError', `'${typeOf(v).name}' object cannot be interpreted as an integer`);
      const n = BigInt(typeof v === 'boolean' ? Number(v) : v);
      return (n < 0n ? '-' : '') + prefix + (n < 0n ? -n : n).toString(base);
    });
  radix('hex', 16, '0x');
  radix('oct', 8, '0o');
  radix('bin', 2, '0b');
  fn('getattr', (args) => {
    arity('getattr', args, 2, 3);
    const name = args[1];
    if (typeof name !== 'string')
      throw pyError('TypeError', `attribute name must be string, not '${typeOf(name).name}'`);
    if (args.length === 3) return attrOrUndefined(args[0], name) ?? args[2];
    return getAttr(args[0], name);
  });
  fn('setattr', (args) => {
    arity('setattr', args, 3);
    setAttr(args[0], args[1] as string, args[2]);
    return null;
  });
  fn('delattr', (args) => {
    arity('delattr', args, 2);
    delAttr(args[0], args[1] as string);
    return null;
  });
  fn('hasattr', (args) => {
    arity('hasattr', args, 2);
    if (typeof args[1] !== 'string')
      throw pyError('TypeError', `attribute name must be string, not '${typeOf(args[1]).name}'`);
    return attrOrUndefined(args[0], args[1]) !== undefined;
  });
  fn('vars', (args) => {
    const v = args[0];
    const d = findAttr(v, '__dict__');
    if (d === undefined) throw pyError('TypeError', 'vars() argument must have __dict__ attribute');
    return d;
  });
  fn('dir', (args) => {
    arity('dir', args, 0, 1);
    if (args.length === 0) return new PyList(dictNames(locals()).sort());
    return new PyList(attributeNames(args[0]));
  });
  fn('globals', () => currentFrame().globals);
  fn('locals', () => locals());
  fn('super', (args) => {
    if (args.length === 2) return new PySuper(args[0] as PyType, args[1]);
    const f = currentFrame();
    const cell = f.code.cellNames.indexOf('__class__');
    const self =
      f.locals[f.code.paramTargets[0] ?? 0] ??
      (f.code.paramTargets[0] < 0 ? f.cells[~f.code.paramTargets[0]].v : undefined);
    if (cell < 0 || self === undefined) throw pyError('RuntimeError', 'super(): no arguments');
    return new PySuper(f.cells[cell].v as PyType, self);
  });
  fn('input', () => {
    throw pyError('EOFError', 'EOF when reading a line (GIL Lab programs have no keyboard input)');
  });
  fn('open', () => {
    throw pyError('OSError', 'GIL Lab programs cannot open files');
  });
  fn('exit', (args) => {
    throw pyError('SystemExit', undefined, ...args);
  });
  setName(b, 'quit', b.map.get('exit')!.v);
  fn('__import__', () => {
    throw pyError('ImportError', '__import__ is not supported here: use import');
  });
  return b;
}

function isStdStream(v: PyValue): boolean {
  return v instanceof PyModule === false && findAttr(v, '__gil_lab_stream__') !== undefined;
}

function isStderr(v: PyValue): boolean {
  return v !== null && findAttr(v, '__gil_lab_stream__') === 'stderr';
}

/** getattr(obj, name, default) and hasattr: an AttributeError (from __getattr__ too) means no attribute. */
function attrOrUndefined(obj: PyValue, name: string): PyValue | undefined {
  try {
    return findAttr(obj, name);
  } catch (e) {
    if (e instanceof PyExc && isSubtype(e.value.type, exceptions.AttributeError)) return undefined;
    throw e;
  }
}

function locals(): PyDict {
  const f = currentFrame();
  if (f.ns || f.code.name === '<module>') return f.ns ?? f.globals;
  const d = new PyDict();
  const value = new Map<string, PyValue>();
  f.code.slotNames.forEach((name, slot) => {
    const v = f.locals[slot];
    if (v !== undefined && !name.includes('\u00b7')) value.set(name, v);
  });
  f.code.cellNames.forEach((name, i) => {
    const v = f.cells[i]?.v;
    if (v !== undefined && name !== '__class__') value.set(name, v);
  });
  for (const name of [...f.code.varnames, ...value.keys()]) if (value.has(name)) setName(d, name, value.get(name)!);
  return d;
}

function dictNames(d: PyDict): string[] {
  return [...d.map.keys()].filter((k): k is string => typeof k === 'string');
}

function currentFrame(): Frame {
  return running.ts!.frame!;
}
