// Operands simple enough to read inline: a local variable (a slot of the frame) or a constant.
// Hot shapes (i + 1, i < n, p.x, l.append(i), d[k]) read them directly instead of calling a
// closure for each, which V8 cannot inline at the shared call sites of compiled code.
import type { Expr } from '../../common/python/ast';
import { unboundLocal, type Ctx } from './compile-context';
import type { ExprFn, Frame } from './frame';
import { PyFloat, type PyValue } from './objects';

export type Operand =
  { kind: 'local'; slot: number; name: string } | { kind: 'const'; value: PyValue } | { kind: 'expr'; fn: ExprFn };

/** How `e` can be read; `compile` compiles it when it is neither a local nor a constant. */
export function operandOf(ctx: Ctx, e: Expr, compile: (ctx: Ctx, e: Expr) => ExprFn): Operand {
  // A part on a line of its own sets the frame's line when it runs: compile it normally.
  if (e.line === ctx.line || ctx.line === 0) {
    if (e.kind === 'Name') {
      const a = ctx.access(e);
      if (a.kind === 'fast') return { kind: 'local', slot: a.slot, name: ctx.nameOf(e) };
    }
    if (
      e.kind === 'Constant' &&
      (e.value.type === 'int' || e.value.type === 'str' || e.value.type === 'bool' || e.value.type === 'None')
    )
      return { kind: 'const', value: e.value.type === 'None' ? null : e.value.value };
    if (e.kind === 'Constant' && e.value.type === 'float') return { kind: 'const', value: new PyFloat(e.value.value) };
  }
  return { kind: 'expr', fn: compile(ctx, e) };
}

/** A reader for any operand (used where inlining buys nothing). */
export function reader(o: Operand): ExprFn {
  switch (o.kind) {
    case 'local': {
      const { slot, name } = o;
      return (f) => {
        const v = f.locals[slot];
        return v === undefined ? unboundLocal(name) : v;
      };
    }
    case 'const': {
      const v = o.value;
      return () => v;
    }
    case 'expr':
      return o.fn;
  }
}

/** Where an operand is read: a local's slot (-1 otherwise), its name, and a reader for any other operand. */
export interface Source {
  slot: number;
  name: string;
  read: ExprFn;
}

/** Sites read `slot >= 0 ? local(f, slot, name) : read(f)`: V8 inlines `local`, not a closure. */
export function sourceOf(ctx: Ctx, e: Expr, compile: (ctx: Ctx, e: Expr) => ExprFn): Source {
  const o = operandOf(ctx, e, compile);
  return o.kind === 'local' ? { slot: o.slot, name: o.name, read: reader(o) } : { slot: -1, name: '', read: reader(o) };
}

/** A local's value, raising UnboundLocalError as CPython does when it has none. */
export function local(f: Frame, slot: number, name: string): PyValue {
  const v = f.locals[slot];
  return v === undefined ? unboundLocal(name) : v;
}
