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

export function estimateStarts(module: Module, workers: number): Starts {
  const subclasses = { threads: new Set(threadClasses), processes: new Set(processClasses) };
  for (const n of walk(module.body)) {
    if (n.kind !== 'ClassDef') continue;
    for (const b of n.bases) {
      const name = b.kind === 'Name' ? b.id : b.kind === 'Attribute' ? b.attr : '';
      if (subclasses.threads.has(name)) subclasses.threads.add(n.name);
      if (subclasses.processes.has(name)) subclasses.processes.add(n.name);
    }
  }
  const out: Starts = { threads: 0, processes: 0 };
  let defaultExecutorCalls = 0;
  const keyword = (call: Expr & { kind: 'Call' }, name: string, position: number): number | null => {
    const v = call.keywords.find((k) => k.name === name)?.value ?? call.args[position];
    return v && v.kind === 'Constant' && v.value.type === 'int' ? Number(v.value.value) : null;
  };
  const visitExpr = (e: Expr, times: number) => {
    for (const n of walk(e as unknown as Stmt)) {
      if (n.kind === 'ListComp' || n.kind === 'GeneratorExp') {
        const inner = n.generators.reduce((m, g) => m * loopLength(g.iter, workers), 1);
        visitExpr(n.elt, times * inner);
      }
      if (n.kind !== 'Call') continue;
      const name = n.func.kind === 'Name' ? n.func.id : n.func.kind === 'Attribute' ? n.func.attr : '';
      if (subclasses.threads.has(name)) out.threads += times;
      if (subclasses.processes.has(name)) out.processes += times;
      if (name === 'ThreadPoolExecutor') out.threads += keyword(n, 'max_workers', 0) ?? Math.min(32, workers + 4);
      // asyncio's default executor: a thread for each call running at once, up to its size.
      const defaultExecutor =
        name === 'to_thread' ||
        (name === 'run_in_executor' && n.args[0]?.kind === 'Constant' && n.args[0].value.type === 'None');
      if (defaultExecutor) defaultExecutorCalls += times;
      if (name === 'ProcessPoolExecutor' || name === 'Pool')
        out.processes += keyword(n, name === 'Pool' ? 'processes' : 'max_workers', 0) ?? workers;
    }
  };
  const visit = (body: Stmt[], times: number) => {
    for (const s of body) {
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
          visitShallow(s, times);
      }
    }
  };
  const visitShallow = (s: Stmt, times: number) => {
    if (
      (s.kind === 'Expr' ||
        s.kind === 'Return' ||
        s.kind === 'Assign' ||
        s.kind === 'AugAssign' ||
        s.kind === 'AnnAssign') &&
      s.value
    )
      visitExpr(s.value, times);
  };
  visit(module.body, 1);
  out.threads += Math.min(defaultExecutorCalls, 32, workers + 4);
  return out;
}
