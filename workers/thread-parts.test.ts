// What a warm thread compiles before the run: the prelude modules the program imports (at any
// depth of its own code) and what those import when imported; a prelude module's import inside a
// function waits until it runs, and is compiled then wherever a heap change needs it. The
// supervisor parses them once for the run (parseForRun); each thread compiles the parsed modules.
import { describe, expect, it } from 'vitest';
import { parseModule } from '../common/python/ast';
import { supportedModules } from '../common/python/subset';
import { programFromText } from '../common/validate';
import { printed, runSession } from '../test/session';
import { createEngine } from './engine';
import { prelude } from './prelude';
import { parseForRun, preludeFile, preludeNeeds } from './thread-parts';

/** The prelude modules a warm thread compiles for this program. */
function needs(source: string): string[] {
  const p = parseModule(source);
  if (!p.ok) throw new Error(p.error.message);
  return preludeNeeds(p.module, prelude);
}

describe('preludeNeeds', () => {
  it("follows the program's imports and the prelude's top-level ones, not those inside its functions", () => {
    expect(needs('import multiprocessing\n')).toEqual(expect.arrayContaining(['multiprocessing', 'multiprocessing.process', 'threading']));
    expect(needs('import multiprocessing\n')).not.toContain('multiprocessing.managers');
    expect(needs('import multiprocessing\n')).not.toContain('multiprocessing.sharedctypes');
  });

  it('`from package import name` brings the submodule of that name', () => {
    expect(needs('from asyncio import base_events\n')).toContain('asyncio.base_events');
    expect(needs('from threading import *\n')).toContain('threading');
    // asyncio's own `from asyncio import base_events`, and what that imports as CPython's does.
    expect(needs('import asyncio\n')).toEqual(expect.arrayContaining(['asyncio.base_events', 'concurrent.futures', 'queue']));
  });

  it("a program's own import inside a function counts", () => {
    expect(needs('def f():\n    from multiprocessing import Manager\n')).toContain('multiprocessing');
    expect(needs('def f():\n    import multiprocessing.managers\n')).toContain('multiprocessing.managers');
  });

  // A module a thread meets in a heap change that it did not compile before the run is compiled
  // then, from its text, in the middle of the run: asyncio's base_events and concurrent.futures
  // once cost every asyncio.to_thread thread ~60 ms that way.
  it('covers every prelude module that importing the engine modules loads in a real run', async () => {
    const imports = Object.keys(supportedModules).filter((name) => name in prelude);
    const source = `import sys\n${imports.map((name) => `import ${name}\n`).join('')}print(sorted(sys.modules))\n`;
    const engine = createEngine({ host: 'cli' });
    try {
      const result = await runSession(engine, { program: programFromText(source, 'imports.py'), strategies: ['sequential'], timeScale: 1 });
      const loaded = (JSON.parse(printed(result.records[0]).trim().replaceAll("'", '"')) as string[]).filter((name) => name in prelude);
      expect(loaded).toEqual(expect.arrayContaining(imports));
      expect(loaded.filter((name) => !needs(source).includes(name))).toEqual([]);
    } finally {
      await engine.close();
    }
  }, 30_000);
});

describe('parseForRun', () => {
  it('parses the program and every prelude module it may import, once for the run', () => {
    const source = 'import threading\n\nthreading.Thread(target=print).start()\n';
    const parsed = parseForRun(source, 'p.py', prelude);
    // Compiled before the run: the program and what its imports load.
    expect(parsed.before.sort()).toEqual(['p.py', ...needs(source).map(preludeFile)].sort());
    expect(parsed.modules['p.py'].lines).toEqual(source.split('\n'));
    // The same prelude module is parsed once while the engine runs.
    expect(parseForRun('import threading\n', 'q.py', prelude).modules[preludeFile('threading')]).toBe(
      parsed.modules[preludeFile('threading')],
    );
  });

  it('also parses what an import inside a function may load later, without compiling it before the run', () => {
    const parsed = parseForRun('import multiprocessing\n', 'p.py', prelude);
    expect(Object.keys(parsed.modules)).toContain(preludeFile('multiprocessing.managers'));
    expect(parsed.before).not.toContain(preludeFile('multiprocessing.managers'));
    for (const file of parsed.before) expect(parsed.modules[file]).toBeDefined();
  });

  it('takes the program as the engine parsed it, without parsing it again', () => {
    const engine = parseModule('import threading\n');
    if (!engine.ok) throw new Error(engine.error.message);
    expect(parseForRun('import threading\n', 'p.py', prelude, engine.module).modules['p.py']).toBe(engine.module);
  });

  it('leaves out a program that does not parse: the thread that compiles it reports the SyntaxError', () => {
    expect(parseForRun('def f(:\n', 'bad.py', prelude)).toEqual({ modules: {}, before: [] });
  });
});
