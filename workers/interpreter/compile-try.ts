// try/except/else/finally, with and raise, as plain closures and as generator steps (bodies
// that suspend). An exception caught in a frame gets that frame's traceback entry at once, with
// the line it was raised at, as CPython's exception table does: a finally block or __exit__
// running afterwards does not move the line the traceback shows.
import type { ExceptHandler, Expr, Stmt } from '../../common/python/ast';
import { call, callMethod, construct, findAttr } from './attributes';
import { setName, truthy } from './compare';
import type { Ctx } from './compile-context';
import { compileExpr, staticCost } from './compile-expr';
import { storeNamed, storeTarget } from './compile-store';
import { isExceptionType, pyError, PyExc, setContext, tracebacks } from './errors';
import { exceptStarMatch, exceptStarOutcome } from './exception-groups';
import {
  asPyExc,
  caughtIn,
  NORMAL,
  type ExprFn,
  type Frame,
  type Signal,
  type StmtFn,
  type ThreadState,
} from './frame';
import { awaitValue } from './generators';
import { PyInstance, PyTuple, PyType, typeOf, type PyValue } from './objects';

type G<T> = Generator<PyValue, T, PyValue>;
type GenStmt = (f: Frame) => G<Signal>;

/** How compile-gen compiles the blocks of a suspending statement. */
export interface GenCompiler {
  block(ctx: Ctx, body: Stmt[]): GenStmt;
  expr(ctx: Ctx, e: Expr): (f: Frame) => G<PyValue>;
}

/** The exception a `raise` expression names: a class is instantiated, an instance is used as is. */
export function exceptionToRaise(v: PyValue): PyInstance {
  if (v instanceof PyType && isExceptionType(v)) return construct(v, [], null) as PyInstance;
  if (v instanceof PyInstance && isExceptionType(v.type)) return v;
  throw pyError('TypeError', 'exceptions must derive from BaseException');
}

/** `raise v` or `raise v from cause`: an instance raised again keeps the traceback it had. */
export function raised(ts: ThreadState, v: PyValue, cause?: PyValue): PyExc {
  const e = exceptionToRaise(v);
  if (cause !== undefined) {
    setName(e.dict, '__cause__', cause === null ? null : exceptionToRaise(cause));
    setName(e.dict, '__suppress_context__', true);
  }
  const exc = new PyExc(e, [...(tracebacks.get(e) ?? [])]);
  setContext(exc, ts.handling, true);
  return exc;
}

/** A bare `raise`: the exception being handled, with no new traceback entry. */
export function reraise(ts: ThreadState, f: Frame): PyExc {
  const current = ts.handling[ts.handling.length - 1];
  if (!current) return pyError('RuntimeError', 'No active exception to reraise');
  current.reraiseIn(f);
  return current;
}

export function exceptionMatches(e: PyInstance, t: PyValue): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => exceptionMatches(e, x));
  if (!(t instanceof PyType) || !isExceptionType(t))
    throw pyError('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
  return e.type.mro.includes(t);
}

/** Runs `body` while `exc` is being handled (sys.exc_info(), bare raise, __context__ of new errors). */
function handling<T>(ts: ThreadState, exc: PyExc, body: () => T): T {
  ts.handling.push(exc);
  try {
    return body();
  } catch (e) {
    const inner = asPyExc(e);
    if (inner) setContext(inner, ts.handling);
    throw e;
  } finally {
    ts.handling.pop();
  }
}

function* handlingGen<T>(ts: ThreadState, exc: PyExc, body: () => G<T>): G<T> {
  ts.handling.push(exc);
  try {
    return yield* body();
  } catch (e) {
    const inner = asPyExc(e);
    if (inner) setContext(inner, ts.handling);
    throw e;
  } finally {
    ts.handling.pop();
  }
}

interface Handler<B> {
  type: ExprFn | null;
  store: ((f: Frame, v: PyValue) => void) | null;
  body: B;
  line: number;
}

function handlerOf<B>(ctx: Ctx, h: ExceptHandler, body: B): Handler<B> {
  return {
    type: h.type ? compileExpr(ctx, h.type) : null,
    store: h.name ? storeNamed(ctx, h.name, h.nid) : null,
    body,
    line: h.line,
  };
}

/**
 * The exception `e` as these handlers catch it, and the first handler whose type matches (with
 * the name bound); when none does, `e` goes on up with the frame's line put back.
 */
function caughtBy<B>(handlers: Handler<B>[], e: unknown, f: Frame, ts: ThreadState): { exc: PyExc; h: Handler<B> } {
  const exc = handlers.length > 0 ? caughtIn(e, f, ts) : null;
  if (!exc) throw e;
  const line = f.line;
  for (const h of handlers) {
    f.line = h.line;
    if (h.type !== null) {
      let matches: boolean;
      try {
        const t = h.type(f);
        f.line = h.line; // evaluating the type may have put back the try's line
        matches = exceptionMatches(exc.value, t);
      } catch (inner) {
        // The exception is being handled while the handler's type is evaluated and matched.
        const failed = asPyExc(inner);
        if (failed) setContext(failed, [...ts.handling, exc]);
        throw inner;
      }
      if (!matches) continue;
    }
    if (h.store) h.store(f, exc.value);
    tracebacks.set(exc.value, exc.traceback);
    return { exc, h };
  }
  f.line = line;
  throw exc;
}

/**
 * `except*`: each handler in turn takes the part of the caught group its type matches (a lone
 * exception comes wrapped in a group); what the handlers raise and the part none matched are
 * raised together afterwards. Returns normally when nothing is left to raise. Written once, as
 * generator steps: a plain try runs it with bodies that never suspend.
 */
function* handledByStar<B>(
  handlers: Handler<B>[],
  run: (body: B, f: Frame) => G<Signal>,
  e: unknown,
  f: Frame,
  ts: ThreadState,
): G<void> {
  const exc = caughtIn(e, f, ts);
  if (!exc) throw e;
  const line = f.line;
  let rest: PyInstance | null = exc.value;
  // What sys.exc_info() says while a handler's type is evaluated: the last part handled, as in CPython.
  let current = exc;
  const raised: PyExc[] = [];
  for (const h of handlers) {
    f.line = h.line;
    const type = h.type as ExprFn;
    const part = handling(ts, current, () => {
      const t = type(f);
      f.line = h.line; // evaluating the type may have put back the try's line
      return exceptStarMatch(rest, t);
    });
    rest = part.rest;
    if (!part.match) continue;
    const match = new PyExc(part.match, tracebacks.get(part.match) ?? []);
    tracebacks.set(match.value, match.traceback);
    current = match;
    if (h.store) h.store(f, match.value);
    try {
      yield* handlingGen(ts, match, () => run(h.body, f));
    } catch (inner) {
      const exc2 = caughtIn(inner, f, ts);
      if (!exc2) throw inner;
      raised.push(exc2);
    } finally {
      if (h.store) h.store(f, null);
    }
  }
  f.line = line;
  const outcome = exceptStarOutcome(exc.value, [...raised.map((r) => r.value), rest]);
  if (outcome === null) return;
  if (outcome === exc.value) throw exc;
  const again = raised.find((r) => r.value === outcome);
  if (again) throw again;
  // A group made here: it is re-raised (no entry for this frame), and with no __context__, as RERAISE leaves it.
  if (!outcome.dict.map.has('__context__')) setName(outcome.dict, '__context__', null);
  const group = new PyExc(outcome, [...(tracebacks.get(outcome) ?? [])]);
  group.reraiseIn(f);
  throw group;
}

/** A plain block as generator steps that never suspend. */
// eslint-disable-next-line require-yield
function* plainSteps(body: StmtFn, f: Frame): G<Signal> {
  return body(f);
}

/** Runs generator steps that never suspend (a plain try's except* handlers). */
function runPlain(steps: G<void>): void {
  if (!steps.next().done) throw new Error('internal: a plain except* handler suspended');
}

/** A try statement's blocks, compiled plain or as generator steps; else and finally are null when absent. */
function tryBlocks<B>(ctx: Ctx, s: Stmt & { kind: 'Try' }, block: (ctx: Ctx, body: Stmt[]) => B) {
  return {
    body: block(ctx, s.body),
    handlers: s.handlers.map((h) => handlerOf(ctx, h, block(ctx, h.body))),
    orelse: s.orelse.length > 0 ? block(ctx, s.orelse) : null,
    finalbody: s.finalbody.length > 0 ? block(ctx, s.finalbody) : null,
  };
}

export function tryStmt(ctx: Ctx, s: Stmt & { kind: 'Try' }, block: (ctx: Ctx, body: Stmt[]) => StmtFn): StmtFn {
  const ts = ctx.ts;
  const { body, handlers, orelse, finalbody } = tryBlocks(ctx, s, block);
  const star = s.star;
  const attempt = (f: Frame): Signal => {
    let sig: Signal;
    try {
      sig = body(f);
    } catch (e) {
      if (star) {
        runPlain(handledByStar(handlers, plainSteps, e, f, ts));
        return NORMAL;
      }
      const { exc, h } = caughtBy(handlers, e, f, ts);
      try {
        return handling(ts, exc, () => h.body(f));
      } finally {
        // Python unbinds the name at the end of the handler (the exception would keep the frame alive).
        if (h.store) h.store(f, null);
      }
    }
    return sig === NORMAL && orelse ? orelse(f) : sig;
  };
  if (!finalbody) return attempt;
  return (f) => {
    let sig: Signal;
    try {
      sig = attempt(f);
    } catch (e) {
      const exc = caughtIn(e, f, ts);
      if (!exc) throw e;
      const line = f.line;
      // A return, break or continue in `finally` wins over the exception.
      const final = handling(ts, exc, () => finalbody(f));
      if (final !== NORMAL) return final;
      f.line = line;
      throw exc;
    }
    const saved = f.ret;
    const final = finalbody(f);
    if (final !== NORMAL) return final;
    f.ret = saved;
    return sig;
  };
}

export function genTry(ctx: Ctx, s: Stmt & { kind: 'Try' }, block: (ctx: Ctx, body: Stmt[]) => GenStmt): GenStmt {
  const ts = ctx.ts;
  const { body, handlers, orelse, finalbody } = tryBlocks(ctx, s, block);
  const star = s.star;
  function* attempt(f: Frame): G<Signal> {
    let sig: Signal;
    try {
      sig = yield* body(f);
    } catch (e) {
      if (star) {
        yield* handledByStar(handlers, (b, fr) => b(fr), e, f, ts);
        return NORMAL;
      }
      const { exc, h } = caughtBy(handlers, e, f, ts);
      try {
        return yield* handlingGen(ts, exc, () => h.body(f));
      } finally {
        if (h.store) h.store(f, null);
      }
    }
    return sig === NORMAL && orelse ? yield* orelse(f) : sig;
  }
  if (!finalbody) return attempt;
  return function* (f) {
    let sig: Signal;
    try {
      sig = yield* attempt(f);
    } catch (e) {
      const exc = caughtIn(e, f, ts);
      if (!exc) throw e;
      const line = f.line;
      const final = yield* handlingGen(ts, exc, () => finalbody(f));
      if (final !== NORMAL) return final;
      f.line = line;
      throw exc;
    }
    const saved = f.ret;
    const final = yield* finalbody(f);
    if (final !== NORMAL) return final;
    f.ret = saved;
    return sig;
  };
}

function exitOf(m: PyValue, exit: '__exit__' | '__aexit__'): PyValue {
  const found = findAttr(m, exit);
  if (found !== undefined) return found;
  const isAsync = exit === '__aexit__';
  if (findAttr(m, isAsync ? '__aenter__' : '__enter__') === undefined)
    throw pyError(
      'TypeError',
      `'${typeOf(m).name}' object does not support the ${isAsync ? 'asynchronous ' : ''}context manager protocol`,
    );
  throw pyError('AttributeError', exit);
}

export function withStmt(
  ctx: Ctx,
  s: Stmt & { kind: 'With' },
  index: number,
  block: (ctx: Ctx, body: Stmt[]) => StmtFn,
): StmtFn {
  if (index >= s.items.length) return block(ctx, s.body);
  const ts = ctx.ts;
  const line = s.line;
  const item = s.items[index];
  const manager = compileExpr(ctx, item.context);
  const store = item.target ? storeTarget(ctx, item.target) : null;
  const inner = withStmt(ctx, s, index + 1, block);
  const cost = ctx.costs.statement + ctx.costs.call * 2 + staticCost(ctx, item.context);
  return (f) => {
    f.line = line;
    ts.cost += cost;
    const m = manager(f);
    const exit = exitOf(m, '__exit__');
    const entered = callMethod(m, '__enter__', []);
    if (store) store(f, entered);
    let sig: Signal;
    try {
      sig = inner(f);
    } catch (e) {
      const exc = caughtIn(e, f, ts);
      if (!exc) throw e;
      const raisedAt = f.line;
      f.line = line;
      if (truthy(handling(ts, exc, () => call(exit, [exc.value.type, exc.value, null], null)))) return NORMAL;
      f.line = raisedAt;
      throw exc;
    }
    f.line = line;
    call(exit, [null, null, null], null);
    return sig;
  };
}

export function genWith(ctx: Ctx, s: Stmt & { kind: 'With' }, index: number, gen: GenCompiler): GenStmt {
  if (index >= s.items.length) return gen.block(ctx, s.body);
  const ts = ctx.ts;
  const item = s.items[index];
  const manager = gen.expr(ctx, item.context);
  const store = item.target ? storeTarget(ctx, item.target) : null;
  const inner = genWith(ctx, s, index + 1, gen);
  const [enter, exit] = s.isAsync ? (['__aenter__', '__aexit__'] as const) : (['__enter__', '__exit__'] as const);
  const isAsync = s.isAsync;
  const line = s.line;
  const cost = ctx.costs.statement + ctx.costs.call * 2 + staticCost(ctx, item.context);
  return function* (f) {
    f.line = line;
    ts.cost += cost;
    const m = yield* manager(f);
    const exitFn = exitOf(m, exit);
    let entered = callMethod(m, enter, []);
    if (isAsync) entered = yield* awaitValue(entered);
    if (store) store(f, entered);
    let sig: Signal;
    try {
      sig = yield* inner(f);
    } catch (e) {
      const exc = caughtIn(e, f, ts);
      if (!exc) throw e;
      const raisedAt = f.line;
      f.line = line;
      const suppress = yield* handlingGen(ts, exc, function* () {
        const r = call(exitFn, [exc.value.type, exc.value, null], null);
        return isAsync ? yield* awaitValue(r) : r;
      });
      if (truthy(suppress)) return NORMAL;
      f.line = raisedAt;
      throw exc;
    }
    f.line = line;
    const r = call(exitFn, [null, null, null], null);
    if (isAsync) yield* awaitValue(r);
    return sig;
  };
}
