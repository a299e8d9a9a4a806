// Expressions -> closures `(frame) => value`. Hot shapes (locals, int arithmetic, module
// attributes, method calls) get their own closures; everything else goes through the protocol.
import type { Const, Expr } from '../../common/python/ast';
import { getAttr } from './attributes';
import { compare, dictSet, dictSetKey, equals, setAdd, truthy } from './compare';
import { classNameLoader, globalLoader, unboundLocal, type Ctx } from './compile-context';
import { pyError } from './errors';
import { type ExprFn } from './frame';
import { contains, getItem } from './items';
import {
  Ellipsis,
  PyBytes,
  PyDict,
  PyFloat,
  PyInstance,
  PyList,
  PyModule,
  PyProperty,
  PySet,
  PySlice,
  PyTuple,
  types,
  type DictEntry,
  type PyValue,
} from './objects';
import { binaryOp, mappingItems, unaryOp } from './operators';
import { storeTarget } from './compile-store';
import { makeFunction } from './compile-function';
import { callExpr, displayItems } from './compile-call';
import { TypeLookup } from './lookup-cache';
import { fastArithmetic, fastComparison } from './compile-arith';
import { local, operandOf, reader, sourceOf } from './operands';
import { comprehension, generatorExp } from './compile-comprehension';
import { formattedValue, joinedStr } from './compile-fstring';

export function constantValue(c: Const): PyValue {
  switch (c.type) {
    case 'int':
    case 'str':
    case 'bool':
      return c.value;
    case 'float':
      return new PyFloat(c.value);
    case 'bytes':
      return new PyBytes(Uint8Array.from(c.value, (ch) => ch.charCodeAt(0) & 0xff));
    case 'None':
      return null;
    case 'Ellipsis':
      return Ellipsis;
  }
}

/** What evaluating the expression charges, not counting nested function bodies or comprehension loops. */
export function staticCost(ctx: Ctx, e: Expr | null): number {
  if (!e) return 0;
  const c = ctx.costs;
  switch (e.kind) {
    case 'Name':
      return ctx.access(e).kind === 'fast' ? c.local : ctx.scope.kind === 'function' ? c.global : c.name;
    case 'Constant':
      return c.constant;
    case 'BinOp':
      return c.arithmetic + staticCost(ctx, e.left) + staticCost(ctx, e.right);
    case 'UnaryOp':
      return c.arithmetic / 2 + staticCost(ctx, e.operand);
    case 'BoolOp':
      return e.values.reduce((n, v) => n + c.compare / 2 + staticCost(ctx, v), 0);
    case 'Compare':
      return (
        e.ops.length * c.compare + staticCost(ctx, e.left) + e.comparators.reduce((n, v) => n + staticCost(ctx, v), 0)
      );
    case 'Call':
      return (
        c.call +
        staticCost(ctx, e.func) +
        e.args.reduce((n, a) => n + staticCost(ctx, a), 0) +
        e.keywords.reduce((n, k) => n + staticCost(ctx, k.value), 0)
      );
    case 'Attribute':
      return c.attribute + staticCost(ctx, e.value);
    case 'Subscript':
      return c.subscript + staticCost(ctx, e.value) + staticCost(ctx, e.slice);
    case 'List':
    case 'Tuple':
    case 'Set':
      return c.element * e.elts.length + e.elts.reduce((n, v) => n + staticCost(ctx, v), 0);
    case 'Dict':
      return (
        c.element * e.values.length +
        e.values.reduce((n, v) => n + staticCost(ctx, v), 0) +
        e.keys.reduce((n, k) => n + staticCost(ctx, k), 0)
      );
    case 'JoinedStr':
      return e.values.reduce(
        (n, v) => n + (v.kind === 'FormattedValue' ? c.format + staticCost(ctx, v.value) : c.constant),
        0,
      );
    case 'IfExp':
      return c.compare + staticCost(ctx, e.test) + Math.max(staticCost(ctx, e.body), staticCost(ctx, e.orelse));
    case 'Starred':
    case 'Await':
      return staticCost(ctx, e.value);
    case 'NamedExpr':
      return c.local + staticCost(ctx, e.value);
    case 'Slice':
      return c.element + staticCost(ctx, e.lower) + staticCost(ctx, e.upper) + staticCost(ctx, e.step);
    default:
      return c.element;
  }
}

/**
 * A part of a statement on a line of its own (a statement spanning lines) sets the frame's line
 * while it runs, so a traceback names the line of the failing part, as CPython's does.
 */
export function compileExpr(ctx: Ctx, e: Expr): ExprFn {
  const outer = ctx.line;
  if (e.line === outer || outer === 0) return expression(ctx, e);
  const inner = ctx.atLine(e.line, () => expression(ctx, e));
  const line = e.line;
  return (f) => {
    f.line = line;
    const v = inner(f);
    f.line = outer;
    return v;
  };
}

function expression(ctx: Ctx, e: Expr): ExprFn {
  switch (e.kind) {
    case 'Constant': {
      const v = constantValue(e.value);
      return () => v;
    }
    case 'Name':
      return nameLoader(ctx, e);
    case 'BinOp':
      return binOp(ctx, e);
    case 'UnaryOp': {
      const operand = compileExpr(ctx, e.operand);
      const op = e.op;
      if (op === 'not') return (f) => !truthy(operand(f));
      return (f) => unaryOp(op, operand(f));
    }
    case 'BoolOp': {
      const values = e.values.map((v) => compileExpr(ctx, v));
      if (e.op === 'and')
        return (f) => {
          let v: PyValue = null;
          for (const x of values) if (!truthy((v = x(f)))) return v;
          return v;
        };
      return (f) => {
        let v: PyValue = null;
        for (const x of values) if (truthy((v = x(f)))) return v;
        return v;
      };
    }
    case 'Compare':
      return compareExpr(ctx, e);
    case 'IfExp': {
      const test = compileExpr(ctx, e.test);
      const body = compileExpr(ctx, e.body);
      const orelse = compileExpr(ctx, e.orelse);
      return (f) => (truthy(test(f)) ? body(f) : orelse(f));
    }
    case 'Call':
      return callExpr(ctx, e);
    case 'Attribute': {
      const { slot, name: objName, read } = sourceOf(ctx, e.value, compileExpr);
      const name = e.attr;
      const lookup = new TypeLookup(name);
      let module: PyModule | null = null;
      let shape = -1;
      let moduleEntry: DictEntry | undefined = undefined;
      // The instance dict read last and its entry for the name: the same entry while no key is added or removed.
      let own: PyDict | null = null;
      let ownShape = -1;
      let ownEntry: DictEntry | undefined = undefined;
      return (f) => {
        const o = slot >= 0 ? local(f, slot, objName) : read(f);
        if (o instanceof PyInstance) {
          // The instance's own attribute, unless its class has a property of that name.
          const entry = lookup.find(o.type);
          if (entry === undefined || !(entry.v instanceof PyProperty)) {
            const d = o.dict;
            if (d !== own || d.shape !== ownShape) {
              own = d;
              ownShape = d.shape;
              ownEntry = d.map.get(name);
            }
            if (ownEntry !== undefined) return ownEntry.v;
          }
          return getAttr(o, name);
        }
        if (o instanceof PyModule) {
          // The entry, not its value: a new value for the name (module.x = …) is seen through it.
          if (o !== module || o.dict.shape !== shape) {
            module = o;
            shape = o.dict.shape;
            moduleEntry = o.dict.map.get(name);
          }
          return moduleEntry !== undefined ? moduleEntry.v : getAttr(o, name);
        }
        return getAttr(o, name);
      };
    }
    case 'Subscript': {
      const obj = sourceOf(ctx, e.value, compileExpr);
      const key = sourceOf(ctx, e.slice, compileExpr);
      return (f) => {
        const o = obj.slot >= 0 ? local(f, obj.slot, obj.name) : obj.read(f);
        const k = key.slot >= 0 ? local(f, key.slot, key.name) : key.read(f);
        if (o instanceof PyList && typeof k === 'number') {
          const i = k < 0 ? k + o.items.length : k;
          if (i >= 0 && i < o.items.length) return o.items[i];
        } else if (o instanceof PyDict && o.cls === types.dict && typeof k === 'string') {
          const entry = o.map.get(k);
          if (entry !== undefined) return entry.v;
        }
        return getItem(o, k);
      };
    }
    case 'Slice': {
      const lower = e.lower ? compileExpr(ctx, e.lower) : () => null;
      const upper = e.upper ? compileExpr(ctx, e.upper) : () => null;
      const step = e.step ? compileExpr(ctx, e.step) : () => null;
      return (f) => new PySlice(lower(f), upper(f), step(f));
    }
    case 'List': {
      const items = displayItems(ctx, e.elts);
      return (f) => new PyList(items(f));
    }
    case 'Tuple': {
      const items = displayItems(ctx, e.elts);
      return (f) => new PyTuple(items(f));
    }
    case 'Set': {
      const items = displayItems(ctx, e.elts);
      return (f) => {
        const s = new PySet();
        for (const v of items(f)) setAdd(s.map, v);
        return s;
      };
    }
    case 'Dict':
      return dictDisplay(ctx, e);
    case 'JoinedStr':
      return joinedStr(ctx, e);
    case 'FormattedValue':
      return formattedValue(ctx, e);
    case 'Lambda':
      return makeFunction(ctx, e, '<lambda>', [], e.args);
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
      return comprehension(ctx, e);
    case 'GeneratorExp':
      return generatorExp(ctx, e);
    case 'NamedExpr': {
      const value = compileExpr(ctx, e.value);
      const store = storeTarget(ctx, e.target);
      return (f) => {
        const v = value(f);
        store(f, v);
        return v;
      };
    }
    case 'Starred':
      throw pyError('SyntaxError', "can't use starred expression here");
    case 'Await':
    case 'Yield':
    case 'YieldFrom':
      throw pyError(
        'SyntaxError',
        `'${e.kind === 'Await' ? 'await' : 'yield'}' outside ${e.kind === 'Await' ? 'async function' : 'function'}`,
      );
    case 'Unsupported':
      throw pyError('SyntaxError', `${e.what} is not supported here`);
  }
}

function nameLoader(ctx: Ctx, e: Expr & { kind: 'Name' }): ExprFn {
  const name = ctx.nameOf(e);
  const a = ctx.access(e);
  switch (a.kind) {
    case 'fast': {
      const slot = a.slot;
      return (f) => {
        const v = f.locals[slot];
        return v === undefined ? unboundLocal(name) : v;
      };
    }
    case 'cell': {
      const index = a.index;
      const free = index >= ctx.code!.cellvarCount;
      return (f) => {
        const v = f.cells[index].v;
        if (v === undefined)
          throw free
            ? pyError(
                'NameError',
                `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
              )
            : unboundLocal(name);
        return v;
      };
    }
    case 'classname':
      return classNameLoader(name, ctx.env.builtins);
    case 'global':
      return globalLoader(name, ctx.env.builtins);
  }
}

function binOp(ctx: Ctx, e: Expr & { kind: 'BinOp' }): ExprFn {
  const op = e.op;
  const l = operandOf(ctx, e.left, compileExpr);
  const r = operandOf(ctx, e.right, compileExpr);
  const fast = fastArithmetic(op, l, r);
  if (fast) return fast;
  const [left, right] = [reader(l), reader(r)];
  switch (op) {
    case '+':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a + b;
          if (Number.isSafeInteger(r)) return r;
        }
        return binaryOp('+', a, b);
      };
    case '-':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a - b;
          if (Number.isSafeInteger(r)) return r;
        }
        return binaryOp('-', a, b);
      };
    case '*':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a * b;
          if (Number.isSafeInteger(r)) return r || 0;
        }
        return binaryOp('*', a, b);
      };
    default:
      return (f) => binaryOp(op, left(f), right(f));
  }
}

type CmpFn = (a: PyValue, b: PyValue) => boolean | PyValue;

const comparators: Record<string, CmpFn> = {
  '==': (a, b) => (typeof a === 'number' && typeof b === 'number' ? a === b : equals(a, b)),
  '!=': (a, b) => (typeof a === 'number' && typeof b === 'number' ? a !== b : !equals(a, b)),
  '<': (a, b) => (typeof a === 'number' && typeof b === 'number' ? a < b : compare('<', a, b)),
  '<=': (a, b) => (typeof a === 'number' && typeof b === 'number' ? a <= b : compare('<=', a, b)),
  '>': (a, b) => (typeof a === 'number' && typeof b === 'number' ? a > b : compare('>', a, b)),
  '>=': (a, b) => (typeof a === 'number' && typeof b === 'number' ? a >= b : compare('>=', a, b)),
  is: (a, b) => a === b,
  'is not': (a, b) => a !== b,
  in: (a, b) => contains(b, a),
  'not in': (a, b) => !contains(b, a),
};

function compareExpr(ctx: Ctx, e: Expr & { kind: 'Compare' }): ExprFn {
  if (e.ops.length === 1) {
    const l = operandOf(ctx, e.left, compileExpr);
    const r = operandOf(ctx, e.comparators[0], compileExpr);
    const fast = fastComparison(e.ops[0], l, r);
    if (fast) return fast;
    const [left, right] = [reader(l), reader(r)];
    const op = comparators[e.ops[0]];
    return (f) => op(left(f), right(f));
  }
  const left = compileExpr(ctx, e.left);
  const rights = e.comparators.map((c) => compileExpr(ctx, c));
  const ops = e.ops.map((o) => comparators[o]);
  return (f) => {
    let a = left(f);
    let r: PyValue = true;
    for (let i = 0; i < ops.length; i++) {
      const b = rights[i](f);
      r = ops[i](a, b);
      if (!truthy(r)) return r;
      a = b;
    }
    return r;
  };
}

function dictDisplay(ctx: Ctx, e: Expr & { kind: 'Dict' }): ExprFn {
  const parts = e.keys.map((k, i) => ({ key: k ? compileExpr(ctx, k) : null, value: compileExpr(ctx, e.values[i]) }));
  return (f) => {
    const d = new PyDict();
    for (const p of parts) {
      if (p.key === null) {
        const m = p.value(f);
        if (m instanceof PyDict) for (const [k, entry] of m.map) dictSetKey(d, k, entry.k, entry.v);
        else for (const [k, value] of mappingItems(m)) dictSet(d, k, value);
      } else {
        const k = p.key(f);
        dictSet(d, k, p.value(f));
      }
    }
    return d;
  };
}
