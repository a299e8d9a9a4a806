// Assignment targets and `del`: names (fast, cell, global, class namespace), attributes,
// items and unpacking, with CPython's messages for counts that do not match.
import type { Expr } from '../../common/python/ast';
import { delAttr, isObjectSetattr, setAttr } from './attributes';
import { TypeLookup } from './lookup-cache';
import { compileExpr } from './compile-expr';
import { nameError, storeClassName, storeGlobal, unboundLocal, shownName, type Ctx } from './compile-context';
import { pyError } from './errors';
import type { Frame } from './frame';
import { delItem, setItem } from './items';
import { isIterable, toArray } from './iteration';
import { mutate } from './mutations';
import { PyInstance, PyList, PyProperty, typeOf, type PyValue } from './objects';
import type { Access } from './scope';

export type StoreFn = (f: Frame, v: PyValue) => void;

/** A store to a name bound by def, class, import or `except … as`, filed under that node's id. */
export function storeNamed(ctx: Ctx, name: string, nid: number): StoreFn {
  return storeByAccess(name, ctx.table.access.get(nid) ?? { kind: 'global' });
}

function storeByAccess(name: string, a: Access): StoreFn {
  switch (a.kind) {
    case 'fast': {
      const slot = a.slot;
      return (f, v) => {
        f.locals[slot] = v;
      };
    }
    case 'cell': {
      const index = a.index;
      return (f, v) => {
        f.cells[index].v = v;
      };
    }
    case 'global':
      return (f, v) => storeGlobal(f, name, v);
    case 'classname':
      return (f, v) => storeClassName(f, name, v);
  }
}

export function storeTarget(ctx: Ctx, t: Expr): StoreFn {
  switch (t.kind) {
    case 'Name':
      return storeByAccess(ctx.nameOf(t), ctx.access(t));
    case 'Attribute': {
      const obj = compileExpr(ctx, t.value);
      const attr = t.attr;
      const setattr = new TypeLookup('__setattr__');
      const own = new TypeLookup(attr);
      return (f, v) => {
        const o = obj(f);
        // The common case: no __setattr__ of the class's own, no property of that name.
        if (o instanceof PyInstance && isObjectSetattr(setattr.find(o.type)?.v)) {
          const entry = own.find(o.type);
          if (entry === undefined || !(entry.v instanceof PyProperty)) {
            mutate.setAttr(o, attr, v);
            return;
          }
        }
        setAttr(o, attr, v);
      };
    }
    case 'Subscript': {
      const obj = compileExpr(ctx, t.value);
      const key = compileExpr(ctx, t.slice);
      return (f, v) => {
        const o = obj(f);
        const k = key(f);
        if (o instanceof PyList && typeof k === 'number' && k >= 0 && k < o.items.length) mutate.listSet(o, k, v);
        else setItem(o, k, v);
      };
    }
    case 'Tuple':
    case 'List':
      return unpacker(ctx, t.elts);
    case 'Starred':
      throw pyError('SyntaxError', 'starred assignment target must be in a list or tuple');
    default:
      break;
  }
  throw pyError('SyntaxError', `cannot assign to ${t.kind === 'Call' ? 'function call' : 'expression'}`);
}

function unpacker(ctx: Ctx, elts: Expr[]): StoreFn {
  const star = elts.findIndex((e) => e.kind === 'Starred');
  const stores = elts.map((e) => storeTarget(ctx, e.kind === 'Starred' ? e.value : e));
  const n = elts.length;
  return (f, v) => {
    if (!isIterable(v)) throw pyError('TypeError', `cannot unpack non-iterable ${typeOf(v).name} object`);
    const items = toArray(v);
    if (star < 0) {
      if (items.length > n) throw pyError('ValueError', `too many values to unpack (expected ${n})`);
      if (items.length < n)
        throw pyError('ValueError', `not enough values to unpack (expected ${n}, got ${items.length})`);
      for (let i = 0; i < n; i++) stores[i](f, items[i]);
      return;
    }
    const after = n - star - 1;
    if (items.length < n - 1)
      throw pyError('ValueError', `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
    for (let i = 0; i < star; i++) stores[i](f, items[i]);
    stores[star](f, new PyList(items.slice(star, items.length - after)));
    for (let i = 0; i < after; i++) stores[star + 1 + i](f, items[items.length - after + i]);
  };
}

export function deleteTarget(ctx: Ctx, t: Expr): (f: Frame) => void {
  switch (t.kind) {
    case 'Name': {
      const name = ctx.nameOf(t);
      const a = ctx.access(t);
      switch (a.kind) {
        case 'fast': {
          const slot = a.slot;
          return (f) => {
            if (f.locals[slot] === undefined) unboundLocal(name);
            f.locals[slot] = undefined;
          };
        }
        case 'cell': {
          const index = a.index;
          return (f) => {
            if (f.cells[index].v === undefined) unboundLocal(name);
            f.cells[index].v = undefined;
          };
        }
        default:
          return (f) => {
            const d = a.kind === 'classname' && f.ns ? f.ns : f.globals;
            if (!d.map.has(name)) nameError(name);
            mutate.dictDelete(d, name);
          };
      }
    }
    case 'Attribute': {
      const obj = compileExpr(ctx, t.value);
      return (f) => delAttr(obj(f), t.attr);
    }
    case 'Subscript': {
      const obj = compileExpr(ctx, t.value);
      const key = compileExpr(ctx, t.slice);
      return (f) => delItem(obj(f), key(f));
    }
    case 'Tuple':
    case 'List': {
      const dels = t.elts.map((e) => deleteTarget(ctx, e));
      return (f) => dels.forEach((d) => d(f));
    }
    default:
      throw pyError('SyntaxError', `cannot delete ${shownName(t.kind)}`);
  }
}
