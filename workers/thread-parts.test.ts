// What a warm thread compiles before the run: the prelude modules the program imports (at any
// depth of its own code) and what those import at their top level; a prelude module's import
// inside a function waits until it runs, and is compiled then wherever a heap change needs it.
import { describe, expect, it } from 'vitest';
import { prelude } from './prelude';
import { preludeNeeds } from './thread-parts';

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
