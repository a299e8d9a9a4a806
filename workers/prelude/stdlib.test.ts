// The standard-library modules of the prelude provide exactly the names common/python/subset.ts
// lists for them: the checker lets a program use no name a module lacks, and refuses none it has.
import { describe, expect, it } from 'vitest';
import { supportedModules } from '../../common/python/subset';
import { PyModule } from '../interpreter/objects';
import { runStandalone } from '../interpreter/standalone';
import { stdlib } from '.';

describe('prelude standard-library modules match the checker table', () => {
  // The private modules (_collections_dicts …) are parts of a public one, which the checker names.
  it.each(Object.keys(stdlib).filter((name) => !name.startsWith('_')))('%s', (name) => {
    const run = runStandalone(`import ${name}\n`, { prelude: stdlib });
    expect(run.stderr).toBe('');
    const m = run.interp.modules.map.get(name)?.v;
    expect(m).toBeInstanceOf(PyModule);
    const listed = supportedModules[name] ?? [];
    // Private names are parts of the module, unless the table lists one (threading.__excepthook__).
    const provided = [...(m as PyModule).dict.map]
      .filter(([k, e]) => typeof k === 'string' && (!k.startsWith('_') || listed.includes(k)) && !(e.v instanceof PyModule))
      .map(([k]) => k as string);
    expect(provided.sort()).toEqual([...listed].sort());
  });
});
