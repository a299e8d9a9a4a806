// def, lambda and class: each compiles its body once into a code object; executing the
// statement makes the function (defaults and closure cells from the running frame) or the class.
import { walk, type Arguments, type Expr, type Stmt } from '../../common/python/ast';
import { call } from './attributes';
import { setName } from './compare';
import type { Ctx } from './compile-context';
import { compileExpr } from './compile-expr';
import { compileGeneratorBody } from './compile-gen';
import { compileBlock } from './compile-stmt';
import { pyError } from './errors';
import { CodeObject, Frame, RETURN, type ExprFn, type Signature } from './frame';
import {
  computeMro,
  isSubtype,
  type Kwargs,
  lookupType,
  PyBoundMethod,
  PyCell,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  PyType,
  typeOf,
  types,
  type PyValue,
} from './objects';
import type { Scope } from './scope';

/** Builtin types a class written in Python may not (yet) derive from: their instances are not PyInstances. */
const closedBases = new Set([
  types.set,
  types.frozenset,
  types.tuple,
  types.float,
  types.bool,
  types.bytes,
]);

function signatureOf(args: Arguments): Signature {
  return {
    positional: [...args.posonly, ...args.args].map((a) => a.name),
    posonlyCount: args.posonly.length,
    vararg: args.vararg?.name ?? null,
    kwonly: args.kwonly.map((a) => a.name),
    kwarg: args.kwarg?.name ?? null,
  };
}

/** A code object for a scope, with its slots, cells and parameters laid out. */
function newCode(ctx: Ctx, scope: Scope, node: Stmt | Expr, signature: Signature): CodeObject {
  const code = new CodeObject(scope.name, scope.qualname, ctx.env.file, node.line, node.nid, signature, ctx.ts);
  code.nslots = scope.nslots;
  code.cellNames = [...scope.cellvars, ...scope.freevars];
  code.cellvarCount = scope.cellvars.length;
  const params = [
    ...signature.positional,
    ...(signature.vararg ? [signature.vararg] : []),
    ...signature.kwonly,
    ...(signature.kwarg ? [signature.kwarg] : []),
  ];
  code.paramTargets = params.map((p) => {
    const cell = scope.cellvars.indexOf(p);
    return cell >= 0 ? ~cell : scope.slots.get(p)!;
  });
  for (const [name, slot] of scope.slots) code.slotNames[slot] = name;
  code.varnames = [...new Set([...params, ...scope.slots.keys()])].filter((n) => !n.includes('\u00b7'));
  code.argcount = signature.positional.length;
  code.simple =
    signature.vararg === null &&
    signature.kwonly.length === 0 &&
    signature.kwarg === null &&
    code.paramTargets.every((t, i) => t === i);
  code.poolable =
    scope.kind === 'function' &&
    !scope.isGenerator &&
    !scope.isCoroutine &&
    scope.cellvars.length === 0 &&
    !holdsGeneratorExp(node);
  code.kind = scope.isCoroutine ? 'coroutine' : scope.isGenerator ? 'generator' : 'function';
  ctx.codes.set(node.nid, code);
  return code;
}

/** A generator expression reads its frame after the call returned, so that frame cannot be reused. */
function holdsGeneratorExp(node: Stmt | Expr): boolean {
  const body = node.kind === 'FunctionDef' ? node.body : node.kind === 'Lambda' ? [node.body] : [];
  for (const n of walk(body as Stmt[])) if (n.kind === 'GeneratorExp') return true;
  return false;
}

/** Compiles `f` with ctx pointing at its scope and code, then restores both. */
function within<T>(ctx: Ctx, scope: Scope, code: CodeObject, f: () => T): T {
  const [savedScope, savedCode] = [ctx.scope, ctx.code];
  ctx.scope = scope;
  ctx.code = code;
  try {
    return f();
  } finally {
    ctx.scope = savedScope;
    ctx.code = savedCode;
  }
}

/** Reads the cells a new function closes over from the defining frame. */
function closureReader(ctx: Ctx, scope: Scope): ((f: Frame) => PyCell[]) | null {
  if (scope.freevars.length === 0) return null;
  const indices = scope.freevars.map((name) => ctx.cellIndex(name));
  return (f) => indices.map((i) => f.cells[i]);
}

/** A body's docstring: its first statement when that is a string literal. */
export function docstring(body: Stmt[]): string | null {
  const first = body[0];
  return first?.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str'
    ? first.value.value.value
    : null;
}

export function makeFunction(
  ctx: Ctx,
  node: (Stmt & { kind: 'FunctionDef' }) | (Expr & { kind: 'Lambda' }),
  name: string,
  decorators: Expr[],
  args: Arguments,
): ExprFn {
  const scope = ctx.table.scopes.get(node.nid)!;
  const code = newCode(ctx, scope, node, signatureOf(args));
  within(ctx, scope, code, () => {
    if (node.kind === 'Lambda') {
      // A lambda that yields is a generator: its body compiles as one (a yield is no plain expression).
      if (code.kind !== 'function') compileGeneratorBody(ctx, code, [{ ...node, kind: 'Return', value: node.body }]);
      else {
        const body = compileExpr(ctx, node.body);
        code.body = (f) => {
          f.ret = body(f);
          return RETURN;
        };
      }
      return;
    }
    code.doc = docstring(node.body);
    if (code.kind !== 'function') compileGeneratorBody(ctx, code, node.body);
    else code.body = compileBlock(ctx, node.body);
  });
  const defaults = args.defaults.map((d) => compileExpr(ctx, d));
  const kwDefaults = args.kwonly.map((a, i) => ({
    name: a.name,
    fn: args.kwDefaults[i] ? compileExpr(ctx, args.kwDefaults[i]!) : null,
  }));
  const closure = closureReader(ctx, scope);
  const decos = decorators.map((d) => compileExpr(ctx, d)).reverse();
  const module = ctx.env.moduleName;
  const qualname = scope.qualname;
  return (f) => {
    const decoFns = decos.map((d) => d(f));
    let kw: Map<string, PyValue> | null = null;
    for (const k of kwDefaults) if (k.fn) (kw ??= new Map()).set(k.name, k.fn(f));
    let v: PyValue = new PyFunction(
      code,
      f.globals,
      defaults.map((d) => d(f)),
      kw,
      closure ? closure(f) : null,
      name,
      qualname,
      module,
    );
    for (const d of decoFns) v = call(d, [v], null);
    return v;
  };
}

export function makeClass(ctx: Ctx, node: Stmt & { kind: 'ClassDef' }): ExprFn {
  if (node.keywords.some((k) => k.name === null))
    throw pyError('SyntaxError', 'class keywords from **mapping are not supported here');
  const scope = ctx.table.scopes.get(node.nid)!;
  const code = newCode(ctx, scope, node, { positional: [], posonlyCount: 0, vararg: null, kwonly: [], kwarg: null });
  within(ctx, scope, code, () => {
    code.body = compileBlock(ctx, node.body);
  });
  const bases = node.bases.map((b) => compileExpr(ctx, b));
  const keywords = node.keywords.map((k) => ({ name: k.name!, value: compileExpr(ctx, k.value) }));
  const closure = closureReader(ctx, scope);
  const decos = node.decorators.map((d) => compileExpr(ctx, d)).reverse();
  const classCell = scope.cellvars.indexOf('__class__');
  const compiledIn = ctx.env.moduleName;
  const name = node.name;
  const qualname = scope.qualname;
  const doc = docstring(node.body);
  return (f) => {
    // As CPython's class body begins `__module__ = __name__`: a module may name itself as
    // another (the prelude's private modules name the public one whose classes they define).
    const declared = f.globals.map.get('__name__')?.v;
    const module = typeof declared === 'string' ? declared : compiledIn;
    const decoFns = decos.map((d) => d(f));
    const baseTypes = bases.map((b) => b(f));
    let kwargs: Map<string, PyValue> | null = null;
    for (const k of keywords) (kwargs ??= new Map()).set(k.name, k.value(f));
    // As __build_class__: the metaclass named, or the most derived of the bases' metaclasses.
    let meta: PyValue = types.type;
    if (kwargs?.has('metaclass')) {
      meta = kwargs.get('metaclass')!;
      kwargs.delete('metaclass');
    }
    if (meta instanceof PyType) meta = winningMetaclass(meta, checkedBases(baseTypes));
    const ns = prepare(meta, name, baseTypes, kwargs);
    setName(ns, '__module__', module);
    setName(ns, '__qualname__', qualname);
    setName(ns, '__doc__', doc);
    const cells: PyCell[] = [];
    for (let i = 0; i < scope.cellvars.length; i++) cells.push(new PyCell());
    if (closure) cells.push(...closure(f));
    if (classCell >= 0) setName(ns, '__classcell__', cells[classCell]);
    const frame = new Frame(code, f.globals, cells);
    frame.ns = ns;
    code.run(frame);
    let cls: PyValue =
      meta === types.type
        ? typeNew(types.type, name, baseTypes, ns, kwargs)
        : call(meta, [name, new PyTuple(baseTypes), ns], kwargs && kwargs.size > 0 ? kwargs : null);
    for (const d of decoFns) cls = call(d, [cls], null);
    return cls;
  };
}

/** The namespace a class body runs in: a metaclass's __prepare__ may make it, if it is a plain dict. */
function prepare(meta: PyValue, name: string, bases: PyValue[], kwargs: Kwargs): PyDict {
  if (!(meta instanceof PyType) || meta === types.type) return new PyDict();
  const hook = lookupType(meta, '__prepare__');
  if (hook === undefined) return new PyDict();
  const fn = hook instanceof PyClassMethod ? new PyBoundMethod(meta, hook.func) : hook instanceof PyStaticMethod ? hook.func : hook;
  const ns = call(fn, [name, new PyTuple(bases)], kwargs && kwargs.size > 0 ? kwargs : null);
  if (!(ns instanceof PyDict) || ns.cls !== types.dict)
    throw pyError('TypeError', `GIL Lab runs a class body in a plain dict only: ${meta.name}.__prepare__() returned '${typeOf(ns).name}'`);
  return ns;
}

function checkedBases(bases: PyValue[]): PyType[] {
  return bases.map((t) => {
    if (!(t instanceof PyType)) throw pyError('TypeError', 'bases must be types');
    if (closedBases.has(t)) throw pyError('TypeError', `GIL Lab cannot run classes derived from ${t.name} yet`);
    return t;
  });
}

/** The most derived of `meta` and the bases' metaclasses (CPython's _PyType_CalculateMetaclass). */
function winningMetaclass(meta: PyType, bases: PyType[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const m = b.cls;
    if (isSubtype(winner, m)) continue;
    if (isSubtype(m, winner)) {
      winner = m;
      continue;
    }
    throw pyError(
      'TypeError',
      'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases',
    );
  }
  return winner;
}

/**
 * type.__new__(meta, name, bases, ns, **kwargs): the class, of metaclass `meta` (or the most
 * derived of the bases'), its __class__ cell filled and its bases' __init_subclass__ called.
 */
export function typeNew(meta: PyType, name: string, bases: PyValue[], ns: PyDict, kwargs: Kwargs): PyType {
  const baseTypes = checkedBases(bases);
  const declared = ns.map.get('__module__')?.v;
  const qualname = ns.map.get('__qualname__')?.v;
  const cls = newClass(name, baseTypes, ns, typeof declared === 'string' ? declared : '__main__', typeof qualname === 'string' ? qualname : name);
  const winner = winningMetaclass(meta, baseTypes);
  if (winner !== types.type) cls.metaclass = winner;
  const cell = ns.map.get('__classcell__')?.v;
  if (cell instanceof PyCell) cell.v = cls;
  initSubclass(cls, kwargs);
  return cls;
}

/** As type.__new__ ends: the nearest base's __init_subclass__, an implicit classmethod, is called with the new class. */
function initSubclass(cls: PyType, kwargs: Kwargs): void {
  for (const base of cls.mro.slice(1)) {
    const hook = base.dict.map.get('__init_subclass__')?.v;
    if (hook === undefined) continue;
    call(hook instanceof PyClassMethod ? hook.func : hook, [cls], kwargs && kwargs.size > 0 ? kwargs : null);
    return;
  }
}

export function newClass(name: string, bases: PyType[], ns: PyDict, module: string, qualname = name): PyType {
  const cls = new PyType(name, bases.length > 0 ? bases : [types.object], module);
  cls.mro = computeMro(cls);
  for (const entry of ns.map.values()) {
    if (entry.k === '__qualname__' || entry.k === '__classcell__') continue;
    if (entry.v instanceof PyProperty && entry.v.name === null) entry.v.name = entry.k as string;
    setName(cls.dict, entry.k as string, entry.v);
  }
  // A class that defines __eq__ without __hash__ is unhashable, as type.__new__ makes it.
  if (ns.map.has('__eq__') && !ns.map.has('__hash__')) setName(cls.dict, '__hash__', null);
  cls.qualname = qualname;
  return cls;
}
