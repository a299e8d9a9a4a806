// Statements -> closures `(frame) => signal`. Each sets the frame's line (tracebacks, and the
// line the trace shows) and charges its static cost; loops charge per iteration and run the
// eval breaker at their back edge, as CPython does.
import type { ExceptHandler, Stmt } from '../../common/python/ast';
import { call, callMethod, findAttr, getAttr, setAttr } from './attributes';
import { truthy } from './compare';
import type { Ctx } from './compile-context';
import { compileExpr, staticCost } from './compile-expr';
import { makeClass, makeFunction } from './compile-function';
import { compileImport, compileImportFrom } from './compile-import';
import { deleteTarget, storeNamed, storeTarget } from './compile-store';
import { exceptions, isExceptionType, pyError, PyExc, tracebacks } from './errors';
import { asPyExc, BREAK, CONTINUE, NORMAL, RETURN, type ExprFn, type Frame, type Signal, type StmtFn } from './frame';
import { getItem, setItem } from './items';
import { iterate } from './iteration';
import { construct } from './attributes';
import { PyInstance, PyRange, PyTuple, PyType, typeOf, type PyValue } from './objects';
import { inplaceOp } from './operators';

export function compileBlock(ctx: Ctx, body: Stmt[]): StmtFn {
  const stmts = body.map((s) => compileStmt(ctx, s));
  switch (stmts.length) {
    case 0:
      return () => NORMAL;
    case 1:
      return stmts[0];
    case 2: {
      const [a, b] = stmts;
      return (f) => a(f) || b(f);
    }
    case 3: {
      const [a, b, c] = stmts;
      return (f) => a(f) || b(f) || c(f);
    }
    default:
      return (f) => {
        for (let i = 0; i < stmts.length; i++) {
          const s = stmts[i](f);
          if (s !== NORMAL) return s;
        }
        return NORMAL;
      };
  }
}

export function compileStmt(ctx: Ctx, s: Stmt): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const charge = (extra = 0) => ctx.costs.statement + extra;
  switch (s.kind) {
    case 'Expr': {
      const e = compileExpr(ctx, s.value);
      const cost = charge(staticCost(ctx, s.value));
      return (f) => {
        f.line = line;
        ts.cost += cost;
        e(f);
        return NORMAL;
      };
    }
    case 'Assign': {
      const value = compileExpr(ctx, s.value);
      const stores = s.targets.map((t) => storeTarget(ctx, t));
      const cost = charge(staticCost(ctx, s.value) + s.targets.reduce((n, t) => n + staticCost(ctx, t), 0));
      const target = s.targets[0];
      if (stores.length === 1 && target.kind === 'Name' && ctx.access(target).kind === 'fast') {
        const slot = (ctx.access(target) as { slot: number }).slot;
        return (f) => {
          f.line = line;
          ts.cost += cost;
          f.locals[slot] = value(f);
          return NORMAL;
        };
      }
      const store = stores.length === 1 ? stores[0] : null;
      return (f) => {
        f.line = line;
        ts.cost += cost;
        const v = value(f);
        if (store) store(f, v);
        else for (const st of stores) st(f, v);
        return NORMAL;
      };
    }
    case 'AugAssign':
      return augAssign(ctx, s);
    case 'AnnAssign': {
      if (!s.value) return () => NORMAL;
      const value = compileExpr(ctx, s.value);
      const store = storeTarget(ctx, s.target);
      const cost = charge(staticCost(ctx, s.value));
      return (f) => {
        f.line = line;
        ts.cost += cost;
        store(f, value(f));
        return NORMAL;
      };
    }
    case 'Return': {
      const value = s.value ? compileExpr(ctx, s.value) : () => null;
      const cost = charge(staticCost(ctx, s.value));
      return (f) => {
        f.line = line;
        ts.cost += cost;
        f.ret = value(f);
        return RETURN;
      };
    }
    case 'Pass':
    case 'Global':
    case 'Nonlocal': {
      const cost = charge();
      return (f) => {
        f.line = line;
        ts.cost += cost;
        return NORMAL;
      };
    }
    case 'Break':
      return () => BREAK;
    case 'Continue':
      return () => CONTINUE;
    case 'If': {
      const test = compileExpr(ctx, s.test);
      const body = compileBlock(ctx, s.body);
      const orelse = compileBlock(ctx, s.orelse);
      const cost = charge(staticCost(ctx, s.test));
      return (f) => {
        f.line = line;
        ts.cost += cost;
        return truthy(test(f)) ? body(f) : orelse(f);
      };
    }
    case 'While':
      return whileLoop(ctx, s);
    case 'For':
      if (s.isAsync) throw pyError('SyntaxError', "'async for' is not supported here");
      return forLoop(ctx, s);
    case 'FunctionDef': {
      const make = makeFunction(ctx, s, s.name, s.decorators, s.args);
      const store = storeNamed(ctx, s.name, s.nid);
      const cost = charge(ctx.costs.call);
      return (f) => {
        f.line = line;
        ts.cost += cost;
        store(f, make(f));
        return NORMAL;
      };
    }
    case 'ClassDef': {
      const make = makeClass(ctx, s);
      const store = storeNamed(ctx, s.name, s.nid);
      const cost = charge(ctx.costs.call * 4);
      return (f) => {
        f.line = line;
        ts.cost += cost;
        store(f, make(f));
        return NORMAL;
      };
    }
    case 'Delete': {
      const dels = s.targets.map((t) => deleteTarget(ctx, t));
      const cost = charge();
      return (f) => {
        f.line = line;
        ts.cost += cost;
        for (const d of dels) d(f);
        return NORMAL;
      };
    }
    case 'Raise':
      return raiseStmt(ctx, s);
    case 'Try':
      return tryStmt(ctx, s);
    case 'With':
      if (s.isAsync) throw pyError('SyntaxError', "'async with' outside async function");
      return withStmt(ctx, s, 0);
    case 'Assert': {
      const test = compileExpr(ctx, s.test);
      const msg = s.msg ? compileExpr(ctx, s.msg) : null;
      const cost = charge(staticCost(ctx, s.test));
      return (f) => {
        f.line = line;
        ts.cost += cost;
        if (!truthy(test(f))) throw new PyExc(construct(exceptions.AssertionError, msg ? [msg(f)] : [], null) as PyInstance);
        return NORMAL;
      };
    }
    case 'Import':
      return compileImport(ctx, s);
    case 'ImportFrom':
      return compileImportFrom(ctx, s);
    case 'Unsupported':
      throw pyError('SyntaxError', `${s.what} is not supported here`);
  }
}

function augAssign(ctx: Ctx, s: Stmt & { kind: 'AugAssign' }): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const value = compileExpr(ctx, s.value);
  const op = s.op;
  const cost = ctx.costs.statement + ctx.costs.arithmetic + staticCost(ctx, s.value) + staticCost(ctx, s.target);
  const t = s.target;
  if (t.kind === 'Name') {
    const load = compileExpr(ctx, t);
    const store = storeTarget(ctx, t);
    const fast = ctx.access(t).kind === 'fast' ? (ctx.access(t) as { slot: number }).slot : -1;
    return (f) => {
      f.line = line;
      ts.cost += cost;
      const a = load(f);
      const b = value(f);
      if (typeof a === 'number' && typeof b === 'number' && fast >= 0) {
        const r = op === '+' ? a + b : op === '-' ? a - b : NaN;
        if (Number.isSafeInteger(r)) {
          f.locals[fast] = r;
          return NORMAL;
        }
      }
      store(f, inplaceOp(op, a, b));
      return NORMAL;
    };
  }
  if (t.kind === 'Attribute') {
    const obj = compileExpr(ctx, t.value);
    return (f) => {
      f.line = line;
      ts.cost += cost;
      const o = obj(f);
      const b = value(f);
      setAttr(o, t.attr, inplaceOp(op, getAttr(o, t.attr), b));
      return NORMAL;
    };
  }
  if (t.kind === 'Subscript') {
    const obj = compileExpr(ctx, t.value);
    const key = compileExpr(ctx, t.slice);
    return (f) => {
      f.line = line;
      ts.cost += cost;
      const o = obj(f);
      const k = key(f);
      const b = value(f);
      setItem(o, k, inplaceOp(op, getItem(o, k), b));
      return NORMAL;
    };
  }
  throw pyError('SyntaxError', "'expression' is an illegal expression for augmented assignment");
}

function whileLoop(ctx: Ctx, s: Stmt & { kind: 'While' }): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const test = compileExpr(ctx, s.test);
  const body = compileBlock(ctx, s.body);
  const orelse = s.orelse.length > 0 ? compileBlock(ctx, s.orelse) : null;
  const cost = ctx.costs.statement + staticCost(ctx, s.test);
  return (f) => {
    for (;;) {
      f.line = line;
      ts.cost += cost;
      if (!truthy(test(f))) break;
      const sig = body(f);
      if (sig !== NORMAL) {
        if (sig === BREAK) return NORMAL;
        if (sig === RETURN) return RETURN;
      }
      if (ts.cost >= ts.checkAt) ts.breaker();
    }
    return orelse ? orelse(f) : NORMAL;
  };
}

function forLoop(ctx: Ctx, s: Stmt & { kind: 'For' }): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const iter = compileExpr(ctx, s.iter);
  const store = storeTarget(ctx, s.target);
  const fast = s.target.kind === 'Name' && ctx.access(s.target).kind === 'fast' ? (ctx.access(s.target) as { slot: number }).slot : -1;
  const body = compileBlock(ctx, s.body);
  const orelse = s.orelse.length > 0 ? compileBlock(ctx, s.orelse) : null;
  const cost = ctx.costs.statement + staticCost(ctx, s.iter);
  // Storing the target is part of an iteration, unless it is a dict store (module level, attributes…).
  const iterCost = ctx.costs.iteration + (fast >= 0 ? 0 : staticCost(ctx, s.target));
  return (f) => {
    f.line = line;
    ts.cost += cost;
    const source = iter(f);
    if (source instanceof PyRange) {
      const n = ts.loopLength(source.length);
      const step = source.step;
      let v = source.start;
      for (let i = 0; i < n; i++, v += step) {
        if (fast >= 0) f.locals[fast] = v;
        else store(f, v);
        ts.cost += iterCost;
        const sig = body(f);
        if (sig !== NORMAL) {
          if (sig === BREAK) return NORMAL;
          if (sig === RETURN) return RETURN;
        }
        if (ts.cost >= ts.checkAt) ts.breaker();
      }
    } else {
      const it = iterate(source);
      for (let v = it.next(); v !== undefined; v = it.next()) {
        store(f, v);
        ts.cost += iterCost;
        const sig = body(f);
        if (sig !== NORMAL) {
          if (sig === BREAK) return NORMAL;
          if (sig === RETURN) return RETURN;
        }
        if (ts.cost >= ts.checkAt) ts.breaker();
      }
    }
    return orelse ? orelse(f) : NORMAL;
  };
}

/** The exception a `raise` expression names: a class is instantiated, an instance is used as is. */
export function exceptionToRaise(v: PyValue): PyInstance {
  if (v instanceof PyType && isExceptionType(v)) return construct(v, [], null) as PyInstance;
  if (v instanceof PyInstance && isExceptionType(v.type)) return v;
  throw pyError('TypeError', 'exceptions must derive from BaseException');
}

function raiseStmt(ctx: Ctx, s: Stmt & { kind: 'Raise' }): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const exc = s.exc ? compileExpr(ctx, s.exc) : null;
  const cause = s.cause ? compileExpr(ctx, s.cause) : null;
  const cost = ctx.costs.statement + ctx.costs.call;
  return (f) => {
    f.line = line;
    ts.cost += cost;
    if (!exc) {
      const current = ts.handling[ts.handling.length - 1];
      if (!current) throw pyError('RuntimeError', 'No active exception to reraise');
      throw current;
    }
    const e = exceptionToRaise(exc(f));
    if (cause) {
      const c = cause(f);
      e.dict.map.set('__cause__', { k: '__cause__', v: c === null ? null : exceptionToRaise(c) });
    }
    throw new PyExc(e);
  };
}

interface Handler {
  type: ExprFn | null;
  store: ((f: Frame, v: PyValue) => void) | null;
  clear: ((f: Frame) => void) | null;
  body: StmtFn;
  line: number;
}

export function exceptionMatches(e: PyInstance, t: PyValue): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => exceptionMatches(e, x));
  if (!(t instanceof PyType) || !isExceptionType(t)) throw pyError('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
  return e.type.mro.includes(t);
}

function handlerOf(ctx: Ctx, h: ExceptHandler): Handler {
  const store = h.name ? storeNamed(ctx, h.name, h.nid) : null;
  // Python unbinds the name at the end of the handler (the exception would keep the frame alive).
  const clear = store ? (f: Frame) => store(f, null) : null;
  return { type: h.type ? compileExpr(ctx, h.type) : null, store, clear, body: compileBlock(ctx, h.body), line: h.line };
}

function tryStmt(ctx: Ctx, s: Stmt & { kind: 'Try' }): StmtFn {
  const ts = ctx.ts;
  const body = compileBlock(ctx, s.body);
  const handlers = s.handlers.map((h) => handlerOf(ctx, h));
  const orelse = s.orelse.length > 0 ? compileBlock(ctx, s.orelse) : null;
  const finalbody = s.finalbody.length > 0 ? compileBlock(ctx, s.finalbody) : null;
  const handle = (f: Frame, exc: PyExc): Signal => {
    for (const h of handlers) {
      f.line = h.line;
      if (h.type !== null && !exceptionMatches(exc.value, h.type(f))) continue;
      if (h.store) h.store(f, exc.value);
      tracebacks.set(exc.value, exc.traceback);
      ts.handling.push(exc);
      try {
        return h.body(f);
      } catch (e) {
        const inner = asPyExc(e);
        if (inner && inner !== exc && !inner.value.dict.map.has('__context__'))
          inner.value.dict.map.set('__context__', { k: '__context__', v: exc.value });
        throw inner ?? e;
      } finally {
        ts.handling.pop();
        if (h.clear) h.clear(f);
      }
    }
    throw exc;
  };
  const attempt = (f: Frame): Signal => {
    let sig: Signal;
    try {
      sig = body(f);
    } catch (e) {
      const exc = asPyExc(e);
      if (!exc || handlers.length === 0) throw exc ?? e;
      return handle(f, exc);
    }
    return sig === NORMAL && orelse ? orelse(f) : sig;
  };
  if (!finalbody) return attempt;
  return (f) => {
    try {
      return attempt(f);
    } finally {
      const saved = f.ret;
      const sig = finalbody(f);
      // A return, break or continue in `finally` wins over the try's outcome, exception included.
      // eslint-disable-next-line no-unsafe-finally
      if (sig !== NORMAL) return sig;
      f.ret = saved;
    }
  };
}

function withStmt(ctx: Ctx, s: Stmt & { kind: 'With' }, index: number): StmtFn {
  if (index >= s.items.length) return compileBlock(ctx, s.body);
  const ts = ctx.ts;
  const line = s.line;
  const item = s.items[index];
  const manager = compileExpr(ctx, item.context);
  const store = item.target ? storeTarget(ctx, item.target) : null;
  const inner = withStmt(ctx, s, index + 1);
  const cost = ctx.costs.statement + ctx.costs.call * 2 + staticCost(ctx, item.context);
  return (f) => {
    f.line = line;
    ts.cost += cost;
    const m = manager(f);
    const exit = findAttr(m, '__exit__');
    if (exit === undefined) {
      if (findAttr(m, '__enter__') === undefined) throw pyError('TypeError', `'${typeOf(m).name}' object does not support the context manager protocol`);
      throw pyError('AttributeError', '__exit__');
    }
    const entered = callMethod(m, '__enter__', []);
    if (store) store(f, entered);
    let sig: Signal;
    try {
      sig = inner(f);
    } catch (e) {
      const exc = asPyExc(e);
      if (!exc) throw e;
      f.line = line;
      if (!truthy(call(exit, [exc.value.type, exc.value, null], null))) throw exc;
      return NORMAL;
    }
    call(exit, [null, null, null], null);
    return sig;
  };
}

