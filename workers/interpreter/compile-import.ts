// import and from … import: modules come from the interpreter's module table (builtin modules
// written in TypeScript, and the Python prelude: threading, queue, concurrent.futures …).
import type { Stmt } from '../../common/python/ast';
import { findAttr } from './attributes';
import type { Ctx } from './compile-context';
import { storeGlobal } from './compile-context';
import { storeNamed } from './compile-store';
import { pyError } from './errors';
import { NORMAL, type StmtFn } from './frame';
import { toArray } from './iteration';
import type { PyModule } from './objects';

export function compileImport(ctx: Ctx, s: Stmt & { kind: 'Import' }): StmtFn {
  const ts = ctx.ts;
  const line = s.line;
  const env = ctx.env;
  const parts = s.names.map((a) => ({
    module: a.name,
    store: storeNamed(ctx, a.asname ?? a.name.split('.')[0], a.nid),
    // `import a.b` binds a; `import a.b as c` binds a.b.
    bindsTop: a.asname === null,
  }));
  const cost = ctx.costs.statement + ctx.costs.call * 2;
  return (f) => {
    f.line = line;
    ts.cost += cost;
    for (const p of parts) {
      const m = env.importModule(p.module);
      p.store(f, p.bindsTop ? env.importModule(p.module.split('.')[0]) : m);
    }
    return NORMAL;
  };
}

/** The names `from m import *` takes: __all__, or every name not starting with an underscore. */
export function publicNames(m: PyModule): string[] {
  const all = m.dict.map.get('__all__');
  if (all) return toArray(all.v).map(String);
  return [...m.dict.map.keys()].filter((k): k is string => typeof k === 'string' && !k.startsWith('_'));
}

export function compileImportFrom(ctx: Ctx, s: Stmt & { kind: 'ImportFrom' }): StmtFn {
  if (s.level > 0) throw pyError('ImportError', 'attempted relative import with no known parent package');
  const ts = ctx.ts;
  const line = s.line;
  const env = ctx.env;
  const star = s.names.some((a) => a.name === '*');
  const names = s.names
    .filter((a) => a.name !== '*')
    .map((a) => ({ name: a.name, store: storeNamed(ctx, a.asname ?? a.name, a.nid) }));
  const cost = ctx.costs.statement + ctx.costs.call * (1 + s.names.length);
  return (f) => {
    f.line = line;
    ts.cost += cost;
    const m = env.importModule(s.module);
    if (star) for (const name of publicNames(m)) storeGlobal(f, name, m.dict.map.get(name)!.v);
    for (const { name, store } of names) {
      let v = findAttr(m, name);
      if (v === undefined) {
        try {
          v = env.importModule(`${s.module}.${name}`);
        } catch {
          throw pyError('ImportError', `cannot import name '${name}' from '${s.module}'`);
        }
      }
      store(f, v);
    }
    return NORMAL;
  };
}
