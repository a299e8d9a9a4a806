// What the compiler needs while it turns one module into closures: the symbol table, the
// thread state the closures will charge, the builtins, and how names are read and written.
import type { Expr } from '../../common/python/ast';
import type { CostTable } from './costs';
import { pyError } from './errors';
import type { CodeObject, ExprFn, Frame, ThreadState } from './frame';
import type { PyDict, PyModule, PyValue } from './objects';
import type { Access, Scope, SymbolTable } from './scope';
import { mutate } from './mutations';
import { setName } from './compare';
import { closestName, offerSuggestion } from './suggestions';

export interface CompileEnv {
  ts: ThreadState;
  builtins: PyDict;
  /** import name: the module object (runs it the first time in this process). */
  importModule(name: string): PyModule;
  file: string;
  moduleName: string;
}

export class Ctx {
  scope: Scope;
  code: CodeObject | null = null;
  readonly costs: CostTable;
  /** Every code object of the module by node id: how a function sent by another thread finds its code. */
  readonly codes = new Map<number, CodeObject>();
  /** The line of the statement (or enclosing expression) being compiled: frame.line while it runs. */
  line = 0;
  /** Loops around the statement being compiled: statements in a loop get code of their own (per-site.ts). */
  loopDepth = 0;

  /** Compiles a loop's body (or else clause) one loop deeper. */
  inLoop<T>(compile: () => T): T {
    this.loopDepth++;
    try {
      return compile();
    } finally {
      this.loopDepth--;
    }
  }

  /** Compiles with `line` as the current line, then restores the one before. */
  atLine<T>(line: number, compile: () => T): T {
    const saved = this.line;
    this.line = line;
    try {
      return compile();
    } finally {
      this.line = saved;
    }
  }

  constructor(
    readonly env: CompileEnv,
    readonly table: SymbolTable,
  ) {
    this.scope = table.module;
    this.costs = env.ts.costs;
  }

  get ts(): ThreadState {
    return this.env.ts;
  }

  /** The name a Name node stands for, after comprehension variables were renamed. */
  nameOf(node: Expr & { kind: 'Name' }): string {
    return this.table.renamed.get(node.nid) ?? node.id;
  }

  access(node: Expr & { kind: 'Name' }): Access {
    return this.table.access.get(node.nid) ?? { kind: 'global' };
  }

  /** Index of a cell by name in the current code (cellvars first, then freevars). */
  cellIndex(name: string): number {
    const i = this.code!.cellNames.indexOf(name);
    if (i < 0) throw new Error(`internal: no cell ${name} in ${this.code!.qualname}`);
    return i;
  }
}

/** The name as Python spells it in messages (comprehension variables lose their hidden suffix). */
export function shownName(name: string): string {
  const i = name.indexOf('\u00b7');
  return i < 0 ? name : name.slice(0, i);
}

export function unboundLocal(name: string): never {
  throw pyError(
    'UnboundLocalError',
    `cannot access local variable '${shownName(name)}' where it is not associated with a value`,
  );
}

export function nameError(name: string, f?: Frame, builtins?: PyDict): never {
  const shown = shownName(name);
  const exc = pyError('NameError', `name '${shown}' is not defined`);
  setName(exc.value.dict, 'name', shown);
  // CPython looks among the frame's locals, then its globals, then the builtins.
  if (f && builtins)
    offerSuggestion(exc.value, () =>
      firstSuggestion(shown, [f.code.varnames, dictNames(f.globals), dictNames(builtins)]),
    );
  throw exc;
}

function dictNames(d: PyDict): string[] {
  return [...d.map.keys()].filter((k): k is string => typeof k === 'string');
}

function firstSuggestion(name: string, scopes: string[][]): string | null {
  for (const names of scopes) {
    const found = closestName(name, names);
    if (found !== null) return found;
  }
  return null;
}

/** Reads a global (then builtin) name, caching the dict entry until the dict's keys change. */
export function globalLoader(name: string, builtins: PyDict): ExprFn {
  let dict: PyDict | null = null;
  let shape = -1;
  let builtinShape = -1;
  let entry: { v: PyValue } | null = null;
  return (f: Frame) => {
    const g = f.globals;
    if (g === dict && g.shape === shape && builtins.shape === builtinShape) return entry!.v;
    let e = g.map.get(name);
    if (e === undefined) e = builtins.map.get(name);
    if (e === undefined) return nameError(name, f, builtins);
    dict = g;
    shape = g.shape;
    builtinShape = builtins.shape;
    entry = e;
    return e.v;
  };
}

/** Reads a name in a class body: the class namespace, then globals, then builtins. */
export function classNameLoader(name: string, builtins: PyDict): ExprFn {
  const global = globalLoader(name, builtins);
  return (f: Frame) => {
    const e = f.ns?.map.get(name);
    return e !== undefined ? e.v : global(f);
  };
}

export function storeGlobal(f: Frame, name: string, v: PyValue): void {
  mutate.dictSet(f.globals, name, v);
}

export function storeClassName(f: Frame, name: string, v: PyValue): void {
  mutate.dictSet(f.ns ?? f.globals, name, v);
}
