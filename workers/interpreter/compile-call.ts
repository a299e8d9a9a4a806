// Calls: f(…) and obj.name(…). A call with plain positional arguments gets its argument array
// built once; obj.name(…) on a builtin type calls the method with obj apart (no [obj, …args]),
// and a method found on a class goes to its function with obj first, both through an inline
// cache of the lookup. What each callee charges is the same as on the generic path.
import type { Expr, Keyword } from '../../common/python/ast';
import { call, getAttr } from './attributes';
import { compileExpr } from './compile-expr';
import type { Ctx } from './compile-context';
import { pyError } from './errors';
import type { ExprFn, Frame } from './frame';
import { toArray } from './iteration';
import { TypeLookup } from './lookup-cache';
import { PyBuiltin, PyDict, PyFunction, PyInstance, PyModule, PySuper, PyType, typeOf, type Kwargs, type PyValue } from './objects';

type ArgsFn = (f: Frame) => PyValue[];
/** The arguments with the object in front: for a method written in Python. */
type SelfArgsFn = (f: Frame, self: PyValue) => PyValue[];

/** Shared by every call with no arguments; frozen, so a callee that would change it fails loudly. */
const NO_ARGS: PyValue[] = Object.freeze([]) as unknown as PyValue[];

/** Evaluates display or call elements, expanding *starred ones. */
export function displayItems(ctx: Ctx, elts: Expr[]): ArgsFn {
  const parts = elts.map((x) => (x.kind === 'Starred' ? { star: true, fn: compileExpr(ctx, x.value) } : { star: false, fn: compileExpr(ctx, x) }));
  if (parts.every((p) => !p.star)) return positional(parts.map((p) => p.fn), false);
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
function positional(fns: ExprFn[], shareEmpty: boolean): ArgsFn {
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

function withSelf(ctx: Ctx, args: Expr[]): SelfArgsFn | null {
  if (args.some((a) => a.kind === 'Starred')) return null;
  const fns = args.map((a) => compileExpr(ctx, a));
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
      if (!(v instanceof PyDict)) throw pyError('TypeError', `argument after ** must be a mapping, not ${typeOf(v).name}`);
      for (const entry of v.map.values()) {
        if (typeof entry.k !== 'string') throw pyError('TypeError', 'keywords must be strings');
        kw.set(entry.k, entry.v);
      }
    }
    return kw;
  };
}

export function callExpr(ctx: Ctx, e: Expr & { kind: 'Call' }): ExprFn {
  const simple = e.keywords.length === 0 && e.args.every((a) => a.kind !== 'Starred');
  const args = simple ? positional(e.args.map((a) => compileExpr(ctx, a)), true) : displayItems(ctx, e.args);
  const kwargs = keywordArgs(ctx, e.keywords);
  if (e.func.kind === 'Attribute') return methodCall(ctx, compileExpr(ctx, e.func.value), e.func.attr, args, kwargs, simple ? withSelf(ctx, e.args) : null);
  const func = compileExpr(ctx, e.func);
  if (kwargs) return (f) => call(func(f), args(f), kwargs(f));
  return (f) => {
    const fn = func(f);
    const argv = args(f);
    if (fn instanceof PyFunction) return fn.code.invoke(fn, argv, null);
    return fn instanceof PyBuiltin ? fn.fn(argv, null) : call(fn, argv, null);
  };
}

/** obj.name(args): the method is looked up on obj's type without making a bound method. */
function methodCall(ctx: Ctx, objFn: ExprFn, name: string, args: ArgsFn, kwargs: ((f: Frame) => Kwargs) | null, selfArgs: SelfArgsFn | null): ExprFn {
  const lookup = new TypeLookup(name);
  let module: PyModule | null = null;
  let shape = -1;
  let moduleFn: PyValue = null;
  const moduleCall = (o: PyModule, f: Frame): PyValue => {
    if (o !== module || o.dict.shape !== shape) {
      moduleFn = getAttr(o, name);
      module = o;
      shape = o.dict.shape;
    }
    return call(moduleFn, args(f), kwargs ? kwargs(f) : null);
  };
  return (f) => {
    const o = objFn(f);
    if (o instanceof PyModule) return moduleCall(o, f);
    if (!(o instanceof PyType) && !(o instanceof PySuper)) {
      const entry = lookup.find(typeOf(o));
      if (entry !== undefined) {
        const m = entry.v;
        const shadowed = o instanceof PyInstance && o.dict.map.has(name);
        if (m instanceof PyBuiltin && !shadowed) {
          if (m.method !== null) return m.method(o, args(f), kwargs ? kwargs(f) : null);
          return m.fn([o, ...args(f)], kwargs ? kwargs(f) : null);
        }
        if (m instanceof PyFunction && !shadowed) {
          if (selfArgs !== null && kwargs === null) return m.code.invoke(m, selfArgs(f, o), null);
          return m.code.invoke(m, [o, ...args(f)], kwargs ? kwargs(f) : null);
        }
      }
    }
    const bound = getAttr(o, name);
    return call(bound, args(f), kwargs ? kwargs(f) : null);
  };
}
