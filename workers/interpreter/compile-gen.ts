// Generator and coroutine bodies: statements that can suspend (they hold a yield or an await)
// compile to JavaScript generator functions; the rest of the body stays plain closures.
import type { Expr, Stmt } from '../../common/python/ast';
import { call, getAttr } from './attributes';
import { dictSet, dictSetKey, setAdd, truthy } from './compare';
import type { Ctx } from './compile-context';
import { compileExpr, staticCost } from './compile-expr';
import { formatObject } from './compile-fstring';
import { storeTarget } from './compile-store';
import { compileStmt } from './compile-stmt';
import { genTry, genWith, raised, reraise } from './compile-try';
import { pyError } from './errors';
import { BREAK, CONTINUE, NORMAL, RETURN, type CodeObject, type Frame, type Signal } from './frame';
import { awaitValue, PyGenerator, yieldFrom } from './generators';
import { getItem } from './items';
import { iterate } from './iteration';
import { PyDict, PyList, PySet, PyTuple, type PyValue } from './objects';
import { comprehensionFrame } from './compile-comprehension';
import { binaryOp, mappingItems, unaryOp } from './operators';
import { pyRepr, pyStr } from './text';
import { compare, equals } from './compare';
import { contains } from './items';

type G<T> = Generator<PyValue, T, PyValue>;
type GenExpr = (f: Frame) => G<PyValue>;
type GenStmt = (f: Frame) => G<Signal>;

/** Does evaluating this (not counting nested function bodies) suspend? */
export function suspends(n: Stmt | Expr | null): boolean {
  if (!n) return false;
  switch (n.kind) {
    case 'Await':
    case 'Yield':
    case 'YieldFrom':
      return true;
    case 'FunctionDef':
      return n.decorators.some(suspends) || n.args.defaults.some(suspends);
    case 'ClassDef':
      return n.bases.some(suspends) || n.decorators.some(suspends);
    case 'Lambda':
      return n.args.defaults.some(suspends);
    case 'With':
      if (n.isAsync) return true;
      break;
    default:
      break;
  }
  return childrenOf(n).some(suspends);
}

import { children as childrenOf } from '../../common/python/ast';

export function compileGeneratorBody(ctx: Ctx, code: CodeObject, body: Stmt[]): void {
  const run = genBlock(ctx, body);
  const ts = ctx.ts;
  code.genBody = run;
  code.makeGenerator = (c, frame, fn) =>
    new PyGenerator(c.kind === 'coroutine' ? 'coroutine' : 'generator', frame, run, fn.name, fn.qualname, ts);
}

function genBlock(ctx: Ctx, body: Stmt[]): GenStmt {
  const parts = body.map((s) =>
    suspends(s) ? { gen: genStmt(ctx, s), sync: null } : { gen: null, sync: compileStmt(ctx, s) },
  );
  return function* (f) {
    for (const p of parts) {
      const sig = p.sync ? p.sync(f) : yield* p.gen!(f);
      if (sig !== NORMAL) return sig;
    }
    return NORMAL;
  };
}

function genStmt(ctx: Ctx, s: Stmt): GenStmt {
  return ctx.atLine(s.line, () => suspendingStatement(ctx, s));
}

function suspendingStatement(ctx: Ctx, s: Stmt): GenStmt {
  const ts = ctx.ts;
  const line = s.line;
  const cost =
    ctx.costs.statement +
    ('value' in s && s.value && typeof s.value === 'object' && 'kind' in s.value
      ? staticCost(ctx, s.value as Expr)
      : 0);
  switch (s.kind) {
    case 'Expr': {
      const e = genExpr(ctx, s.value);
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        yield* e(f);
        return NORMAL;
      };
    }
    case 'Assign': {
      const value = genExpr(ctx, s.value);
      const stores = s.targets.map((t) => storeTarget(ctx, t));
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        const v = yield* value(f);
        for (const st of stores) st(f, v);
        return NORMAL;
      };
    }
    case 'AnnAssign': {
      const value = genExpr(ctx, s.value!);
      const store = storeTarget(ctx, s.target);
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        store(f, yield* value(f));
        return NORMAL;
      };
    }
    case 'AugAssign': {
      if (s.target.kind !== 'Name')
        throw pyError('SyntaxError', 'await in an augmented assignment to an item or attribute is not supported here');
      const load = compileExpr(ctx, s.target);
      const value = genExpr(ctx, s.value);
      const store = storeTarget(ctx, s.target);
      const op = s.op;
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        const a = load(f);
        store(f, binaryOp(op, a, yield* value(f)));
        return NORMAL;
      };
    }
    case 'Return': {
      const value = genExpr(ctx, s.value!);
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        f.ret = yield* value(f);
        return RETURN;
      };
    }
    case 'If': {
      const test = genExpr(ctx, s.test);
      const body = genBlock(ctx, s.body);
      const orelse = genBlock(ctx, s.orelse);
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        return truthy(yield* test(f)) ? yield* body(f) : yield* orelse(f);
      };
    }
    case 'While': {
      const test = genExpr(ctx, s.test);
      const body = genBlock(ctx, s.body);
      const orelse = genBlock(ctx, s.orelse);
      const testCost = ctx.costs.statement + staticCost(ctx, s.test);
      return function* (f) {
        for (;;) {
          f.line = line;
          ts.cost += testCost;
          if (!truthy(yield* test(f))) break;
          const sig = yield* body(f);
          if (sig !== NORMAL && sig !== CONTINUE) return sig === BREAK ? NORMAL : RETURN;
          if (ts.cost >= ts.checkAt) ts.breaker();
        }
        return yield* orelse(f);
      };
    }
    case 'For': {
      if (s.isAsync) throw pyError('SyntaxError', "'async for' is not supported here");
      const iter = genExpr(ctx, s.iter);
      const store = storeTarget(ctx, s.target);
      const body = genBlock(ctx, s.body);
      const orelse = genBlock(ctx, s.orelse);
      const iterCost = ctx.costs.iteration;
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        const it = iterate(yield* iter(f));
        for (let v = it.next(); v !== undefined; f.line = line, v = it.next()) {
          store(f, v);
          ts.cost += iterCost;
          const sig = yield* body(f);
          if (sig !== NORMAL && sig !== CONTINUE) return sig === BREAK ? NORMAL : RETURN;
          if (ts.cost >= ts.checkAt) ts.breaker();
        }
        return yield* orelse(f);
      };
    }
    case 'Try':
      return genTry(ctx, s, genBlock);
    case 'With':
      return genWith(ctx, s, 0, { block: genBlock, expr: genExpr });
    case 'Raise': {
      const exc = s.exc ? genExpr(ctx, s.exc) : null;
      const cause = s.cause ? genExpr(ctx, s.cause) : null;
      return function* (f) {
        f.line = line;
        ts.cost += cost;
        if (!exc) throw reraise(ts, f);
        const v = yield* exc(f);
        throw raised(ts, v, cause ? yield* cause(f) : undefined);
      };
    }
    default:
      throw pyError('SyntaxError', `await or yield inside this ${s.kind} statement is not supported here`);
  }
}

export function genExpr(ctx: Ctx, e: Expr): GenExpr {
  if (!suspends(e)) {
    const sync = compileExpr(ctx, e);
    // eslint-disable-next-line require-yield -- a part that never suspends still runs as a generator step
    return function* (f) {
      return sync(f);
    };
  }
  switch (e.kind) {
    case 'Await': {
      const value = genExpr(ctx, e.value);
      return function* (f) {
        return yield* awaitValue(yield* value(f));
      };
    }
    case 'Yield': {
      const value = e.value ? genExpr(ctx, e.value) : null;
      return function* (f) {
        return yield value ? yield* value(f) : null;
      };
    }
    case 'YieldFrom': {
      const value = genExpr(ctx, e.value);
      return function* (f) {
        return yield* yieldFrom(yield* value(f));
      };
    }
    case 'Call': {
      const args = e.args.map((a) => ({
        star: a.kind === 'Starred',
        fn: genExpr(ctx, a.kind === 'Starred' ? a.value : a),
      }));
      const kws = e.keywords.map((k) => ({ name: k.name, fn: genExpr(ctx, k.value) }));
      const method = e.func.kind === 'Attribute' ? { obj: genExpr(ctx, e.func.value), name: e.func.attr } : null;
      const func = method ? null : genExpr(ctx, e.func);
      return function* (f) {
        const callee = method ? getAttr(yield* method.obj(f), method.name) : yield* func!(f);
        const argv: PyValue[] = [];
        for (const a of args) {
          const v = yield* a.fn(f);
          if (a.star) for (const x of iterateAll(v)) argv.push(x);
          else argv.push(v);
        }
        let kw: Map<string, PyValue> | null = null;
        for (const k of kws) {
          const v = yield* k.fn(f);
          kw ??= new Map();
          if (k.name !== null) kw.set(k.name, v);
          else if (v instanceof PyDict) for (const entry of v.map.values()) kw.set(entry.k as string, entry.v);
        }
        return call(callee, argv, kw);
      };
    }
    case 'BinOp': {
      const [l, r] = [genExpr(ctx, e.left), genExpr(ctx, e.right)];
      const op = e.op;
      return function* (f) {
        const a = yield* l(f);
        return binaryOp(op, a, yield* r(f));
      };
    }
    case 'UnaryOp': {
      const operand = genExpr(ctx, e.operand);
      const op = e.op;
      return function* (f) {
        return unaryOp(op, yield* operand(f));
      };
    }
    case 'BoolOp': {
      const values = e.values.map((v) => genExpr(ctx, v));
      const and = e.op === 'and';
      return function* (f) {
        let v: PyValue = null;
        for (const x of values) {
          v = yield* x(f);
          if (truthy(v) !== and) return v;
        }
        return v;
      };
    }
    case 'Compare': {
      const left = genExpr(ctx, e.left);
      const rights = e.comparators.map((c) => genExpr(ctx, c));
      const ops = e.ops;
      return function* (f) {
        let a = yield* left(f);
        let r: PyValue = true;
        for (let i = 0; i < ops.length; i++) {
          const b = yield* rights[i](f);
          r = compareValues(ops[i], a, b);
          if (!truthy(r)) return r;
          a = b;
        }
        return r;
      };
    }
    case 'IfExp': {
      const [test, body, orelse] = [genExpr(ctx, e.test), genExpr(ctx, e.body), genExpr(ctx, e.orelse)];
      return function* (f) {
        return truthy(yield* test(f)) ? yield* body(f) : yield* orelse(f);
      };
    }
    case 'Attribute': {
      const value = genExpr(ctx, e.value);
      return function* (f) {
        return getAttr(yield* value(f), e.attr);
      };
    }
    case 'Subscript': {
      const [value, index] = [genExpr(ctx, e.value), genExpr(ctx, e.slice)];
      return function* (f) {
        const o = yield* value(f);
        return getItem(o, yield* index(f));
      };
    }
    case 'List':
    case 'Tuple': {
      const items = e.elts.map((x) => genExpr(ctx, x));
      const tuple = e.kind === 'Tuple';
      return function* (f) {
        const out: PyValue[] = [];
        for (const x of items) out.push(yield* x(f));
        return tuple ? new PyTuple(out) : new PyList(out);
      };
    }
    case 'JoinedStr': {
      const parts = e.values.map((v) => genExpr(ctx, v));
      return function* (f) {
        let out = '';
        for (const p of parts) out += (yield* p(f)) as string;
        return out;
      };
    }
    case 'FormattedValue': {
      const value = genExpr(ctx, e.value);
      const conversion = e.conversion;
      const spec = e.formatSpec ? compileExpr(ctx, e.formatSpec) : null;
      return function* (f) {
        let v = yield* value(f);
        if (conversion === 's') v = pyStr(v);
        else if (conversion) v = pyRepr(v);
        return formatObject(v, spec ? (spec(f) as string) : '');
      };
    }
    case 'NamedExpr': {
      const value = genExpr(ctx, e.value);
      const store = storeTarget(ctx, e.target);
      return function* (f) {
        const v = yield* value(f);
        store(f, v);
        return v;
      };
    }
    case 'Set': {
      const items = e.elts.map((x) => genExpr(ctx, x));
      return function* (f) {
        const out = new PySet();
        for (const x of items) {
          const v = yield* x(f);
          setAdd(out.map, v);
        }
        return out;
      };
    }
    case 'Dict': {
      const keys = e.keys.map((k) => (k ? genExpr(ctx, k) : null));
      const values = e.values.map((v) => genExpr(ctx, v));
      return function* (f) {
        const out = new PyDict();
        for (let i = 0; i < values.length; i++) {
          const key = keys[i];
          if (key === null) {
            const v = yield* values[i](f);
            if (v instanceof PyDict) for (const [k, entry] of v.map) dictSetKey(out, k, entry.k, entry.v);
            else for (const [k, value] of mappingItems(v)) dictSet(out, k, value);
          } else {
            const k = yield* key(f);
            dictSet(out, k, yield* values[i](f));
          }
        }
        return out;
      };
    }
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
      return genComprehension(ctx, e);
    default:
      throw pyError(
        'SyntaxError',
        `await inside ${e.kind === 'GeneratorExp' ? 'a generator expression' : `this ${e.kind} expression`} is not supported here`,
      );
  }
}

/**
 * A list, set or dict comprehension that awaits (in an async def): CPython 3.11 makes it an
 * asynchronous comprehension, run to its end by the coroutine it is in. Inlined as the
 * comprehensions of compile-comprehension.ts are, each part that awaits as a generator step.
 */
function genComprehension(ctx: Ctx, e: Expr & { kind: 'ListComp' | 'SetComp' | 'DictComp' }): GenExpr {
  const ts = ctx.ts;
  const first = genExpr(ctx, e.generators[0].iter);
  const levels = e.generators.map((g, i) => ({
    iter: i === 0 ? null : genExpr(ctx, g.iter),
    store: storeTarget(ctx, g.target),
    ifs: g.ifs.map((c) => genExpr(ctx, c)),
    cost: ctx.costs.iteration,
  }));
  const key = e.kind === 'DictComp' ? genExpr(ctx, e.key) : null;
  const value = genExpr(ctx, e.kind === 'DictComp' ? e.value : e.elt);
  const cost = ctx.costs.element;
  const kind = e.kind;
  const frame = comprehensionFrame(ctx, e, kind === 'DictComp' ? '<dictcomp>' : kind === 'SetComp' ? '<setcomp>' : '<listcomp>');
  return function* (f) {
    const source = yield* first(f);
    const items: PyValue[] = [];
    const dict = new PyDict();
    function* run(level: number, from: PyValue): G<void> {
      const l = levels[level];
      const it = iterate(from);
      outer: for (let v = it.next(); v !== undefined; v = it.next()) {
        l.store(f, v);
        ts.cost += l.cost;
        if (ts.cost >= ts.checkAt) ts.breaker();
        for (const cond of l.ifs) if (!truthy(yield* cond(f))) continue outer;
        if (level + 1 < levels.length) yield* run(level + 1, yield* levels[level + 1].iter!(f));
        else {
          ts.cost += cost;
          if (key) {
            const k = yield* key(f);
            dictSet(dict, k, yield* value(f));
          } else items.push(yield* value(f));
        }
      }
    }
    try {
      yield* run(0, source);
    } catch (err) {
      throw frame(f, err);
    }
    if (kind === 'DictComp') return dict;
    if (kind === 'ListComp') return new PyList(items);
    const set = new PySet();
    for (const v of items) setAdd(set.map, v);
    return set;
  };
}

function* iterateAll(v: PyValue): Generator<PyValue> {
  const it = iterate(v);
  for (let x = it.next(); x !== undefined; x = it.next()) yield x;
}

function compareValues(op: string, a: PyValue, b: PyValue): PyValue {
  switch (op) {
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case 'is':
      return a === b;
    case 'is not':
      return a !== b;
    case 'in':
      return contains(b, a);
    case 'not in':
      return !contains(b, a);
    default:
      return compare(op as '<', a, b);
  }
}
