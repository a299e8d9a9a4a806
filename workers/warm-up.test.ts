// The warm-up every warm thread made before a run executes before it: warm-up.py must run
// to its end in the interpreter, as it does in CPython, or the paths after the failing line stay
// cold and every thread's start pays for them again.
import { describe, expect, it } from 'vitest';
import { Interpreter, type InterpreterHost } from './interpreter/interpreter';
import { charge } from './interpreter/native';
import type { PyDict, PyModule, PyValue } from './interpreter/objects';
import { runStandalone } from './interpreter/standalone';
import { warmUp } from './warm-up';
import warmUpSource from './warm-up.py?raw';

describe('warm-up.py', () => {
  it('runs to its end, printing nothing, as in CPython', () => {
    const { run } = warmUp();
    expect(run.failure).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('');
  });

  it('copies its modules as a fork does: every name of its main module arrives', () => {
    const { run, copy } = warmUp();
    const names = (modules: PyValue) => {
      const main = (modules as PyDict).map.get('__main__')!.v as PyModule;
      return [...main.dict.map.keys()].sort();
    };
    expect(names(copy)).toEqual(names(run.interp.modules));
    expect(names(copy)).toEqual(expect.arrayContaining(['Event', 'Lock', 'Worker', 'target']));
  });

  it("leaves the thread's own interpreter the one its builtins charge", () => {
    const host: InterpreterHost = { write: () => {}, breaker: () => {}, modules: {}, prelude: {}, timeScale: 1 };
    const threads = new Interpreter(host);
    const warm = runStandalone(warmUpSource, { file: '<gil-lab:warm-up>' });
    const warmCost = warm.interp.cost;
    const before = threads.cost;
    charge();
    expect(threads.cost).toBeGreaterThan(before);
    expect(warm.interp.cost).toBe(warmCost);
  });
});
