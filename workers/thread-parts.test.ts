// What a warm thread compiles before the run: the prelude modules the program imports (at any
// depth of its own code) and what those import at their top level; a prelude module's import
// inside a function waits until it runs, and is compiled then wherever a heap change needs it. The
// supervisor parses them once for the run (parseForRun); each thread compiles the parsed modules.
import { describe, expect, it } from 'vitest';
import { parseModule } from '../common/python/ast';
import { prelude } from './prelude';
import { parseForRun, preludeFile, preludeNeeds } from './thread-parts';

describe('preludeNeeds', () => {
  it("follows the program's imports and the prelude's top-level ones, not those inside its functions", () => {
    const needs = preludeNeeds('import multiprocessing\n', prelude);
    expect(needs).toEqual(expect.arrayContaining(['multiprocessing', 'multiprocessing.process', 'threading']));
    expect(needs).not.toContain('multiprocessing.managers');
    expect(needs).not.toContain('multiprocessing.sharedctypes');
  });

  it("a program's own import inside a function counts", () => {
    expect(preludeNeeds('def f():\n    from multiprocessing import Manager\n', prelude)).toContain('multiprocessing');
    expect(preludeNeeds('def f():\n    import multiprocessing.managers\n', prelude)).toContain(
      'multiprocessing.managers',
    );
  });
});

describe('parseForRun', () => {
  it('parses the program and every prelude module a warm thread compiles, once for the run', () => {
    const source = 'import threading\n\nthreading.Thread(target=print).start()\n';
    const parsed = parseForRun(source, 'p.py', prelude);
    expect(Object.keys(parsed).sort()).toEqual(['p.py', ...preludeNeeds(source, prelude).map(preludeFile)].sort());
    expect(parsed['p.py'].lines).toEqual(source.split('\n'));
    // The same prelude module is parsed once while the engine runs.
    expect(parseForRun('import threading\n', 'q.py', prelude)[preludeFile('threading')]).toBe(
      parsed[preludeFile('threading')],
    );
  });

  it('takes the program as the engine parsed it, without parsing it again', () => {
    const engine = parseModule('import threading\n');
    if (!engine.ok) throw new Error(engine.error.message);
    expect(parseForRun('import threading\n', 'p.py', prelude, engine.module)['p.py']).toBe(engine.module);
  });

  it('leaves out a program that does not parse: the thread that compiles it reports the SyntaxError', () => {
    expect(parseForRun('def f(:\n', 'bad.py', prelude)['bad.py']).toBeUndefined();
  });
});
