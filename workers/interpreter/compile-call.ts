// Calls: f(…) and obj.name(…). A call with plain positional arguments gets its argument array
// built once; obj.name(…) on a builtin type calls the method with obj apart (no [obj, …args]),
// and a method found on a class goes to its function with obj first, both through an inline
// cache of the lookup. What each callee charges is the same as on the generic path.
import type { Expr, Keyword } from '../../common/python/ast';
import { call, getAttr } from './attributes';
import { compileExpr } from './compile-expr';
import type { Ctx } from './compile-context';
import { pyError } from './errors';
import type { CodeObject, ExprFn, Frame } from './frame';
import { toArray } from './iteration';
import { TypeLookup } from './lookup-cache';
import { local, sourceOf, type Source } from './operands';
import { itemsOf } from './operators';
import { siteFactory } from './per-site';
import {
  PyBuiltin,
  PyDict,
  PyFunction,
  PyInstance,
  PyModule,
  PySuper,
  PyDerived,
  PyType,
  lookupType,
  typeOf,
  type DictEntry,
  type Kwargs,
  type PyValue,
} from './objects';

type ArgsFn = (f: Frame) => PyValue[];
/** The arguments with the object in front: for a method written in Python. */
type SelfArgsFn = (f: Frame, self: PyValue) => PyValue[];

/** Shared by every call with no arguments; frozen, so a callee that would change it fails loudly. */
const NO_ARGS: PyValue[] = Object.freeze([]) as unknown as PyValue[];

/** Evaluates display or call elements, expanding *starred ones. */
export function displayItems(ctx: Ctx, elts: Expr[]): ArgsFn {
  const parts = elts.map((x) =>
    x.kind === 'Starred' ? { star: true, fn: compileExpr(ctx, x.value) } : { star: false, fn: compileExpr(ctx, x) },
  );
  if (parts.every((p) => !p.star))
    return positional(
      parts.map((p) => p.fn),
      false,
    );
  return (f) => {
    const out: PyValue[] = [];
    for (const p of parts) {
      if (p.star) for (const v of toArray(p.fn(f))) out.push(v);
      else out.push(p.fn(f));
    }
    return out;
  };
}

/** A fresh array of the values (or the shared empty one, for a call with no arguments). */
function positional(fns: ExprFn[], shareEmpty: boolean, sources: Source[] | null = null): ArgsFn {
  if (sources !== null && sources.length === 1) {
    const [a] = sources;
    return (f) => [a.slot >= 0 ? local(f, a.slot, a.name) : a.read(f)];
  }
  switch (fns.length) {
    case 0:
      return shareEmpty ? () => NO_ARGS : () => [];
    case 1: {
      const [a] = fns;
      return (f) => [a(f)];
    }
    case 2: {
      const [a, b] = fns;
      return (f) => [a(f), b(f)];
    }
    case 3: {
      const [a, b, c] = fns;
      return (f) => [a(f), b(f), c(f)];
    }
    default:
      return (f) => fns.map((fn) => fn(f));
  }
}

function withSelf(fns: ExprFn[]): SelfArgsFn {
  switch (fns.length) {
    case 0:
      return (_f, self) => [self];
    case 1: {
      const [a] = fns;
      return (f, self) => [self, a(f)];
    }
    case 2: {
      const [a, b] = fns;
      return (f, self) => [self, a(f), b(f)];
    }
    default:
      return (f, self) => [self, ...fns.map((fn) => fn(f))];
  }
}

function keywordArgs(ctx: Ctx, keywords: Keyword[]): ((f: Frame) => Kwargs) | null {
  if (keywords.length === 0) return null;
  const parts = keywords.map((k) => ({ name: k.name, fn: compileExpr(ctx, k.value) }));
  return (f) => {
    const kw = new Map<string, PyValue>();
    for (const p of parts) {
      const v = p.fn(f);
      if (p.name !== null) {
        if (kw.has(p.name)) throw pyError('TypeError', `keyword argument repeated: ${p.name}`);
        kw.set(p.name, v);
        continue;
      }
      const mapping = v instanceof PyInstance && lookupType(v.type, 'keys') !== undefined;
      if (!(v instanceof PyDict) && !mapping)
        throw pyError('TypeError', `argument after ** must be a mapping, not ${typeOf(v).name}`);
      for (const [k, value] of itemsOf(v)) {
        if (typeof k !== 'string') throw pyError('TypeError', 'keywords must be strings');
        kw.set(k, value);
      }
    }
    return kw;
  };
}

export function callExpr(ctx: Ctx, e: Expr & { kind: 'Call' }): ExprFn {
  const simple = e.keywords.length === 0 && e.args.every((a) => a.kind !== 'Starred');
  if (e.func.kind === 'Attribute') {
    const obj = sourceOf(ctx, e.func.value, compileExpr);
    const sources = simple ? e.args.map((a) => sourceOf(ctx, a, compileExpr)) : null;
    const argFns = sources ? sources.map((s) => s.read) : null;
    const args = argFns ? positional(argFns, true, sources) : displayItems(ctx, e.args);
    return methodCall(ctx, obj, e.func.attr, args, keywordArgs(ctx, e.keywords), argFns);
  }
  const func = compileExpr(ctx, e.func);
  if (!simple) {
    const args = displayItems(ctx, e.args);
    const kwargs = keywordArgs(ctx, e.keywords);
    if (kwargs) return (f) => call(func(f), args(f), kwargs(f));
    return (f) => call(func(f), args(f), null);
  }
  const sources = e.args.map((a) => sourceOf(ctx, a, compileExpr));
  const argFns = sources.map((s) => s.read);
  const args = positional(argFns, true, sources);
  const direct = directCall(argFns, sources);
  const only = argFns.length === 1 ? argFns[0] : null;
  return siteFactory(ctx, callCode)(callRuntime, func, argFns.length, args, only, direct);
}

const callRuntime = { PyFunction, PyBuiltin, call } as const;

/** f(a, b): in a loop each call site gets a copy (per-site.ts), so V8 inlines the one callee it sees. */
const callCode =
  (
    { PyFunction, PyBuiltin, call }: typeof callRuntime,
    func: ExprFn,
    argc: number,
    args: ArgsFn,
    /** The argument of a call with exactly one. */
    only: ExprFn | null,
    direct: (f: Frame, callee: Frame) => Frame,
  ) =>
  (f: Frame): PyValue => {
    const fn = func(f);
    if (fn instanceof PyFunction) {
      const code = fn.code as CodeObject;
      // Arguments straight into the new frame's slots: no array in between.
      if (code.simple && code.argcount === argc && code.kind === 'function')
        return code.run(direct(f, code.frameFor(fn)));
      return code.invoke(fn, args(f), null);
    }
    // A builtin of one argument (abs, len, math's): called with it alone, no array.
    if (fn instanceof PyBuiltin) return only !== null && fn.one !== null ? fn.one(only(f)) : fn.fn(args(f), null);
    return call(fn, args(f), null);
  };

/** Stores the arguments in a frame's first slots. */
function directCall(fns: ExprFn[], sources: Source[]): (f: Frame, callee: Frame) => Frame {
  switch (fns.length) {
    case 0:
      return (_f, callee) => callee;
    case 1: {
      const [a] = sources;
      return (f, callee) => {
        callee.locals[0] = a.slot >= 0 ? local(f, a.slot, a.name) : a.read(f);
        return callee;
      };
    }
    case 2: {
      const [a, b] = fns;
      return (f, callee) => {
        const locals = callee.locals;
        locals[0] = a(f);
        locals[1] = b(f);
        return callee;
      };
    }
    default:
      return (f, callee) => {
        const locals = callee.locals;
        for (let i = 0; i < fns.length; i++) locals[i] = fns[i](f);
        return callee;
      };
  }
}

/** obj.name(args): the method is looked up on obj's type without making a bound method. */
function methodCall(
  ctx: Ctx,
  obj: Source,
  name: string,
  args: ArgsFn,
  kwargs: ((f: Frame) => Kwargs) | null,
  argFns: ExprFn[] | null,
): ExprFn {
  const { slot, name: objName, read } = obj;
  const lookup = new TypeLookup(name);
  const selfArgs = argFns !== null && kwargs === null ? withSelf(argFns) : null;
  const direct = argFns !== null && kwargs === null ? directMethod(argFns) : null;
  const argc = argFns === null ? -1 : argFns.length + 1;
  const only = argFns !== null && argFns.length === 1 && kwargs === null ? argFns[0] : null;
  const moduleCall = siteFactory(ctx, moduleCallCode)(moduleRuntime, name, args, only, kwargs);
  /** A function found on the class: self and the arguments go straight into its frame when they can. */
  const pythonMethod = (m: PyFunction, o: PyValue, f: Frame): PyValue => {
    const code = m.code as CodeObject;
    if (direct !== null && code.simple && code.argcount === argc && code.kind === 'function')
      return code.run(direct(f, code.frameFor(m), o));
    if (selfArgs !== null) return code.invoke(m, selfArgs(f, o), null);
    return code.invoke(m, [o, ...args(f)], kwargs ? kwargs(f) : null);
  };
  const builtinMethod = (m: PyBuiltin, o: PyValue, f: Frame): PyValue =>
    // A method of one argument (list.append): called with it alone, no array.
    only !== null && m.methodOne !== null
      ? m.methodOne(o, only(f))
      : m.method !== null
        ? m.method(o, args(f), kwargs ? kwargs(f) : null)
        : m.fn([o, ...args(f)], kwargs ? kwargs(f) : null);
  const generic = (o: PyValue, f: Frame): PyValue => call(getAttr(o, name), args(f), kwargs ? kwargs(f) : null);
  // The instance dict seen last, and whether it had the name: the same while no key is added or removed.
  let own: PyDict | null = null;
  let ownShape = -1;
  let ownHas = false;
  const instanceCall = (o: PyInstance, f: Frame): PyValue => {
    const entry = lookup.find(o.type);
    const d = o.dict;
    if (d !== own || d.shape !== ownShape) {
      own = d;
      ownShape = d.shape;
      ownHas = d.map.has(name);
    }
    // An attribute of the instance's own would hide the class's method.
    if (entry !== undefined && !ownHas) {
      const m = entry.v;
      if (m instanceof PyFunction) return pythonMethod(m, o, f);
      // An int's, str's, dict's or list's method gets the value an instance derived from it holds: generic() unwraps it.
      if (m instanceof PyBuiltin && !(o instanceof PyDerived)) return builtinMethod(m, o, f);
    }
    return generic(o, f);
  };
  /** A list's, str's, dict's… method. */
  const valueCall = (o: PyValue, f: Frame): PyValue => {
    const entry = lookup.find(typeOf(o));
    if (entry !== undefined) {
      const m = entry.v;
      if (m instanceof PyBuiltin) return builtinMethod(m, o, f);
      if (m instanceof PyFunction) return pythonMethod(m, o, f);
    }
    return generic(o, f);
  };
  // One small closure per kind of object: V8 inlines only the kinds a call site has seen.
  return (f) => {
    const o = slot >= 0 ? local(f, slot, objName) : read(f);
    if (o instanceof PyInstance) return instanceCall(o, f);
    if (o instanceof PyModule) return moduleCall(o, f);
    if (o instanceof PyType || o instanceof PySuper) return generic(o, f);
    return valueCall(o, f);
  };
}

const moduleRuntime = { getAttr, call, PyBuiltin } as const;

/**
 * module.name(…): the name's entry in the module's namespace is looked up again only when a key
 * was added or removed; a new value for the name (math.sqrt = …) is seen through the entry. In a
 * loop each call site gets a copy (per-site.ts), with feedback of its own. Measured on cold2's
 * kernel, not explained in full: its second and third runs take 62-66 ms with the copy, 70-83
 * without. Calling a builtin's fn(args) here rather than through call() made the first run of a
 * process slower (72 -> 88 ms), so it goes through call(); a builtin of one argument is called
 * with it alone (76 -> 58 ms, and V8 then allocates neither the array nor, mostly, the float).
 */
const moduleCallCode = (
  { getAttr, call, PyBuiltin }: typeof moduleRuntime,
  name: string,
  args: ArgsFn,
  /** The argument of a call with exactly one. */
  only: ExprFn | null,
  kwargs: ((f: Frame) => Kwargs) | null,
) => {
  let module: PyModule | null = null;
  let shape = -1;
  let entry: DictEntry | undefined = undefined;
  return (o: PyModule, f: Frame): PyValue => {
    if (o !== module || o.dict.shape !== shape) {
      entry = o.dict.map.get(name);
      module = o;
      shape = o.dict.shape;
    }
    // No entry: getAttr raises the AttributeError.
    const fn = entry !== undefined ? entry.v : getAttr(o, name);
    // A builtin of one argument (math.sqrt): called with it alone, no array.
    if (only !== null && fn instanceof PyBuiltin && fn.one !== null) return fn.one(only(f));
    return call(fn, args(f), kwargs ? kwargs(f) : null);
  };
};

/** Stores self and the arguments in a method's frame. */
function directMethod(fns: ExprFn[]): (f: Frame, callee: Frame, self: PyValue) => Frame {
  switch (fns.length) {
    case 0:
      return (_f, callee, self) => {
        callee.locals[0] = self;
        return callee;
      };
    case 1: {
      const [a] = fns;
      return (f, callee, self) => {
        const locals = callee.locals;
        locals[0] = self;
        locals[1] = a(f);
        return callee;
      };
    }
    default:
      return (f, callee, self) => {
        const locals = callee.locals;
        locals[0] = self;
        for (let i = 0; i < fns.length; i++) locals[i + 1] = fns[i](f);
        return callee;
      };
  }
}
