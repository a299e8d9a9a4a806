// The programs the cost table is fitted to: small loops, each leaning on a few kinds of
// operation, timed in the machine's python3 and counted by the interpreter. Together they use
// every kind in the table; the lesson's calc() loop weighs most, since its wall time is the one
// a class compares with CPython.
export interface CostBenchmark {
  name: string;
  source: string;
  /** How much the fit cares about this program (1 = ordinary). */
  weight: number;
}

const inFunction = (body: string[]) => ['import math', 'def f():', ...body.map((l) => `    ${l}`), 'f()', ''].join('\n');

export const costBenchmarks: CostBenchmark[] = [
  { name: 'calc', weight: 4, source: inFunction(['for i in range(0, 3000):', '    math.sqrt(i)']) },
  { name: 'calc at module level', weight: 2, source: ['import math', 'for i in range(0, 3000):', '    math.sqrt(i)', ''].join('\n') },
  { name: 'empty loop', weight: 1, source: inFunction(['for i in range(3000):', '    pass']) },
  { name: 'while counter', weight: 1, source: inFunction(['n = 0', 'while n < 3000:', '    n += 1']) },
  { name: 'int arithmetic', weight: 1, source: inFunction(['x = 0', 'for i in range(2000):', '    x = x + i * 3 - (i // 2)']) },
  { name: 'float arithmetic', weight: 1, source: inFunction(['x = 0.5', 'for i in range(2000):', '    x = x * 1.0001 + 0.25 / (i + 1)']) },
  { name: 'compare and branch', weight: 1, source: inFunction(['n = 0', 'for i in range(2000):', '    if i % 3 == 0 and i > 10:', '        n += 1']) },
  { name: 'globals', weight: 1, source: ['import math', 'K = 7', 'def f():', '    t = 0', '    for i in range(2000):', '        t = K + K', '    return t', 'f()', ''].join('\n') },
  { name: 'constants', weight: 1, source: inFunction(['for i in range(2000):', '    a = 1', '    b = 2.5', '    c = "x"']) },
  { name: 'function calls', weight: 1, source: ['def g(a, b=1):', '    return a', 'def f():', '    for i in range(2000):', '        g(i)', '        g(i, 2)', 'f()', ''].join('\n') },
  { name: 'builtin calls', weight: 1, source: inFunction(['t = (1, 2, 3)', 'for i in range(2000):', '    len(t)', '    abs(i)']) },
  { name: 'list append and index', weight: 1, source: inFunction(['l = []', 'for i in range(2000):', '    l.append(i)', 'for i in range(2000):', '    l[i] = l[i] + 1']) },
  { name: 'dict store and load', weight: 1, source: inFunction(['d = {}', 'for i in range(2000):', '    d[i] = i', 'for i in range(2000):', '    d[i]']) },
  { name: 'attributes', weight: 1, source: ['class P:', '    pass', 'def f():', '    o = P()', '    o.x = 0', '    for i in range(2000):', '        o.x = o.x + 1', 'f()', ''].join('\n') },
  { name: 'methods', weight: 1, source: ['class C:', '    def __init__(self):', '        self.n = 0', '    def step(self, k):', '        self.n += k', 'def f():', '    c = C()', '    for i in range(1500):', '        c.step(i)', 'f()', ''].join('\n') },
  { name: 'displays', weight: 1, source: inFunction(['for i in range(1500):', '    a = [i, i, i, i]', '    b = (i, i)', '    c = {"k": i}']) },
  { name: 'f-strings', weight: 1, source: inFunction(['for i in range(1000):', '    s = f"{i} and {i * 2}"']) },
  { name: 'percent format', weight: 1, source: inFunction(['for i in range(1000):', "    s = 'thread %d of %s' % (i, 'x')"]) },
  { name: 'long builtins', weight: 1, source: inFunction(['l = list(range(500))', 'for i in range(60):', '    sum(l)', '    sorted(l)', '    max(l)']) },
  { name: 'comprehensions', weight: 1, source: inFunction(['for i in range(40):', '    [x * x for x in range(100)]']) },
  { name: 'string methods', weight: 1, source: inFunction(['s = "a,b,c,d"', 'for i in range(1500):', '    s.split(",")', '    s.upper()']) },
];
