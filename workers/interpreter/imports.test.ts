// `import package.module` imports the package first, as CPython does: a package whose own code
// imports names from the module (multiprocessing from .sharedctypes) finds it whole.
import { describe, expect, it } from 'vitest';
import { runStandalone } from './standalone';

describe('importing a module of a package', () => {
  const prelude = {
    pkg: 'from pkg.part import VALUE\nDOUBLE = VALUE * 2\n',
    'pkg.part': 'VALUE = 21\n',
  };

  it('runs the package first, whose imports bring the module in', () => {
    const run = runStandalone('import pkg.part\nprint(pkg.part.VALUE, pkg.DOUBLE)\n', { prelude });
    expect(run.failure?.text ?? '').toBe('');
    expect(run.stdout).toBe('21 42\n');
  });

  it('names the missing module of a package that exists', () => {
    const run = runStandalone('import pkg.nothing\n', { prelude });
    expect(run.failure?.message).toBe("No module named 'pkg.nothing'");
  });
});
