// The shared heap keeps the objects only their thread can use (generators, coroutines,
// iterators) in that thread: reaching one from sys.modules shares everything else, and every
// other replica holds a stand-in that raises, naming the object and its owner, only when used.
import { describe, expect, it } from 'vitest';
import { PyExc } from './errors';
import { restore, snapshot, type HeapResolver } from './heap-codec';
import { ForeignObject } from './heap-foreign';
import { SharedHeap } from './heap';
import { Interpreter, type InterpreterHost } from './interpreter';
import { PyDict, PyList, PyModule, type PyValue } from './objects';
import { pyStr } from './text';

const FILE = 'program.py';
/** Each probe is a file of its own (a thread compiles a file once). */
let probes = 0;

const program = `
def numbers():
    yield 1
    yield 2

async def job():
    return 3

gen = numbers()
coro = job()
it = iter([10, 20])
tasks = {"job": coro}
send = gen.send
`;

/** One thread's interpreter and replica: it has compiled the program, as a warm thread has. */
function replica(threadName: string, tid: number) {
  const out = { stdout: '', stderr: '' };
  const host: InterpreterHost = {
    write: (text, stream) => (out[stream] += text),
    breaker: (i) => (i.checkAt = i.cost + 1e9),
    modules: {},
    prelude: {},
    timeScale: 1,
  };
  const interp = new Interpreter(host, undefined, FILE);
  interp.checkAt = 1e9;
  const compiled = interp.compile(program, FILE, '__main__');
  const resolver: HeapResolver = {
    threadName,
    builtins: interp.builtins,
    importModule: (name) => interp.importModule(name),
    code: (file, id) => interp.compiled.get(file)!.codes.get(id)!,
    native: () => {
      throw new Error('no native objects here');
    },
  };
  const heap = new SharedHeap(resolver, tid, interp.modules);
  const main = () => interp.modules.map.get('__main__')!.v as PyModule;
  /** Runs Python in this replica's __main__; the error it ends with, if any. */
  const run = (source: string, file = `<probe ${++probes}>`) => {
    const failure = interp.guard(() => interp.execModule(main(), source, file));
    return failure && `${failure.type}: ${failure.message}`;
  };
  const global = (name: string) => main().dict.map.get(name)?.v;
  return { interp, compiled, heap, resolver, out, run, global };
}

/** MainThread ran the program; then a second thread started: MainThread shares sys.modules with it. */
function twoThreads() {
  const a = replica('MainThread', 1);
  a.interp.guard(() => a.interp.runModuleCode(a.interp.mainModule(), a.compiled, FILE));
  const b = replica('Thread-1', 2);
  a.heap.shareAll(a.interp.modules);
  b.heap.apply(a.heap.takePending()!);
  return { a, b };
}

describe('SharedHeap: objects only their thread can use', () => {
  it('shares sys.modules though it reaches a generator, a coroutine and an iterator', () => {
    const { b } = twoThreads();
    for (const name of ['gen', 'coro', 'it']) expect(b.global(name)).toBeInstanceOf(ForeignObject);
    expect(b.global('tasks')).not.toBeInstanceOf(ForeignObject);
  });

  it('leaves the owner its real objects, usable as before', () => {
    const { a } = twoThreads();
    const probe = [
      'print(list(gen), next(it))',
      'try:',
      '    coro.send(None)',
      'except StopIteration as e:',
      '    print(e.value)',
    ];
    expect(a.run(probe.join('\n'))).toBeNull();
    expect(a.out.stdout).toBe('[1, 2] 10\n3\n');
  });

  it('a stand-in has the real type, repr and identity everywhere else', () => {
    const { b } = twoThreads();
    const probe = [
      'print(type(gen).__name__, isinstance(gen, type(numbers())), type(coro).__name__)',
      'print(repr(gen).startswith("<generator object numbers at "), repr(coro).startswith("<coroutine object job at "))',
      'print(tasks["job"] is coro, gen == gen, len({gen: 1}))',
    ].join('\n');
    expect(b.run(probe)).toBeNull();
    expect(b.out.stdout).toBe('generator True coroutine\nTrue True\nTrue True 1\n');
  });

  it.each([
    ['for x in gen: pass', "generator 'numbers'"],
    ['next(gen)', "generator 'numbers'"],
    ['gen.send(None)', "generator 'numbers'"],
    ['send(None)', "generator 'numbers'"],
    ['list(it)', "'list_iterator' object"],
    ['coro.send(None)', "coroutine 'job'"],
    ['coro.close()', "coroutine 'job'"],
  ])('using one elsewhere (%s) raises, naming it and its owner', (source, what) => {
    const { b } = twoThreads();
    expect(b.run(source)).toBe(
      `RuntimeError: cannot use ${what} in thread Thread-1: it belongs to thread MainThread ` +
        '(in GIL Lab a generator, coroutine or iterator can only be used by the thread that created it)',
    );
  });

  it("keeps CPython's own errors where the real object would raise them too", () => {
    const { b } = twoThreads();
    expect(b.run('next(coro)')).toBe("TypeError: 'coroutine' object is not an iterator");
    expect(b.run('for x in coro: pass')).toBe("TypeError: 'coroutine' object is not iterable");
  });

  it('a stand-in sent back to the owner is the real object again', () => {
    const { a, b } = twoThreads();
    const sent = b.heap.share(new PyList([b.global('gen') as PyValue]));
    a.heap.apply(b.heap.takePending()!);
    const back = a.heap.decode(sent) as PyList;
    expect(back.items[0]).toBe(a.global('gen'));
  });

  it('a thread starting later gets the stand-in from the log (in order, from its beginning)', () => {
    const a = replica('MainThread', 1);
    a.interp.guard(() => a.interp.runModuleCode(a.interp.mainModule(), a.compiled, FILE));
    a.heap.shareAll(a.interp.modules);
    const log = a.heap.takePending()!;
    const c = replica('Thread-2', 3);
    c.heap.apply(log);
    expect(c.run('next(gen)')).toMatch(
      /^RuntimeError: cannot use generator 'numbers' in thread Thread-2: it belongs to thread MainThread/,
    );
  });
});

describe('copies (a forked process, a subinterpreter)', () => {
  it('copy the modules with stand-ins that name the parent', () => {
    const { a } = twoThreads();
    const s = snapshot([a.interp.modules], 'the parent process');
    const child = replica('MainThread', 9);
    const [modules] = restore(s, child.resolver);
    const main = (modules as PyDict).map.get('__main__')!.v as PyModule;
    expect(main.dict.map.get('gen')!.v).toBeInstanceOf(ForeignObject);
    const failure = child.interp.guard(() => child.interp.execModule(main, 'next(gen)', '<probe child>'));
    expect(failure?.message).toBe(
      "cannot use generator 'numbers': it belongs to the parent process " +
        '(in GIL Lab a generator, coroutine or iterator can only be used by the thread that created it)',
    );
  });

  it('refuse them where Python pickles (a queue item), as CPython cannot pickle them', () => {
    const a = replica('MainThread', 1);
    a.interp.guard(() => a.interp.runModuleCode(a.interp.mainModule(), a.compiled, FILE));
    const message = (v: PyValue) => {
      try {
        snapshot([v]);
        return null;
      } catch (e) {
        return e instanceof PyExc ? pyStr(e.value) : String(e);
      }
    };
    expect(message(a.global('gen') as PyValue)).toBe("cannot copy 'generator' object into another process");
    expect(message(a.global('it') as PyValue)).toBe("cannot copy 'list_iterator' object into another process");
  });
});
