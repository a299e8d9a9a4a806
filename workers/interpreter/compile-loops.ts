// `while` and `for` loops. Each charges per iteration and runs the eval breaker at its back edge,
// as CPython does. Every loop gets code of its own (per-site.ts), and so do the statements in
// its body: the loop's call of its body, and the body's calls of its expressions, each see one
// target, so V8 inlines the iteration as it would in a fresh isolate.
import type { Stmt } from '../../common/python/ast';
import { truthy } from './compare';
import type { Ctx } from './compile-context';
import { compileExpr, staticCost } from './compile-expr';
import { storeTarget, type StoreFn } from './compile-store';
import { BREAK, CONTINUE, NORMAL, RETURN, type ExprFn, type Frame, type Signal, type StmtFn } from './frame';
import type { ThreadState } from './frame';
import { iterate } from './iteration';
import { PyRange } from './objects';
import { perSite } from './per-site';

/**
 * The eval breaker's check at a back edge, shared by every loop. The breaker is seldom due, and
 * a per-site copy has no feedback for code it has not run: with the check in the copy, Turbofan
 * would compile `ts.breaker()` as a deopt in every new loop, taken the first time the breaker is
 * due. Shared, the check has the feedback of the loops that ran before.
 */
function backEdge(ts: ThreadState): void {
  if (ts.cost >= ts.checkAt) ts.breaker();
}

/** What the loop code uses besides what it captures: a per-site copy sees only its parameters. */
const runtime = { NORMAL, BREAK, CONTINUE, RETURN, PyRange, iterate, truthy, backEdge } as const;
type Runtime = typeof runtime;

export function whileLoop(ctx: Ctx, s: Stmt & { kind: 'While' }, compileBlock: (ctx: Ctx, body: Stmt[]) => StmtFn): StmtFn {
  const test = compileExpr(ctx, s.test);
  const body = ctx.inLoop(() => compileBlock(ctx, s.body));
  const orelse = s.orelse.length > 0 ? compileBlock(ctx, s.orelse) : null;
  const cost = ctx.costs.statement + staticCost(ctx, s.test);
  return perSite(whileCode)(runtime, s.line, ctx.ts, cost, test, body, orelse);
}

const whileCode =
  (
    { NORMAL, BREAK, CONTINUE, RETURN, truthy, backEdge }: Runtime,
    line: number,
    ts: ThreadState,
    cost: number,
    test: ExprFn,
    body: StmtFn,
    orelse: StmtFn | null,
  ) =>
  (f: Frame): Signal => {
    for (;;) {
      f.line = line;
      ts.cost += cost;
      if (!truthy(test(f))) break;
      const sig = body(f);
      if (sig !== NORMAL && sig !== CONTINUE) return sig === BREAK ? NORMAL : RETURN;
      backEdge(ts);
    }
    return orelse ? orelse(f) : NORMAL;
  };

export function forLoop(ctx: Ctx, s: Stmt & { kind: 'For' }, compileBlock: (ctx: Ctx, body: Stmt[]) => StmtFn): StmtFn {
  const iter = compileExpr(ctx, s.iter);
  const store = storeTarget(ctx, s.target);
  const fast =
    s.target.kind === 'Name' && ctx.access(s.target).kind === 'fast'
      ? (ctx.access(s.target) as { slot: number }).slot
      : -1;
  const body = ctx.inLoop(() => compileBlock(ctx, s.body));
  const orelse = s.orelse.length > 0 ? compileBlock(ctx, s.orelse) : null;
  const cost = ctx.costs.statement + staticCost(ctx, s.iter);
  // Storing the target is part of an iteration, unless it is a dict store (module level, attributes…).
  const iterCost = ctx.costs.iteration + (fast >= 0 ? 0 : staticCost(ctx, s.target));
  return perSite(forCode)(runtime, s.line, ctx.ts, cost, iterCost, iter, fast, store, body, orelse);
}

const forCode =
  (
    { NORMAL, BREAK, CONTINUE, RETURN, PyRange, iterate, backEdge }: Runtime,
    line: number,
    ts: ThreadState,
    cost: number,
    iterCost: number,
    iter: ExprFn,
    fast: number,
    store: StoreFn,
    body: StmtFn,
    orelse: StmtFn | null,
  ) =>
  (f: Frame): Signal => {
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
        if (sig !== NORMAL && sig !== CONTINUE) return sig === BREAK ? NORMAL : RETURN;
        backEdge(ts);
      }
    } else {
      const it = iterate(source);
      // FOR_ITER is on the for line: an exception from a generator being iterated shows it.
      for (let v = it.next(); v !== undefined; f.line = line, v = it.next()) {
        store(f, v);
        ts.cost += iterCost;
        const sig = body(f);
        if (sig !== NORMAL && sig !== CONTINUE) return sig === BREAK ? NORMAL : RETURN;
        backEdge(ts);
      }
    }
    return orelse ? orelse(f) : NORMAL;
  };
