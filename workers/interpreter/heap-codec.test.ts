// A class or function crossing to another process by copy is the receiver's own when the receiver
// has it under the same module and name, as pickle sends classes and functions by reference:
// isinstance() holds for a Pool's results, Counter + Counter works on them, and a Pool's task runs
// on the worker's own globals.
import { describe, expect, it } from 'vitest';
import { restore, snapshot } from './heap-codec';
import { PyFunction, PyInstance, PyModule, PyType } from './objects';
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
