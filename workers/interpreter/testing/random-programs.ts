// Random small programs from a grammar of the subset, for the property test: expressions over a
// few variables of known types, statements (assignments, prints, if, for, while, def, class,
// try), and now and then something the checker must refuse. Programs often raise; that is
// fine, a Python exception is part of what is compared with CPython.
import fc from 'fast-check';

const { constantFrom, oneof, integer, tuple, array, letrec } = fc;

const ints = oneof(integer({ min: -20, max: 20 }), constantFrom('0', '7', '-3', '255', '10 ** 20', '2 ** 64', '-(2 ** 70)').map(String)).map(String);
const floats = constantFrom('0.1', '2.5', '-0.5', '1e16', '1.5e-7', '3.14159', '-0.0', '100.0', '0.125', '2.675', '1 / 3');
const strings = constantFrom("'ab'", '"x y"', '"it\'s"', "''", "'Hello, World'", '"a,b,,c"', "'  pad  '", "'é'", "'12'");
const intNames = constantFrom('a', 'b', 'n');
const names = constantFrom('a', 'b', 'n', 'x', 's', 'lst', 'd', 't');

/** Builtin calls and methods, with holes filled by expressions. */
const templates: [string, number][] = [
  ['len(%0)', 1],
  ['abs(%0)', 1],
  ['str(%0)', 1],
  ['repr(%0)', 1],
  ['int(%0)', 1],
  ['float(%0)', 1],
  ['bool(%0)', 1],
  ['round(%0, %1)', 2],
  ['round(%0)', 1],
  ['min(%0, %1)', 2],
  ['max(%0, %1)', 2],
  ['sorted(%0)', 1],
  ['sorted(%0, reverse=True)', 1],
  ['sum(%0)', 1],
  ['list(%0)', 1],
  ['tuple(%0)', 1],
  ['divmod(%0, %1)', 2],
  ['pow(%0, %1)', 2],
  ['isinstance(%0, int)', 1],
  ['(%0).upper()', 1],
  ['(%0).split()', 1],
  ['(%0).split(",")', 1],
  ['(%0).strip()', 1],
  ['(%0).replace("a", "-")', 1],
  ['(%0).find("b")', 1],
  ['(%0).startswith("a")', 1],
  ['",".join(%0)', 1],
  ['(%0).count(1)', 1],
  ['(%0).index(%1)', 2],
  ['(%0).get("k", %1)', 2],
  ['%0[%1]', 2],
  ['%0[%1:%2]', 3],
  ['%0[::-1]', 1],
  ['%0 in %1', 2],
  ['(lambda v: v * 2)(%0)', 1],
  ['[v * 2 for v in range(%0) if v % 2]', 1],
  ['{v: v * v for v in range(%0)}', 1],
  ['{v % 5 for v in range(%0)}', 1],
  ['list(zip(%0, %1))', 2],
  ['list(enumerate(%0))', 1],
  ['list(reversed(%0))', 1],
  ['any(%0)', 1],
  ['all(%0)', 1],
  ['%0 if %1 else %2', 3],
  ['hex(%0)', 1],
  ['int(str(abs(%0)), 16)', 1],
  ['f"""{%0:>8}|{%1!r}"""', 2],
  ['f"""{%0:.2f}"""', 1],
  ['f"""{%0:,}"""', 1],
  ['f"""{%0:+.3e}"""', 1],
  ['f"""{%0:x}"""', 1],
  ['"%s and %r" % (%0, %1)', 2],
  ['"%5.1f|%-4d|" % (%0, %1)', 2],
  ['"{} {!r:>6}".format(%0, %1)', 2],
];

const binops = constantFrom('+', '-', '*', '/', '//', '%', '**', '==', '!=', '<', '<=', '>', 'and', 'or', '&', '|', '^', '<<');

function fill(template: string, args: string[]): string {
  return template.replace(/%(\d)/g, (_m, i: string) => args[Number(i)] ?? '0');
}

export const expression: fc.Arbitrary<string> = letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ints,
    floats,
    strings,
    names,
    constantFrom('True', 'False', 'None', '[1, 2, 3]', '(1, "a")', '{"k": 2}', '[]', '[3, 1, 2]', '{3, 1, 2}'),
    tuple(tie('expr'), binops, tie('expr')).map(([l, op, r]) => (op === '**' ? `(${l}) ** ${r.length > 3 ? 2 : r}` : `(${l} ${op} ${r})`)),
    tie('expr').map((e) => `-(${e})`),
    tie('expr').map((e) => `(not ${e})`),
    tuple(constantFrom(...templates), array(tie('expr'), { minLength: 3, maxLength: 3 })).map(([[t], args]) => fill(t, args)),
    array(tie('expr'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
  ),
})).expr;

type Block = string[];

const indent = (lines: Block): Block => lines.map((l) => `    ${l}`);

const simpleStatement: fc.Arbitrary<Block> = oneof(
  tuple(names, expression).map(([n, e]) => [`${n} = ${e}`]),
  tuple(intNames, constantFrom('+=', '-=', '*=', '//=', '%='), ints).map(([n, op, v]) => [`${n} ${op} ${v}`]),
  array(expression, { minLength: 1, maxLength: 3 }).map((xs) => [`print(${xs.join(', ')})`]),
  tuple(expression, expression).map(([a, b]) => [`print(${a}, ${b}, sep=" | ", end="!\\n")`]),
  expression.map((e) => [`lst.append(${e})`]),
  tuple(strings, expression).map(([k, v]) => [`d[${k}] = ${v}`]),
  constantFrom(['pass'], ['lst.sort()'], ['print(lst, d, t)'], ['t = tuple(lst)'], ['lst = lst[-5:]']).map((b) => [...b]),
);

/** Something the checker refuses, each on its own line. */
const refused: fc.Arbitrary<Block> = constantFrom(
  ['import numpy'],
  ['open("data.txt")'],
  ['x = 1 +'],
  ['match a:', '    case 1:', '        pass'],
  ['import threading', 'threading.nope()'],
  ['from math import nope'],
  ['s = "\\N{BULLET}"'],
  ['class Mine(dict):', '    pass'],
  ['"".translate({})'],
  ['def f():', '    nonlocal q'],
  ['return 1'],
  ['z = 0777'],
  ['eval("1")'],
);

export const statements: fc.Arbitrary<Block> = letrec<{ block: Block; stmt: Block }>((tie) => ({
  stmt: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simpleStatement,
    simpleStatement,
    tuple(expression, tie('block'), tie('block')).map(([c, body, orelse]) => [`if ${c}:`, ...indent(body), 'else:', ...indent(orelse)]),
    tuple(constantFrom('range(3)', 'lst', 's', 'd', 'range(5, 0, -2)', 'd.items()', 'enumerate(lst)'), tie('block')).map(([it, body]) => [
      `for v in ${it}:`,
      ...indent(body),
    ]),
    tuple(integer({ min: 0, max: 4 }), integer({ min: 0, max: 999 }), tie('block')).map(([k, id, body]) => [
      `w${id} = 0`,
      `while w${id} < ${k}:`,
      ...indent([...body, `w${id} += 1`]),
    ]),
    tuple(tie('block'), expression).map(([body, e]) => ['def f(p, q=2):', ...indent([...body, `return ${e}`]), 'print(f(a, b), f(x))']),
    tie('block').map((body) => ['try:', ...indent(body), 'except Exception as e:', '    print(type(e).__name__, e)']),
    tuple(tie('block'), tie('block')).map(([body, final]) => ['try:', ...indent(body), 'finally:', ...indent(final)]),
    expression.map((e) => [
      'class C:',
      '    def __init__(self, v):',
      '        self.v = v',
      '    def __repr__(self):',
      '        return f"C({self.v!r})"',
      `    def m(self):`,
      `        return ${e}`,
      'c = C(a)',
      'print(c, [c], c.v)',
      'print(c.m())',
    ]),
    expression.map((e) => ['def g(k):', '    for j in range(k):', `        yield j, ${e}`, 'print(list(g(3)))']),
  ),
  block: array(tie('stmt'), { minLength: 1, maxLength: 3 }).map((blocks) => blocks.flat()),
})).block;

const prelude = ['a = 3', 'b = -2', 'n = 10', 'x = 1.5', 's = "ab,c"', 'lst = [1, 2, 3]', 'd = {"k": 1}', 't = (1, 2)'];

/** A whole program: the prelude, a few statements, and (rarely) something to refuse. */
export const program: fc.Arbitrary<string> = tuple(
  array(statements, { minLength: 1, maxLength: 4 }),
  oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: tuple(integer({ min: 0, max: 5 }), refused), weight: 1 }),
).map(([blocks, bad]) => {
  const lines = [...prelude, ...blocks.flat()];
  if (bad) lines.splice(Math.min(bad[0], lines.length), 0, ...bad[1]);
  return `${lines.join('\n')}\n`;
});
