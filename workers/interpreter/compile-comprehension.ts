// Comprehensions and generator expressions, inlined into the enclosing frame (their loop
// variables renamed by scope.ts, as CPython 3.12 does), with the <listcomp> … frame a 3.11
// traceback shows added as an error passes.
import type { Comprehension, Expr } from '../../common/python/ast';
import { dictSet, setAdd, truthy } from './compare';
import type { Ctx } from './compile-context';
import { compileExpr, staticCost } from './compile-expr';
import { storeTarget } from './compile-store';
import { asPyExc, type ExprFn, type Frame } from './frame';
import { GenexpIterator, iterate } from './iteration';
import { PyDict, PyList, PySet, type PyValue } from './objects';

type Emit = (f: Frame) => void;

/** One `for … in … if …` of a comprehension: its iterable (the first one is evaluated outside), target and conditions. */
interface Level {
  iter: ExprFn | null;
  store: (f: Frame, v: PyValue) => void;
  ifs: ExprFn[];
  cost: number;
}

function compileLevels(ctx: Ctx, generators: Comprehension[]): Level[] {
  return generators.map((g, i) => ({
    iter: i === 0 ? null : compileExpr(ctx, g.iter),
    store: storeTarget(ctx, g.target),
    ifs: g.ifs.map((c) => compileExpr(ctx, c)),
    cost: ctx.costs.iteration + g.ifs.reduce((n, c) => n + staticCost(ctx, c), 0),
  }));
}

function comprehensionLoops(ctx: Ctx, generators: Comprehension[], emit: Emit): (f: Frame, firstIter: PyValue) => void {
  const ts = ctx.ts;
  const levels = compileLevels(ctx, generators);
  const run = (f: Frame, level: number, source: PyValue): void => {
    const l = levels[level];
    const it = iterate(source);
    outer: for (let v = it.next(); v !== undefined; v = it.next()) {
      l.store(f, v);
      ts.cost += l.cost;
      if (ts.cost >= ts.checkAt) ts.breaker();
      for (const cond of l.ifs) if (!truthy(cond(f))) continue outer;
      if (level + 1 < levels.length) run(f, level + 1, levels[level + 1].iter!(f));
      else emit(f);
    }
  };
  return (f, firstIter) => run(f, 0, firstIter);
}

/**
 * One evaluation of a comprehension: a fresh result in `into.result` for the loops to fill, the
 * previous one put back afterwards (the same comprehension may run inside itself, through a call).
 */
function evaluation<R>(
  first: ExprFn,
  loops: (f: Frame, firstIter: PyValue) => void,
  frame: (f: Frame, err: unknown) => unknown,
  into: { result: R },
  fresh: () => R,
): (f: Frame) => R {
  return (f) => {
    const saved = into.result;
    const mine = (into.result = fresh());
    const source = first(f);
    try {
      loops(f, source);
    } catch (err) {
      throw frame(f, err);
    } finally {
      into.result = saved;
    }
    return mine;
  };
}

export function comprehension(ctx: Ctx, e: Expr & { kind: 'ListComp' | 'SetComp' | 'DictComp' }): ExprFn {
  const first = compileExpr(ctx, e.generators[0].iter);
  const ts = ctx.ts;
  if (e.kind === 'DictComp') {
    const key = compileExpr(ctx, e.key);
    const value = compileExpr(ctx, e.value);
    const cost = staticCost(ctx, e.key) + staticCost(ctx, e.value);
    const into = { result: new PyDict() };
    const loops = comprehensionLoops(ctx, e.generators, (f) => {
      ts.cost += cost;
      const k = key(f);
      dictSet(into.result, k, value(f));
    });
    return evaluation(first, loops, comprehensionFrame(ctx, e, '<dictcomp>'), into, () => new PyDict());
  }
  const elt = compileExpr(ctx, e.elt);
  const cost = staticCost(ctx, e.elt) + ctx.costs.element;
  const into: { result: PyValue[] } = { result: [] };
  const loops = comprehensionLoops(ctx, e.generators, (f) => {
    ts.cost += cost;
    into.result.push(elt(f));
  });
  const isSet = e.kind === 'SetComp';
  const items = evaluation(
    first,
    loops,
    comprehensionFrame(ctx, e, isSet ? '<setcomp>' : '<listcomp>'),
    into,
    () => [],
  );
  if (!isSet) return (f) => new PyList(items(f));
  return (f) => {
    const s = new PySet();
    for (const v of items(f)) setAdd(s.map, v);
    return s;
  };
}

/** A generator expression runs lazily, as the consumer asks for items. */
export function generatorExp(ctx: Ctx, e: Expr & { kind: 'GeneratorExp' }): ExprFn {
  const first = compileExpr(ctx, e.generators[0].iter);
  const ts = ctx.ts;
  const elt = compileExpr(ctx, e.elt);
  const levels = compileLevels(ctx, e.generators);
  const eltCost = staticCost(ctx, e.elt);
  function* run(f: Frame, level: number, source: PyValue): Generator<PyValue> {
    const l = levels[level];
    const it = iterate(source);
    outer: for (let v = it.next(); v !== undefined; v = it.next()) {
      l.store(f, v);
      ts.cost += l.cost;
      if (ts.cost >= ts.checkAt) ts.breaker();
      for (const cond of l.ifs) if (!truthy(cond(f))) continue outer;
      if (level + 1 < levels.length) yield* run(f, level + 1, levels[level + 1].iter!(f));
      else {
        ts.cost += eltCost;
        yield elt(f);
      }
    }
  }
  const frame = comprehensionFrame(ctx, e, '<genexpr>');
  function* guarded(f: Frame, source: PyValue): Generator<PyValue> {
    try {
      yield* run(f, 0, source);
    } catch (err) {
      throw frame(f, err);
    }
  }
  const outer = ctx.scope;
  const qualname =
    outer.kind === 'module' ? '<genexpr>' : `${outer.qualname}${outer.kind === 'function' ? '.<locals>' : ''}.<genexpr>`;
  return (f) => new GenexpIterator(guarded(f, first(f)), qualname);
}

/**
 * CPython 3.11 runs a comprehension in a frame of its own, named <listcomp>, <genexpr> …: its
 * traceback shows that frame. The interpreter runs it inline and adds the entry as the error passes.
 */
export function comprehensionFrame(ctx: Ctx, e: Expr, name: string): (f: Frame, err: unknown) => unknown {
  const file = ctx.env.file;
  const token = {};
  return (f, err) => {
    const exc = asPyExc(err);
    if (!exc) return err;
    exc.enter(token, file, f.line >= e.line && f.line <= e.endLine ? f.line : e.line, name);
    return exc;
  };
}
