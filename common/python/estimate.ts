// How many threads and processes a program will start, guessed from its source before it runs,
// so the engine can have them warm (a worker thread takes ~45 ms to start, a process ~120 ms,
// CPython's thread start ~0.1 ms). A guess that falls short costs start-up time, not correctness.
import type { Expr, Module, Stmt } from './ast';
import { walk } from './ast';

export interface Starts {
  threads: number;
  processes: number;
}

const threadClasses = new Set(['Thread', 'Timer', '_Thread']);
const processClasses = new Set(['Process']);
/** Calls that call the function they are given once per item of their second argument. */
const mappers = new Set(['map', 'starmap', 'imap', 'imap_unordered', 'map_async', 'starmap_async']);
/** No program's guess needs more: keeps a recursive or deeply nested call graph cheap. */
const MAX_TIMES = 1000;

/** What one body (the module's or a function's) starts and calls, each time it runs. */
interface Scope {
  threads: number;
  processes: number;
  defaultExecutorCalls: number;
  calls: Map<string, number>;
}

/** The number of items a `for` loop's iterable will have, when the source says (range(N), os.cpu_count()). */
function loopLength(iter: Expr, workers: number): number {
  if (iter.kind === 'Call' && iter.func.kind === 'Name' && iter.func.id === 'range') {
    const arg = iter.args[iter.args.length === 1 ? 0 : 1];
    if (!arg) return workers;
    if (arg.kind === 'Constant' && arg.value.type === 'int')
      return Math.max(
        0,
        Number(arg.value.value) -
          (iter.args.length > 1 && iter.args[0].kind === 'Constant' && iter.args[0].value.type === 'int'
            ? Number(iter.args[0].value.value)
            : 0),
      );
    return workers;
  }
  if (iter.kind === 'List' || iter.kind === 'Tuple') return iter.elts.length;
  return workers;
}

const calleeName = (e: Expr): string => (e.kind === 'Name' ? e.id : e.kind === 'Attribute' ? e.attr : '');

/**
 * The guess: every body's own starts, times how often it runs. A function runs as often as the
 * bodies that call it (or hand it to a thread, a pool or `to_thread`) run it; one that nothing
 * visibly calls counts once. So `to_thread` in a coroutine gathered for four tasks is four threads.
 */
export function estimateStarts(module: Module, workers: number): Starts {
  const subclasses = { threads: new Set(threadClasses), processes: new Set(processClasses) };
  const functions = new Map<string, Stmt[][]>();
  for (const n of walk(module.body)) {
    if (n.kind === 'FunctionDef') functions.set(n.name, [...(functions.get(n.name) ?? []), n.body]);
    if (n.kind !== 'ClassDef') continue;
    for (const b of n.bases) {
      const name = calleeName(b);
      if (subclasses.threads.has(name)) subclasses.threads.add(n.name);
      if (subclasses.processes.has(name)) subclasses.processes.add(n.name);
    }
  }
  const keyword = (call: Expr & { kind: 'Call' }, name: string, position: number): number | null => {
    const v = call.keywords.find((k) => k.name === name)?.value ?? call.args[position];
    return v && v.kind === 'Constant' && v.value.type === 'int' ? Number(v.value.value) : null;
  };

  const scopeOf = (body: Stmt[]): Scope => {
    const scope: Scope = { threads: 0, processes: 0, defaultExecutorCalls: 0, calls: new Map() };
    const called = (name: string, times: number) => {
      if (functions.has(name)) scope.calls.set(name, (scope.calls.get(name) ?? 0) + times);
    };
    const visitExpr = (e: Expr, times: number) => {
      for (const n of walk(e)) {
        if (n.kind === 'ListComp' || n.kind === 'GeneratorExp') {
          // The walk below meets the element once; it runs once per item.
          const inner = n.generators.reduce((m, g) => m * loopLength(g.iter, workers), 1);
          visitExpr(n.elt, times * Math.max(0, inner - 1));
        }
        if (n.kind !== 'Call') continue;
        const name = calleeName(n.func);
        called(name, times);
        const handed = [...n.args, ...n.keywords.map((k) => k.value)];
        for (const [i, a] of handed.entries())
          if (a.kind === 'Name')
            called(a.id, i === 0 && mappers.has(name) && n.args[1] ? times * loopLength(n.args[1], workers) : times);
        if (subclasses.threads.has(name)) scope.threads += times;
        if (subclasses.processes.has(name)) scope.processes += times;
        if (name === 'ThreadPoolExecutor') scope.threads += keyword(n, 'max_workers', 0) ?? Math.min(32, workers + 4);
        // asyncio's default executor: a thread for each call running at once, up to its size.
        const defaultExecutor =
          name === 'to_thread' ||
          (name === 'run_in_executor' && n.args[0]?.kind === 'Constant' && n.args[0].value.type === 'None');
        if (defaultExecutor) scope.defaultExecutorCalls += times;
        if (name === 'ProcessPoolExecutor' || name === 'Pool')
          scope.processes += keyword(n, name === 'Pool' ? 'processes' : 'max_workers', 0) ?? workers;
      }
    };
    const visit = (stmts: Stmt[], times: number) => {
      for (const s of stmts) {
        switch (s.kind) {
          case 'For':
            visitExpr(s.iter, times);
            visit(s.body, times * loopLength(s.iter, workers));
            break;
          case 'While':
            visit(s.body, times * workers);
            break;
          case 'If':
            visitExpr(s.test, times);
            visit(s.body, times);
            visit(s.orelse, times);
            break;
          case 'FunctionDef':
            for (const d of s.decorators) visitExpr(d, times);
            break; // its body is a scope of its own
          case 'ClassDef':
            visit(s.body, times);
            break;
          case 'With':
            for (const i of s.items) visitExpr(i.context, times);
            visit(s.body, times);
            break;
          case 'Try':
            visit(s.body, times);
            for (const h of s.handlers) visit(h.body, times);
            visit(s.finalbody, times);
            break;
          default:
            if (
              (s.kind === 'Expr' ||
                s.kind === 'Return' ||
                s.kind === 'Assign' ||
                s.kind === 'AugAssign' ||
                s.kind === 'AnnAssign') &&
              s.value
            )
              visitExpr(s.value, times);
        }
      }
    };
    visit(body, 1);
    return scope;
  };

  const main = scopeOf(module.body);
  const scopes = new Map([...functions].map(([name, bodies]) => [name, bodies.map(scopeOf)]));
  const runs = new Map<string, number>();
  const onStack = new Set<string>();
  const timesRun = (name: string): number => {
    const known = runs.get(name);
    if (known !== undefined) return known;
    if (onStack.has(name)) return 0; // recursion: its own calls add nothing to the guess
    onStack.add(name);
    let n = main.calls.get(name) ?? 0;
    for (const [caller, bodies] of scopes)
      for (const b of bodies) {
        const m = b.calls.get(name);
        if (m) n += m * (caller === name ? 0 : timesRun(caller));
      }
    onStack.delete(name);
    const times = Math.min(MAX_TIMES, n || 1);
    runs.set(name, times);
    return times;
  };

  let { threads, processes, defaultExecutorCalls } = main;
  for (const [name, bodies] of scopes)
    for (const b of bodies) {
      const times = timesRun(name);
      threads += times * b.threads;
      processes += times * b.processes;
      defaultExecutorCalls += times * b.defaultExecutorCalls;
    }
  return { threads: threads + Math.min(defaultExecutorCalls, 32, workers + 4), processes };
}
