// Constructors and methods of object, type, int, float, bool, str() and the descriptor types.
import {
  call,
  construct,
  findAttr,
  genericDelAttr,
  genericSetAttr,
  getAttr,
  newOf,
  setObjectDelattr,
  setObjectInit,
  setObjectSetattr,
  setTypeCall,
} from './attributes';
import { newDict, setName, truthy } from './compare';
import { setObjectFormat } from './compile-fstring';
import { exceptionArgs, exceptions, initOSError, pyError } from './errors';
import { floatRepr } from './format';
import { arity, charge, defineMethod, float, toFloat, toInt, toStr } from './native';
import * as num from './numbers';
import {
  builtinValue,
  normInt,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyFloat,
  PyInstance,
  PyProperty,
  PySlice,
  PyStaticMethod,
  PyTuple,
  PyType,
  typeOf,
  types,
  type NativeFn,
  type PyValue,
} from './objects';
import { typeNew } from './compile-function';
import { defaultRepr, osErrorStr, pyRepr, pyStr, setObjectRepr, setObjectStr } from './text';
import { itemsOf } from './operators';

const intPattern = /^[+-]?(\d(_?\d)*)$/;

function parseIntText(text: string, base: number): number | bigint {
  const t = text
    .trim()
    .replace(/_/g, (m, i: number, s: string) =>
      i > 0 && /[0-9a-z]/i.test(s[i - 1]) && /[0-9a-z]/i.test(s[i + 1] ?? '') ? '' : m,
    );
  let sign = 1n;
  let body = t;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body[0] === '-') sign = -1n;
    body = body.slice(1);
  }
  let b = base;
  const prefixed = /^0[xXoObB]/.exec(body);
  if (prefixed && (b === 0 || b === { x: 16, o: 8, b: 2 }[body[1].toLowerCase() as 'x' | 'o' | 'b'])) {
    b = { x: 16, o: 8, b: 2 }[body[1].toLowerCase() as 'x' | 'o' | 'b'];
    body = body.slice(2);
  }
  if (b === 0) b = 10;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  if (
    body === '' ||
    [...body.toLowerCase()].some((c) => !digits.includes(c)) ||
    (base === 10 && !intPattern.test(t.replace(/^[+-]/, '')) && !prefixed)
  )
    throw pyError('ValueError', `invalid literal for int() with base ${base}: ${pyRepr(text)}`);
  let n = 0n;
  for (const c of body.toLowerCase()) n = n * BigInt(b) + BigInt(digits.indexOf(c));
  return normInt(sign * n);
}

function toIntValue(v: PyValue, base: PyValue): number | bigint {
  v = builtinValue(v);
  if (base !== null) {
    const b = toInt(base, 'base');
    if (b !== 0 && (b < 2 || b > 36)) throw pyError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
    if (typeof v !== 'string') throw pyError('TypeError', "int() can't convert non-string with explicit base");
    return parseIntText(v, b);
  }
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return Number(v);
  if (v instanceof PyFloat) return num.floatToInt(v.v);
  if (typeof v === 'string') return parseIntText(v, 10);
  const m = findAttr(v, '__int__') ?? findAttr(v, '__index__');
  if (m !== undefined) return call(m, [], null) as number;
  throw pyError(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${typeOf(v).name}'`,
  );
}

function toFloatValue(v: PyValue): number {
  v = builtinValue(v);
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase().replace(/_/g, '');
    const special: Record<string, number> = {
      nan: NaN,
      '+nan': NaN,
      '-nan': NaN,
      inf: Infinity,
      '+inf': Infinity,
      '-inf': -Infinity,
      infinity: Infinity,
      '+infinity': Infinity,
      '-infinity': -Infinity,
    };
    if (t in special) return special[t];
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t))
      throw pyError('ValueError', `could not convert string to float: ${pyRepr(v)}`);
    return Number(t);
  }
  if (num.isNum(v)) return num.toNumber(v);
  const m = findAttr(v, '__float__');
  if (m !== undefined) return toFloat(call(m, [], null));
  throw pyError('TypeError', `float() argument must be a string or a real number, not '${typeOf(v).name}'`);
}

export function initCoreTypes(): void {
  const { object, type, int, float: floatType, bool, str } = types;

  // object
  const objectInit = new PyBuiltin('__init__', () => null, 'object');
  setName(object.dict, '__init__', objectInit);
  setObjectInit(objectInit);
  const objectStr = new PyBuiltin('__str__', (args) => pyRepr(args[0]), 'object');
  const objectRepr = new PyBuiltin(
    '__repr__',
    (args) => (args[0] instanceof PyInstance ? defaultRepr(args[0]) : pyRepr(args[0])),
    'object',
  );
  setName(object.dict, '__str__', objectStr);
  setName(object.dict, '__repr__', objectRepr);
  setObjectStr(objectStr);
  setObjectRepr(objectRepr);
  const objectSetattr = new PyBuiltin(
    '__setattr__',
    (args) => {
      arity('__setattr__', args, 3);
      genericSetAttr(args[0], toStr(args[1], 'attribute name'), args[2]);
      return null;
    },
    'object',
  );
  setName(object.dict, '__setattr__', objectSetattr);
  setObjectSetattr(objectSetattr);
  // What super().__init_subclass__(**kwargs) reaches at the end of the chain of hooks.
  setName(
    object.dict,
    '__init_subclass__',
    new PyBuiltin(
      '__init_subclass__',
      (args, kwargs) => {
        if (kwargs && kwargs.size > 0)
          throw pyError('TypeError', `${(args[0] as PyType).name}.__init_subclass__() takes no keyword arguments`);
        return null;
      },
      'object',
    ),
  );
  const objectDelattr = new PyBuiltin(
    '__delattr__',
    (args) => {
      arity('__delattr__', args, 2);
      genericDelAttr(args[0], toStr(args[1], 'attribute name'));
      return null;
    },
    'object',
  );
  setName(object.dict, '__delattr__', objectDelattr);
  setObjectDelattr(objectDelattr);
  setName(
    object.dict,
    '__getattribute__',
    new PyBuiltin(
      '__getattribute__',
      (args) => {
        arity('__getattribute__', args, 2);
        return getAttr(args[0], toStr(args[1], 'attribute name'));
      },
      'object',
    ),
  );
  const objectFormat = new PyBuiltin('__format__', (args) => pyStr(args[0]), 'object');
  setName(object.dict, '__format__', objectFormat);
  setObjectFormat(objectFormat);
  setName(object.dict, '__eq__', new PyBuiltin('__eq__', (args) => args[0] === args[1], 'object'));
  object.construct = (cls) => new PyInstance(cls);

  // type(x), and type(name, bases, ns) as type.__new__ makes a class (of a metaclass too: cls)
  type.construct = (cls, args, kwargs) => {
    if (args.length === 1 && cls === type) return typeOf(args[0]);
    arity(cls.name, args, 3, 3);
    const [name, bases, ns] = args;
    if (typeof name !== 'string')
      throw pyError('TypeError', `type.__new__() argument 1 must be str, not ${typeOf(name).name}`);
    if (!(bases instanceof PyTuple))
      throw pyError('TypeError', `type.__new__() argument 2 must be tuple, not ${typeOf(bases).name}`);
    return typeNew(cls, name, bases.items, ns instanceof PyDict ? ns : newDict(itemsOf(ns)), kwargs);
  };
  const typeCall = new PyBuiltin(
    '__call__',
    (args, kwargs) => {
      const cls = args[0];
      if (!(cls instanceof PyType)) throw pyError('TypeError', "descriptor '__call__' requires a 'type' object");
      return construct(cls, args.slice(1), kwargs);
    },
    'type',
  );
  setName(type.dict, '__call__', typeCall);
  setTypeCall(typeCall);
  // X.__new__(cls, ...) of the builtin types a class may derive from: what super().__new__(cls) reaches.
  for (const t of [object, type, int, str])
    setName(
      t.dict,
      '__new__',
      new PyBuiltin(
        '__new__',
        (args, kwargs) => {
          const cls = args[0];
          if (!(cls instanceof PyType))
            throw pyError('TypeError', `${t.name}.__new__(X): X is not a type object (${typeOf(cls).name})`);
          if (!cls.mro.includes(t))
            throw pyError('TypeError', `${t.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${t.name}`);
          if (t === object) return cls.mro.find((k) => k.construct !== null)!.construct!(cls, [], null);
          return newOf(t, cls, args.slice(1), kwargs);
        },
        t.name,
      ),
    );
  setName(type.dict, 'mro', new PyBuiltin('mro', (args) => new PyTuple((args[0] as PyType).mro), 'type'));

  int.construct = (_cls, args, kwargs) => {
    if (args.length > 2) throw pyError('TypeError', `int() takes at most 2 arguments (${args.length} given)`);
    if (args.length === 0) return 0;
    return toIntValue(args[0], args.length > 1 ? args[1] : (kwargs?.get('base') ?? null));
  };
  defineMethod(
    int,
    'bit_length',
    (self) =>
      (BigInt(self as number) < 0n ? -BigInt(self as number) : BigInt(self as number)).toString(2).replace(/^0$/, '')
        .length,
  );
  defineMethod(int, 'conjugate', (self) => self);
  defineMethod(
    int,
    'bit_count',
    (self) =>
      [...(BigInt(self as number) < 0n ? -BigInt(self as number) : BigInt(self as number)).toString(2)].filter(
        (c) => c === '1',
      ).length,
  );
  defineMethod(int, 'as_integer_ratio', (self) => new PyTuple([typeof self === 'boolean' ? Number(self) : self, 1]));
  const intValue = new PyBuiltin('real', (args) => (typeof args[0] === 'boolean' ? Number(args[0]) : args[0]), 'int');
  setName(int.dict, 'real', new PyProperty(intValue));
  setName(int.dict, 'numerator', new PyProperty(intValue));
  setName(int.dict, 'imag', new PyProperty(new PyBuiltin('imag', () => 0, 'int')));
  setName(int.dict, 'denominator', new PyProperty(new PyBuiltin('denominator', () => 1, 'int')));

  bool.construct = (_cls, args) => {
    arity('bool', args, 0, 1);
    return args.length === 0 ? false : truthy(args[0]);
  };

  floatType.construct = (_cls, args) => {
    arity('float', args, 0, 1);
    return float(args.length === 0 ? 0 : toFloatValue(args[0]));
  };
  defineMethod(floatType, 'is_integer', (self) => Number.isInteger((self as PyFloat).v));
  defineMethod(floatType, 'conjugate', (self) => self);
  setName(floatType.dict, 'real', new PyProperty(new PyBuiltin('real', (args) => args[0], 'float')));
  setName(floatType.dict, 'imag', new PyProperty(new PyBuiltin('imag', () => float(0), 'float')));
  defineMethod(floatType, '__repr__', (self) => floatRepr((self as PyFloat).v));
  defineMethod(floatType, 'as_integer_ratio', (self) => {
    let x = (self as PyFloat).v;
    let d = 1n;
    while (!Number.isInteger(x)) {
      x *= 2;
      d *= 2n;
    }
    return new PyTuple([normInt(BigInt(x)), normInt(d)]);
  });

  str.construct = (_cls, args) => {
    if (args.length > 3) throw pyError('TypeError', `str() takes at most 3 arguments (${args.length} given)`);
    if (args.length === 0) return '';
    charge();
    return pyStr(args[0]);
  };

  types.slice.construct = (_cls, args) => {
    arity('slice', args, 1, 3);
    return args.length === 1 ? new PySlice(null, args[0], null) : new PySlice(args[0], args[1], args[2] ?? null);
  };
  for (const field of ['start', 'stop', 'step'] as const)
    setName(
      types.slice.dict,
      field,
      new PyProperty(new PyBuiltin(field, (args) => (args[0] as PySlice)[field], 'slice')),
    );

  // descriptors
  types.property.construct = (_cls, args, kwargs) =>
    new PyProperty(args[0] ?? kwargs?.get('fget') ?? null, args[1] ?? kwargs?.get('fset') ?? null, args[2] ?? null);
  defineMethod(
    types.property,
    'setter',
    (self, args) => new PyProperty((self as PyProperty).fget, args[0], (self as PyProperty).fdel),
  );
  defineMethod(
    types.property,
    'getter',
    (self, args) => new PyProperty(args[0], (self as PyProperty).fset, (self as PyProperty).fdel),
  );
  types.staticmethod.construct = (_cls, args) => new PyStaticMethod(args[0]);
  types.classmethod.construct = (_cls, args) => new PyClassMethod(args[0]);
  // What abc.ABCMeta reads to find abstract methods behind a property, classmethod or staticmethod.
  const getter = (t: PyType, name: string, get: (self: PyValue) => PyValue) =>
    setName(t.dict, name, new PyProperty(new PyBuiltin(name, (args) => get(args[0]), t.name)));
  const abstract = (f: PyValue) => f !== null && truthy(findAttr(f, '__isabstractmethod__') ?? false);
  for (const field of ['fget', 'fset', 'fdel'] as const) getter(types.property, field, (self) => (self as PyProperty)[field]);
  getter(types.property, '__isabstractmethod__', (self) => {
    const p = self as PyProperty;
    return abstract(p.fget) || abstract(p.fset) || abstract(p.fdel);
  });
  for (const t of [types.classmethod, types.staticmethod]) {
    getter(t, '__func__', (self) => (self as PyClassMethod | PyStaticMethod).func);
    getter(t, '__isabstractmethod__', (self) => abstract((self as PyClassMethod | PyStaticMethod).func));
  }

  // exceptions: str(), repr() and args come from errors.ts and text.ts; __init__ keeps args
  const base = exceptions.BaseException;
  setName(
    base.dict,
    '__init__',
    new PyBuiltin(
      '__init__',
      (args) => {
        const self = args[0] as PyInstance;
        setName(self.dict, 'args', new PyTuple(args.slice(1)));
        return null;
      },
      'BaseException',
    ),
  );
  setName(base.dict, 'with_traceback', new PyBuiltin('with_traceback', (args) => args[0], 'BaseException'));
  const baseStr: NativeFn = (args) => {
    const a = exceptionArgs(args[0] as PyInstance);
    return a.length === 0
      ? ''
      : a.length === 1
        ? (args[0] as PyInstance).type.mro.includes(exceptions.KeyError)
          ? pyRepr(a[0])
          : pyStr(a[0])
        : pyRepr(new PyTuple(a));
  };
  setName(base.dict, '__str__', new PyBuiltin('__str__', baseStr, 'BaseException'));
  setName(
    exceptions.OSError.dict,
    '__init__',
    new PyBuiltin(
      '__init__',
      (args) => {
        initOSError(args[0] as PyInstance, args.slice(1));
        return null;
      },
      'OSError',
    ),
  );
  setName(
    exceptions.OSError.dict,
    '__str__',
    new PyBuiltin('__str__', (args) => osErrorStr(args[0] as PyInstance) ?? baseStr([args[0]], null), 'OSError'),
  );
  setName(
    exceptions.StopIteration.dict,
    'value',
    new PyProperty(new PyBuiltin('value', (args) => exceptionArgs(args[0] as PyInstance)[0] ?? null)),
  );
}
