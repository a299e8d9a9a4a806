// The prelude's engine modules (threading, queue, asyncio, concurrent.futures, multiprocessing …,
// which need the engine's _gil_lab to run) bind at module level every name the checker lets a
// program use from them: a name listed in common/python/subset.ts that the module lacks would pass
// the checker and fail mid-run (asyncio.to_thread once did). Read from the source, not run.
import { describe, expect, it } from 'vitest';
import { parseModule, type Stmt } from '../../common/python/ast';
import { supportedModules } from '../../common/python/subset';
import { prelude, stdlib } from '.';

/** The names a module's top level binds: defs, classes, assignments and imports, in ifs and trys too. */
function boundNames(body: Stmt[], out = new Set<string>()): Set<string> {
  for (const s of body) {
    if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') out.add(s.name);
    else if (s.kind === 'Assign')
      for (const t of s.targets) {
        if (t.kind === 'Name') out.add(t.id);
        if (t.kind === 'Tuple') for (const e of t.elts) if (e.kind === 'Name') out.add(e.id);
      }
    else if (s.kind === 'AnnAssign' && s.target.kind === 'Name') out.add(s.target.id);
    else if (s.kind === 'Import') for (const a of s.names) out.add(a.asname ?? a.name.split('.')[0]);
    else if (s.kind === 'ImportFrom') for (const a of s.names) out.add(a.asname ?? a.name);
    else if (s.kind === 'If') for (const part of [s.body, s.orelse]) boundNames(part, out);
    else if (s.kind === 'Try') for (const part of [s.body, s.orelse, s.finalbody]) boundNames(part, out);
  }
  return out;
}

const engineModules = Object.keys(supportedModules).filter((name) => name in prelude && !(name in stdlib));

describe("the prelude's engine modules bind every name the checker allows", () => {
  it('covers the modules written in Python', () => {
    expect(engineModules).toEqual(
      expect.arrayContaining(['threading', 'queue', 'asyncio', 'concurrent.futures', 'multiprocessing']),
    );
  });

  it.each(engineModules)('%s', (name) => {
    const parsed = parseModule(prelude[name]);
    if (!parsed.ok) throw new Error(`${name} does not parse: ${parsed.error.message}`);
    const bound = boundNames(parsed.module.body);
    // A package's submodules are names of it once imported (concurrent.futures, multiprocessing.pool).
    const missing = supportedModules[name].filter((n) => !bound.has(n) && !(`${name}.${n}` in prelude));
    expect(missing).toEqual([]);
  });
});
