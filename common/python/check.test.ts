// The checker takes multiprocessing's shared state (Value, Array, Pipe, Manager), asyncio.TaskGroup and
// exception groups, and refuses ctypes with a way out, on the line that imports it.
import { describe, expect, it } from 'vitest';
import { checkProgram } from './check';

describe('multiprocessing shared state', () => {
  it('accepts Value, Array, Pipe and Manager', () => {
    const source = [
      'import multiprocessing',
      'from multiprocessing import Value, Array, Pipe, Manager, RawValue',
      'from multiprocessing.sharedctypes import synchronized',
      "v = multiprocessing.Value('i', 0)",
      "a = Array('d', 4)",
      'r, w = Pipe()',
      'with Manager() as m:',
      '    d = m.dict()',
    ].join('\n');
    const result = checkProgram(source);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('refuses ctypes on its line, naming the typecodes to use instead', () => {
    const result = checkProgram("from multiprocessing import Value\nimport ctypes\nv = Value(ctypes.c_int, 0)\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([2]);
    expect(result.problems[0].message).toMatch(/^ctypes is not available here — give multiprocessing.Value and Array a typecode/);
  });
});

describe('enum and class keywords', () => {
  const problems = (source: string) => {
    const result = checkProgram(source);
    return result.ok ? [] : result.problems.map((p) => `${p.line}: ${p.message}`);
  };

  it('accepts enum, its names, metaclass= and other class keywords', () => {
    const source = [
      'import enum',
      'from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, EnumMeta, EnumType',
      'class Color(enum.Enum):',
      '    RED = enum.auto()',
      'class Meta(type):',
      '    pass',
      'class A(metaclass=Meta, flavor="x"):',
      '    pass',
      'class Size(str, Enum):',
      '    S = "s"',
      'class Level(int, Enum):',
      '    LOW = 1',
    ].join('\n');
    expect(problems(source)).toEqual([]);
  });

  it('refuses what enum does not provide, and class keywords from **mapping', () => {
    expect(problems('from enum import verify\n')).toEqual([
      expect.stringMatching(/^1: enum\.verify is not supported here — enum provides: Enum, /) as string,
    ]);
    expect(problems('import enum\nenum.FlagBoundary\n')).toEqual([
      expect.stringMatching(/^2: enum\.FlagBoundary is not supported here/) as string,
    ]);
    expect(problems('kw = {}\nclass A(**kw):\n    pass\n')).toEqual(['2: class keywords from **mapping are not supported here']);
  });

  it('accepts classes derived from int, str, dict and list, and refuses the other builtin types', () => {
    expect(problems('class L(list):\n    pass\nclass D(dict):\n    pass\n')).toEqual([]);
    expect(problems('class S(set):\n    pass\n')).toEqual(['1: classes derived from set are not supported here']);
    expect(problems('class T(tuple):\n    pass\n')).toEqual(['1: classes derived from tuple are not supported here']);
  });
});

describe('asyncio.TaskGroup and exception groups', () => {
  it('accepts TaskGroup, Runner, ExceptionGroup and except*', () => {
    const source = [
      'import asyncio',
      'async def main():',
      '    try:',
      '        async with asyncio.TaskGroup() as tg:',
      '            tg.create_task(asyncio.sleep(0))',
      '    except* ValueError as eg:',
      '        raise BaseExceptionGroup("again", [*eg.exceptions])',
      '    except* (TypeError, KeyError):',
      '        pass',
      'with asyncio.Runner() as r:',
      '    r.run(main())',
      'raise ExceptionGroup("m", [ValueError()])',
    ].join('\n');
    const result = checkProgram(source);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('contextlib', () => {
  const problems = (source: string) => {
    const result = checkProgram(source);
    return result.ok ? [] : result.problems.map((p) => `${p.line}: ${p.message}`);
  };

  it('takes the synchronous context managers', () => {
    const source = 'from contextlib import contextmanager, suppress, ExitStack\nimport contextlib\nwith contextlib.nullcontext():\n    pass\n';
    expect(problems(source)).toEqual([]);
  });

  it('refuses the asynchronous ones and the redirections, saying why', () => {
    expect(problems('from contextlib import asynccontextmanager\n')).toEqual([
      '1: contextlib.asynccontextmanager: asynchronous generators (yield inside async def) are not supported here',
    ]);
    expect(problems('import contextlib\ncontextlib.redirect_stdout(None)\n')).toEqual([
      '2: contextlib.redirect_stdout: print() here does not write through sys.stdout, so it cannot be redirected',
    ]);
  });
});

describe('bytes', () => {
  const problems = (source: string) => {
    const result = checkProgram(source);
    return result.ok ? [] : result.problems.map((p) => `${p.line}: ${p.message}`);
  };

  it('accepts bytes.fromhex and still refuses float.fromhex', () => {
    expect(problems('b = bytes.fromhex("ff00")\nprint(b.hex())\n')).toEqual([]);
    expect(problems('x = float.fromhex("0x1p3")\n')).toEqual(['1: float.fromhex() is not supported here']);
  });
});

describe('asynchronous generators', () => {
  const problems = (source: string) => {
    const result = checkProgram(source);
    return result.ok ? [] : result.problems.map((p) => [p.line, p.message]);
  };

  it('a yield belongs to the nearest enclosing function: generators, lambdas and classes inside an async def are accepted', () => {
    const source = [
      'import asyncio',
      'async def main():',
      '    def gen():',
      '        yield 1',
      '    class Box:',
      '        def __iter__(self):',
      '            yield from gen()',
      '    g = lambda: (yield)',
      '    print(list(gen()), list(Box()), [x for x in gen()])',
      'asyncio.run(main())',
      'def outer():',
      '    async def inner():',
      '        return 5',
      '    yield 1',
      '',
    ].join('\n');
    expect(problems(source)).toEqual([]);
  });

  it('refuses an async def that yields itself, also where it evaluates for what it holds', () => {
    const own = 'async def agen():\n    if True:\n        yield 1\n';
    expect(problems(own)).toEqual([[1, 'asynchronous generators (yield inside async def) are not supported here']]);
    const first = 'async def agen():\n    return [x for x in (yield)]\n';
    expect(problems(first).map(([line]) => line)).toEqual([1]);
    const inner = 'def f():\n    async def agen():\n        yield 1\n    return agen\n';
    expect(problems(inner)).toEqual([[2, 'asynchronous generators (yield inside async def) are not supported here']]);
  });
});
