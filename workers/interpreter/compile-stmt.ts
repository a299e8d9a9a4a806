// Statements -> closures `(frame) => signal`. Each sets the frame's line (tracebacks, and the
// line the trace shows) and charges its static cost; loops are in compile-loops.ts.
import type { Stmt } from '../../common/python/ast';
import { getAttr, setAttr } from './attributes';
import { truthy } from './compare';
import type { Ctx } from './compile-context';
import { compileExpr, staticCost } from './compile-expr';
import { makeClass, makeFunction } from './compile-function';
import { compileImport, compileImportFrom } from './compile-import';
import { deleteTarget, storeNamed, storeTarget, type StoreFn } from './compile-store';
import { raised, reraise, tryStmt, withStmt } from './compile-try';
import { exceptions, pyError } from './errors';
import { BREAK, CONTINUE, NORMAL, RETURN, type ExprFn, type Frame, type Signal, type StmtFn, type ThreadState } from './frame';
import { getItem, setItem } from './items';
import { construct } from './attributes';
import { forLoop, whileLoop } from './compile-loops';
import { PyDict, type PyValue } from './objects';
import { mutate } from './mutations';
import { inplaceOp, type BinOp } from './operators';
import { siteFactory } from './per-site';

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
  return ctx.atLine(s.line, () => statement(ctx, s));
}

function statement(ctx: Ctx, s: Stmt): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const charge = (extra = 0) => ctx.costs.statement + extra;
  switch (s.kind) {
    case 'Expr':
      return siteFactory(ctx, exprCode)(NORMAL, line, ts, charge(staticCost(ctx, s.value)), compileExpr(ctx, s.value));
    case 'Assign': {
      const value = compileExpr(ctx, s.value);
      const stores = s.targets.map((t) => storeTarget(ctx, t));
      const cost = charge(staticCost(ctx, s.value) + s.targets.reduce((n, t) => n + staticCost(ctx, t), 0));
      const target = s.targets[0];
      if (stores.length === 1 && target.kind === 'Name' && ctx.access(target).kind === 'fast') {
        const slot = (ctx.access(target) as { slot: number }).slot;
        return siteFactory(ctx, assignFastCode)(NORMAL, line, ts, cost, slot, value);
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
      // In a class or module body, `name: annotation` is evaluated and kept in __annotations__ (dataclasses read it).
      const annotation = ctx.scope.kind !== 'function' && s.target.kind === 'Name' ? compileExpr(ctx, s.annotation) : null;
      const annotated = s.target.kind === 'Name' ? ctx.nameOf(s.target) : '';
      if (!s.value && !annotation) return () => NORMAL;
      const value = s.value ? compileExpr(ctx, s.value) : null;
      const store = s.value ? storeTarget(ctx, s.target) : null;
      const cost = charge(staticCost(ctx, s.value));
      return (f) => {
        f.line = line;
        ts.cost += cost;
        if (value) store!(f, value(f));
        if (annotation) annotate(f.ns ?? f.globals, annotated, annotation(f));
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
      return siteFactory(ctx, ifCode)(truthy, line, ts, cost, test, body, orelse);
    }
    case 'While':
      return whileLoop(ctx, s, compileBlock);
    case 'For':
      if (s.isAsync) throw pyError('SyntaxError', "'async for' is not supported here");
      return forLoop(ctx, s, compileBlock);
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
      return tryStmt(ctx, s, compileBlock);
    case 'With':
      if (s.isAsync) throw pyError('SyntaxError', "'async with' outside async function");
      return withStmt(ctx, s, 0, compileBlock);
    case 'Assert': {
      const test = compileExpr(ctx, s.test);
      const msg = s.msg ? compileExpr(ctx, s.msg) : null;
      const cost = charge(staticCost(ctx, s.test));
      return (f) => {
        f.line = line;
        ts.cost += cost;
        if (!truthy(test(f))) throw raised(ts, construct(exceptions.AssertionError, msg ? [msg(f)] : [], null));
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
    return siteFactory(ctx, augAssignNameCode)(NORMAL, inplaceOp, line, ts, cost, op, load, value, fast, store);
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

// The statements a loop body is made of most often, as factories: inside a loop each gets a
// copy of its own (per-site.ts), so they use nothing but their parameters.

const exprCode =
  (NORMAL: Signal, line: number, ts: ThreadState, cost: number, e: ExprFn) =>
  (f: Frame): Signal => {
    f.line = line;
    ts.cost += cost;
    e(f);
    return NORMAL;
  };

const assignFastCode =
  (NORMAL: Signal, line: number, ts: ThreadState, cost: number, slot: number, value: ExprFn) =>
  (f: Frame): Signal => {
    f.line = line;
    ts.cost += cost;
    f.locals[slot] = value(f);
    return NORMAL;
  };

const ifCode =
  (
    truthy: (v: PyValue) => boolean,
    line: number,
    ts: ThreadState,
    cost: number,
    test: ExprFn,
    body: StmtFn,
    orelse: StmtFn,
  ) =>
  (f: Frame): Signal => {
    f.line = line;
    ts.cost += cost;
    return truthy(test(f)) ? body(f) : orelse(f);
  };

/** x += y on a name: ints that stay safe integers are added in place. */
const augAssignNameCode =
  (
    NORMAL: Signal,
    inplaceOp: (op: BinOp, a: PyValue, b: PyValue) => PyValue,
    line: number,
    ts: ThreadState,
    cost: number,
    op: BinOp,
    load: ExprFn,
    value: ExprFn,
    fast: number,
    store: StoreFn,
  ) =>
  (f: Frame): Signal => {
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

function raiseStmt(ctx: Ctx, s: Stmt & { kind: 'Raise' }): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const exc = s.exc ? compileExpr(ctx, s.exc) : null;
  const cause = s.cause ? compileExpr(ctx, s.cause) : null;
  const cost = ctx.costs.statement + ctx.costs.call;
  return (f) => {
    f.line = line;
    ts.cost += cost;
    if (!exc) throw reraise(ts, f);
    const v = exc(f);
    throw raised(ts, v, cause ? cause(f) : undefined);
  };
}

/** namespace['__annotations__'][name] = annotation, making the dict on the first annotation. */
function annotate(ns: PyDict, name: string, annotation: PyValue): void {
  let annotations = ns.map.get('__annotations__')?.v;
  if (!(annotations instanceof PyDict)) {
    annotations = new PyDict();
    mutate.dictSet(ns, '__annotations__', annotations);
  }
  mutate.dictSet(annotations as PyDict, name, annotation);
}
