// A program the parser refuses is named as CPython 3.11 names it: the line and the words of its
// SyntaxError or IndentationError. Where python3 exists, the table is checked against it too.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkProgram } from './check';

const cases: [source: string, expected: string][] = [
  ['x = (\n', "line 1: SyntaxError: '(' was never closed"],
  ['print("a"\ny = 2\n', "line 1: SyntaxError: '(' was never closed"],
  ['x = [1, 2\ny = 3\n', "line 1: SyntaxError: '[' was never closed"],
  ['x = {1: 2\n', "line 1: SyntaxError: '{' was never closed"],
  ['x = 1)\n', "line 1: SyntaxError: unmatched ')'"],
  ['x = (1, 2]\n', "line 1: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"],
  ['s = "(" + x\ny = )\n', "line 2: SyntaxError: unmatched ')'"],
  ['if x\n    pass\n', "line 1: SyntaxError: expected ':'"],
  ['x = 1 +\n', 'line 1: SyntaxError: invalid syntax'],
  ["s = 'abc\n", 'line 1: SyntaxError: unterminated string literal (detected at line 1)'],
  ['for i in range(3):\nprint(i)\n', "line 2: IndentationError: expected an indented block after 'for' statement on line 1"],
  ['  x = 1\n', 'line 1: IndentationError: unexpected indent'],
  ['def f():\n    return 1\n  y = 2\n', 'line 3: IndentationError: unindent does not match any outer indentation level'],
  ['def g():\n    return [await f() for _ in y]\n', 'line 2: SyntaxError: asynchronous comprehension outside of an asynchronous function'],
  ['x = {k: await f() for k in y}\n', 'line 1: SyntaxError: asynchronous comprehension outside of an asynchronous function'],
  ['def g():\n    return [x for x in await y]\n', "line 2: SyntaxError: 'await' outside async function"],
  ['try:\n    pass\nexcept*:\n    pass\n', 'line 3: SyntaxError: expected one or more exception types'],
  ['def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n', "line 5: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block"],
  ['for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n', "line 5: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block"],
];

const ours = (source: string) => {
  const checked = checkProgram(source);
  return checked.ok ? 'ok' : `line ${checked.problems[0].line}: ${checked.problems[0].message}`;
};

const cpython = (() => {
  try {
    execFileSync('python3', ['-c', 'pass']);
  } catch {
    return null;
  }
  return (source: string) =>
    execFileSync('python3', ['-c', 'import sys\ntry:\n compile(sys.stdin.read(), "p.py", "exec")\nexcept SyntaxError as e:\n print(f"line {e.lineno}: {type(e).__name__}: {e.msg}")'], {
      input: source,
      encoding: 'utf8',
    }).trim();
})();

describe('syntax errors in CPython’s words', () => {
  it.each(cases)('%j is refused as CPython refuses it', (source, expected) => {
    expect(ours(source)).toBe(expected);
  });

  it.skipIf(!cpython)('the table says what this machine’s python3 says', () => {
    for (const [source, expected] of cases) expect(cpython!(source)).toBe(expected);
  });

  it('finds nothing to add for a program that parses, brackets inside strings and comments, or a loop’s break in an except* block', () => {
    expect(ours('s = "(["  # )\nprint(s)\n')).toBe('ok');
    expect(ours('try:\n    pass\nexcept* ValueError:\n    for x in y:\n        break\n')).toBe('ok');
  });
});
