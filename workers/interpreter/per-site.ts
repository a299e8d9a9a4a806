// Code of its own for a hot closure. V8 keeps type feedback (which function a call site called,
// which shapes a property access saw) per function literal, not per closure, and a closure
// compiler makes every node of a kind from one literal: every `for` loop of every program run
// in an isolate shares one `body(f)` call site. V8's call feedback knows one target or "many":
// once a site has called two statement kinds (or a prelude module's loop and then the program's)
// it is megamorphic, Turbofan calls through it instead of inlining, and code it optimized for one
// program's closures deopts ("wrong call target") when the next program's arrive. Only in a fresh
// isolate, while each literal has made one closure, does a loop run fully inlined.
//
// perSite(factory) evaluates the factory's source again, so the closures the copy makes have
// bytecode and feedback of their own: a loop's call sites see only its own body, Turbofan inlines
// through them and folds the captured values as in a fresh isolate, whatever ran before. A copy
// costs a parse (~15 µs), so the compiler makes copies for loops and the statements in them.
import type { Ctx } from './compile-context';

let copies = 0;

/**
 * A copy of `factory` with its own bytecode and feedback. The factory must use nothing but its
 * parameters: the copy is evaluated at global scope. (The count keeps V8's cache of evaluated
 * sources from handing back the previous copy.)
 */
export function perSite<F extends (...args: never[]) => unknown>(factory: F): F {
  return new Function(`return ${factory.toString()} // copy ${++copies}`)() as F;
}

/** The factory for a statement being compiled: a copy of its own inside a loop, else the shared one. */
export function siteFactory<F extends (...args: never[]) => unknown>(ctx: Ctx, factory: F): F {
  return ctx.loopDepth > 0 ? perSite(factory) : factory;
}
