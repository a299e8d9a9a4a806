// A host for running a program on this thread alone: no GIL, no other threads, real clocks
// (math, and a time module of the machine's clocks).
// Unit tests use it to check the interpreter against CPython's output.
import { parseModule } from '../../common/python/ast';
import { type CostTable } from './costs';
import type { HeapResolver } from './heap-codec';
import { Interpreter, type Failure, type InterpreterHost } from './interpreter';
import { makeMath } from './modules/math';
import { makeStandaloneTime } from './modules/standalone-time';
import { makeTraceback } from './modules/traceback';
import { makeRe } from './modules/re';
import { running } from './native';
import { PyModule } from './objects';
import { call, getAttr } from './attributes';

export interface StandaloneOptions {
  /** The program's file name, as tracebacks show it. */
  file?: string;
  /** More modules the program may import, by name. */
  modules?: Record<string, (i: Interpreter) => PyModule>;
  /** Prelude modules (Python source, by name) the program may import. */
  prelude?: Record<string, string>;
  /** What each operation charges (the default table unless given). */
  costs?: CostTable;
  /** Stop the run (budgetExceeded) once it has charged this many nanoseconds of CPython time. */
  costBudget?: number;
  /** Stop the run (budgetExceeded) after this many milliseconds of wall time. */
  timeBudgetMs?: number;
}

export interface StandaloneRun {
  stdout: string;
  stderr: string;
  failure: Failure | null;
  /** The run was stopped by a budget of StandaloneOptions. */
  budgetExceeded: boolean;
  interp: Interpreter;
}

/** Thrown by the breaker past a budget: not a Python exception, so no handler of the program can catch it. */
class BudgetExceeded extends Error {}

/** How often, in charged nanoseconds, the breaker looks at the budgets. */
const CHECK_EVERY = 1e6;

/**
 * Runs `source` to its end on this thread. The interpreter it makes charges builtins while it runs
 * (native.ts's `running`); afterwards the thread's own interpreter, if it has one, is charged again.
 */
export function runStandalone(source: string, options: StandaloneOptions = {}): StandaloneRun {
  const before = running.ts;
  try {
    return runOnThisThread(source, options);
  } finally {
    if (before) running.ts = before;
  }
}

function runOnThisThread(source: string, options: StandaloneOptions): StandaloneRun {
  let stdout = '';
  let stderr = '';
  const costBudget = options.costBudget ?? Infinity;
  const deadline = options.timeBudgetMs === undefined ? Infinity : Date.now() + options.timeBudgetMs;
  const host: InterpreterHost = {
    write(text, stream) {
      if (stream === 'stdout') stdout += text;
      else stderr += text;
    },
    breaker(interp) {
      if (interp.cost > costBudget || Date.now() > deadline) throw new BudgetExceeded();
      interp.checkAt = interp.cost + CHECK_EVERY;
    },
    modules: { math: makeMath, time: makeStandaloneTime, traceback: makeTraceback, _re: makeRe, ...options.modules },
    prelude: options.prelude ?? {},
    timeScale: 1,
  };
  const interp = new Interpreter(host, options.costs, options.file ?? 'program.py');
  interp.checkAt = CHECK_EVERY;
  const parsed = parseModule(source);
  if (!parsed.ok) throw new Error(`syntax error line ${parsed.error.line}: ${parsed.error.message}`);
  let failure: Failure | null = null;
  let budgetExceeded = false;
  try {
    failure = interp.runMain(parsed.module);
    // As Py_Finalize does: the atexit functions, if the program imported atexit.
    interp.guard(() => {
      const atexit = interp.modules.map.get('atexit')?.v;
      if (atexit instanceof PyModule) call(getAttr(atexit, '_run_exitfuncs'), [], null);
    });
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    budgetExceeded = true;
  }
  return { stdout, stderr, failure, budgetExceeded, interp };
}

/**
 * What restoring a copy into a standalone run's interpreter needs. `modules`: whether a copied class
 * it already has is that class (as in a forked child); no native objects (a standalone run has none).
 */
export function standaloneResolver(interp: Interpreter, modules = true): HeapResolver {
  return {
    builtins: interp.builtins,
    importModule: (name) => interp.importModule(name),
    code: (file, id) => interp.compiled.get(file)!.codes.get(id)!,
    native: (kind) => {
      throw new Error(`a standalone run has no native objects: cannot rebuild a ${kind}`);
    },
    modules: modules ? interp.modules : undefined,
  };
}
