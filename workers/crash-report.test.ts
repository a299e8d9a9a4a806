import { describe, expect, it } from 'vitest';
import { crashError } from './crash-report';
import { pyError } from './interpreter/errors';

describe('what a crashed worker thread reports', () => {
  it('a Python exception reads as CPython prints it, its traceback included', () => {
    expect(crashError(pyError('SyntaxError', "expected ':' (p.py, line 1)")).message).toBe("SyntaxError: expected ':' (p.py, line 1)");
    const raised = pyError('KeyError', 'missing');
    raised.traceback = [{ file: 'p.py', line: 2, name: '<module>' }];
    expect(crashError(raised).message).toBe("Traceback (most recent call last):\n  File \"p.py\", line 2, in <module>\nKeyError: 'missing'");
  });

  it("the thread's interpreter formats it once there is one", () => {
    expect(crashError(pyError('ValueError', 'no'), () => 'as the interpreter says').message).toBe('as the interpreter says');
  });

  it('any other error keeps its message', () => {
    const error = new Error('heap: attr on unknown object 7');
    expect(crashError(error)).toBe(error);
    expect(crashError('a string').message).toBe('a string');
  });
});
