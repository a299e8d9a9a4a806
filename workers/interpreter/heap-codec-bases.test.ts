// The copy a forked process starts from (and a channel's item) keeps what classes inherit, in
// whatever order the encoding met them.
import { describe, expect, it } from 'vitest';
import { restore, snapshot, type HeapResolver } from './heap-codec';
import { PyDict, PyInstance, PyType, types } from './objects';

const resolver: HeapResolver = {
  builtins: new PyDict(),
  importModule: () => {
    throw new Error('no modules here');
  },
  code: () => {
    throw new Error('no code here');
  },
  native: () => {
    throw new Error('no native objects here');
  },
};

function cls(name: string, base: PyType): PyType {
  const t = new PyType(name, [base], '__main__');
  t.mro = [t, ...base.mro];
  return t;
}

describe('snapshot and restore', () => {
  it('an instance met before its class\'s bases still inherits from all of them', () => {
    const a = cls('A', types.object);
    const b = cls('B', a);
    const c = cls('C', b);
    const [copy] = restore(snapshot([new PyInstance(c)]), resolver);
    expect((copy as PyInstance).type.mro.map((t) => t.name)).toEqual(['C', 'B', 'A', 'object']);
  });
});
