// A class or function crossing to another process by copy is the receiver's own when the receiver
// has it under the same module and name, as pickle sends classes and functions by reference:
// isinstance() holds for a Pool's results, Counter + Counter works on them, and a Pool's task runs
// on the worker's own globals.
import { describe, expect, it } from 'vitest';
import { call } from './attributes';
import { restore, snapshot } from './heap-codec';
import { PyFunction, PyInstance, PyList, PyModule, PyType } from './objects';
import { runStandalone, standaloneResolver } from './standalone';

const program = `
class Box:
    def __init__(self, v):
        self.v = v
def make():
    class Local:
        pass
    return Local()
box = Box(3)
local = make()
def shout(s):
    return s.upper()
square = lambda x: x * x
method = Box.__init__
`;

const resolver = (run: ReturnType<typeof runStandalone>, withModules: boolean) => standaloneResolver(run.interp, withModules);

describe('classes copied between processes', () => {
  const run = runStandalone(program);
  const main = run.interp.modules.map.get('__main__')!.v as PyModule;
  const get = (name: string) => main.dict.map.get(name)!.v;

  it("are the receiver's own class when its sys.modules has one of that module and name", () => {
    const [box] = restore(snapshot([get('box')]), resolver(run, true));
    expect((box as PyInstance).type).toBe(get('Box'));
    expect((box as PyInstance).dict.map.get('v')?.v).toBe(3);
  });

  it('are copies when the receiver has no such class (a class made in a function, or no modules given)', () => {
    const [local] = restore(snapshot([get('local')]), resolver(run, true));
    expect((local as PyInstance).type).not.toBe((get('local') as PyInstance).type);
    const [box] = restore(snapshot([get('box')]), resolver(run, false));
    expect((box as PyInstance).type).not.toBe(get('Box'));
    expect(((box as PyInstance).type as PyType).name).toBe('Box');
  });
});

describe('functions copied between processes', () => {
  const run = runStandalone(program);
  const main = run.interp.modules.map.get('__main__')!.v as PyModule;
  const get = (name: string) => main.dict.map.get(name)!.v;

  it("are the receiver's own function (and globals) when its sys.modules has that code under that name", () => {
    const [shout, method, module] = restore(snapshot([get('shout'), get('method'), main]), resolver(run, true));
    expect(shout).toBe(get('shout'));
    expect(method).toBe(get('method'));
    expect(module).toBe(main);
  });

  it('are copies when the receiver has no such function (a lambda, or no modules given)', () => {
    const [square] = restore(snapshot([get('square')]), resolver(run, true));
    expect(square).not.toBe(get('square'));
    expect((square as PyFunction).globals).not.toBe(main.dict);
    const [shout] = restore(snapshot([get('shout')]), resolver(run, false));
    expect(shout).not.toBe(get('shout'));
  });
});

// A dict's NEW op comes before those of its keys: a copy files its keys once they are filled, so
// tuple keys stay apart and a key whose class defines __hash__ is found by an equal one there.
describe('dicts and sets keyed by objects, copied between processes', () => {
  const keyed = `
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
fs = frozenset([K(3)])
d = {(1, 2): 'a', (3, 4): 'b', K(1): 'c', K(2): 'd', (K(5), 'x'): 'e', fs: 'f'}
s = {K(1), K(2), (1, 2), fs}
def probe(d, s):
    return [d[(1, 2)], d[(3, 4)], d[K(1)], d[K(2)], d[(K(5), 'x')], d[frozenset([K(3)])], len(d),
            K(1) in s, K(9) in s, (1, 2) in s, frozenset([K(3)]) in s, len(s)]
`;
  const run = runStandalone(keyed);
  const main = run.interp.modules.map.get('__main__')!.v as PyModule;
  const get = (name: string) => main.dict.map.get(name)!.v;
  const expected = ['a', 'b', 'c', 'd', 'e', 'f', 6, true, false, true, true, 4];

  it.each([true, false])('keep their keys apart (receiver has the class: %s)', (withModules) => {
    // fs first: the frozenset's NEW op comes before the dict's and the set's that hold it.
    const [, d, s, probe] = restore(snapshot([get('fs'), get('d'), get('s'), get('probe')]), resolver(run, withModules));
    expect((call(probe, [d, s], null) as PyList).items).toEqual(expected);
  });
});
