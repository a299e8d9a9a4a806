// Symbol tables, as CPython's symtable.c builds them: which names of each function are fast
// locals, which are cells captured by inner functions, which are free (from an enclosing
// function) and which are global. Comprehensions are inlined into their enclosing scope as
// CPython 3.12 does, with their loop variables renamed so they do not leak.
import type { Arguments, Comprehension, Expr, Module, Stmt } from '../../common/python/ast';

export type Access =
  | { kind: 'fast'; slot: number }
  | { kind: 'cell'; index: number }
  | { kind: 'global' }
  /** A class body: the class namespace, then globals. */
  | { kind: 'classname' };

export interface Scope {
  kind: 'module' | 'class' | 'function';
  name: string;
  qualname: string;
  parent: Scope | null;
  /** Names this scope binds (after renaming comprehension variables). */
  bound: Set<string>;
  params: string[];
  declaredGlobal: Set<string>;
  declaredNonlocal: Set<string>;
  /** Names bound here that an inner function reads: they live in cells. */
  cellvars: string[];
  /** Names read here that an enclosing function binds. */
  freevars: string[];
  /** Fast slot of each local that is not a cell. */
  slots: Map<string, number>;
  nslots: number;
  isGenerator: boolean;
  isCoroutine: boolean;
  /** Uses zero-argument super(): needs the class cell. */
  usesSuper: boolean;
}

export interface SymbolTable {
  module: Scope;
  /** The scope a def, lambda or class creates, by node id. */
  scopes: Map<number, Scope>;
  /** How each Name node (by id) is read, written or deleted. */
  access: Map<number, Access>;
  /** Comprehension loop variables, renamed: Name node id -> hidden name. */
  renamed: Map<number, string>;
}

interface Ref {
  node: number;
  name: string;
  scope: Scope;
}

function newScope(kind: Scope['kind'], name: string, parent: Scope | null): Scope {
  const qualname =
    parent && parent.kind !== 'module'
      ? `${parent.qualname}${parent.kind === 'function' ? '.<locals>' : ''}.${name}`
      : name;
  return {
    kind,
    name,
    qualname,
    parent,
    bound: new Set(),
    params: [],
    declaredGlobal: new Set(),
    declaredNonlocal: new Set(),
    cellvars: [],
    freevars: [],
    slots: new Map(),
    nslots: 0,
    isGenerator: false,
    isCoroutine: false,
    usesSuper: false,
  };
}

class Builder {
  readonly scopes = new Map<number, Scope>();
  readonly renamed = new Map<number, string>();
  readonly refs: Ref[] = [];
  /** Hidden names of comprehension variables currently in force. */
  private renames: Map<string, string>[] = [];
  private hidden = 0;

  private effective(name: string): string {
    for (let i = this.renames.length - 1; i >= 0; i--) {
      const r = this.renames[i].get(name);
      if (r) return r;
    }
    return name;
  }

  /** A Name node that binds (store or del): its name, after renaming, is bound in `scope`. */
  private bindName(scope: Scope, node: Expr & { kind: 'Name' }): void {
    const eff = this.effective(node.id);
    if (eff !== node.id) this.renamed.set(node.nid, eff);
    scope.bound.add(eff);
    this.refs.push({ node: node.nid, name: eff, scope });
  }

  private useName(scope: Scope, node: Expr & { kind: 'Name' }): void {
    const eff = this.effective(node.id);
    if (eff !== node.id) this.renamed.set(node.nid, eff);
    this.refs.push({ node: node.nid, name: eff, scope });
    if (node.id === 'super' && scope.kind === 'function') scope.usesSuper = true;
  }

  body(scope: Scope, stmts: Stmt[]): void {
    for (const s of stmts) this.stmt(scope, s);
  }

  private target(scope: Scope, t: Expr): void {
    switch (t.kind) {
      case 'Name':
        this.bindName(scope, t);
        return;
      case 'Tuple':
      case 'List':
        for (const e of t.elts) this.target(scope, e);
        return;
      case 'Starred':
        this.target(scope, t.value);
        return;
      default:
        this.expr(scope, t);
    }
  }

  private stmt(scope: Scope, s: Stmt): void {
    switch (s.kind) {
      case 'FunctionDef': {
        for (const d of s.decorators) this.expr(scope, d);
        this.defaults(scope, s.args);
        this.bindPlain(scope, s.name, s.nid);
        const inner = newScope('function', s.name, scope);
        inner.isCoroutine = s.isAsync;
        this.scopes.set(s.nid, inner);
        this.params(inner, s.args);
        this.withoutRenames(() => this.body(inner, s.body));
        return;
      }
      case 'ClassDef': {
        for (const d of s.decorators) this.expr(scope, d);
        for (const b of s.bases) this.expr(scope, b);
        for (const k of s.keywords) this.expr(scope, k.value);
        this.bindPlain(scope, s.name, s.nid);
        const inner = newScope('class', s.name, scope);
        this.scopes.set(s.nid, inner);
        this.withoutRenames(() => this.body(inner, s.body));
        return;
      }
      case 'Assign':
        this.expr(scope, s.value);
        for (const t of s.targets) this.target(scope, t);
        return;
      case 'AugAssign':
        this.expr(scope, s.value);
        this.target(scope, s.target);
        return;
      case 'AnnAssign':
        if (s.value) this.expr(scope, s.value);
        this.target(scope, s.target);
        return;
      case 'For':
        this.expr(scope, s.iter);
        this.target(scope, s.target);
        this.body(scope, s.body);
        this.body(scope, s.orelse);
        return;
      case 'With':
        for (const item of s.items) {
          this.expr(scope, item.context);
          if (item.target) this.target(scope, item.target);
        }
        this.body(scope, s.body);
        return;
      case 'Try':
        this.body(scope, s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(scope, h.type);
          if (h.name) this.bindPlain(scope, h.name, h.nid);
          this.body(scope, h.body);
        }
        this.body(scope, s.orelse);
        this.body(scope, s.finalbody);
        return;
      case 'Import':
        for (const a of s.names) this.bindPlain(scope, a.asname ?? a.name.split('.')[0], a.nid);
        return;
      case 'ImportFrom':
        for (const a of s.names) if (a.name !== '*') this.bindPlain(scope, a.asname ?? a.name, a.nid);
        return;
      case 'Global':
        for (const n of s.names) scope.declaredGlobal.add(n);
        return;
      case 'Nonlocal':
        for (const n of s.names) scope.declaredNonlocal.add(n);
        return;
      case 'Delete':
        for (const t of s.targets) this.target(scope, t);
        return;
      default:
        for (const c of childExprs(s)) this.expr(scope, c);
        for (const c of childStmts(s)) this.stmt(scope, c);
    }
  }

  /** A name bound by def, class, import or except … as: the access is filed under that node's id. */
  private bindPlain(scope: Scope, name: string, nid: number): void {
    const eff = this.effective(name);
    scope.bound.add(eff);
    this.refs.push({ node: nid, name: eff, scope });
  }

  private withoutRenames(f: () => void): void {
    const saved = this.renames;
    this.renames = [];
    f();
    this.renames = saved;
  }

  private defaults(scope: Scope, args: Arguments): void {
    for (const d of args.defaults) this.expr(scope, d);
    for (const d of args.kwDefaults) if (d) this.expr(scope, d);
  }

  private params(scope: Scope, args: Arguments): void {
    const all = [
      ...args.posonly,
      ...args.args,
      ...(args.vararg ? [args.vararg] : []),
      ...args.kwonly,
      ...(args.kwarg ? [args.kwarg] : []),
    ];
    for (const a of all) {
      scope.params.push(a.name);
      scope.bound.add(a.name);
    }
  }

  expr(scope: Scope, e: Expr): void {
    switch (e.kind) {
      case 'Name':
        this.useName(scope, e);
        return;
      case 'Lambda': {
        this.defaults(scope, e.args);
        const inner = newScope('function', '<lambda>', scope);
        this.scopes.set(e.nid, inner);
        this.params(inner, e.args);
        this.withoutRenames(() => this.expr(inner, e.body));
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.comprehension(scope, e.generators, [e.elt]);
        return;
      case 'DictComp':
        this.comprehension(scope, e.generators, [e.key, e.value]);
        return;
      case 'NamedExpr':
        this.expr(scope, e.value);
        this.target(scope, e.target);
        return;
      case 'Yield':
      case 'YieldFrom':
        scope.isGenerator = true;
        if (e.value) this.expr(scope, e.value);
        return;
      default:
        for (const c of childExprs(e)) this.expr(scope, c);
    }
  }

  private comprehension(scope: Scope, generators: Comprehension[], results: Expr[]): void {
    const renames = new Map<string, string>();
    generators.forEach((g, i) => {
      // The first iterable is evaluated outside the comprehension.
      if (i === 0) this.expr(scope, g.iter);
      else {
        this.renames.push(renames);
        this.expr(scope, g.iter);
        this.renames.pop();
      }
      for (const name of targetNames(g.target)) renames.set(name, `${name}\u00b7${++this.hidden}`);
      this.renames.push(renames);
      this.target(scope, g.target);
      for (const cond of g.ifs) this.expr(scope, cond);
      this.renames.pop();
    });
    this.renames.push(renames);
    for (const r of results) this.expr(scope, r);
    this.renames.pop();
  }
}

function targetNames(t: Expr): string[] {
  if (t.kind === 'Name') return [t.id];
  if (t.kind === 'Tuple' || t.kind === 'List') return t.elts.flatMap(targetNames);
  if (t.kind === 'Starred') return targetNames(t.value);
  return [];
}

/** The expressions directly under a statement (not inside its sub-statements). */
function childExprs(n: Stmt | Expr): Expr[] {
  switch (n.kind) {
    case 'Return':
      return n.value ? [n.value] : [];
    case 'While':
    case 'If':
      return [n.test];
    case 'Raise':
      return [n.exc, n.cause].filter((x): x is Expr => x !== null);
    case 'Assert':
      return [n.test, n.msg].filter((x): x is Expr => x !== null);
    case 'Expr':
      return [n.value];
    case 'BoolOp':
      return n.values;
    case 'BinOp':
      return [n.left, n.right];
    case 'UnaryOp':
      return [n.operand];
    case 'IfExp':
      return [n.test, n.body, n.orelse];
    case 'Dict':
      return [...n.keys.filter((k): k is Expr => k !== null), ...n.values];
    case 'Set':
    case 'List':
    case 'Tuple':
      return n.elts;
    case 'Await':
    case 'Starred':
    case 'Attribute':
      return [n.value];
    case 'Compare':
      return [n.left, ...n.comparators];
    case 'Call':
      return [n.func, ...n.args, ...n.keywords.map((k) => k.value)];
    case 'FormattedValue':
      return n.formatSpec ? [n.value, n.formatSpec] : [n.value];
    case 'JoinedStr':
      return n.values;
    case 'Subscript':
      return [n.value, n.slice];
    case 'Slice':
      return [n.lower, n.upper, n.step].filter((x): x is Expr => x !== null);
    default:
      return [];
  }
}

function childStmts(s: Stmt): Stmt[] {
  switch (s.kind) {
    case 'While':
    case 'If':
      return [...s.body, ...s.orelse];
    default:
      return [];
  }
}

export class ScopeError extends Error {}

/** Builds the symbol table of a module. */
export function analyze(module: Module): SymbolTable {
  const b = new Builder();
  const top = newScope('module', '<module>', null);
  b.body(top, module.body);
  const access = new Map<number, Access>();
  const all = [top, ...b.scopes.values()];

  const isLocal = (s: Scope, name: string) =>
    s.kind === 'function' && s.bound.has(name) && !s.declaredGlobal.has(name) && !s.declaredNonlocal.has(name);
  const isHidden = (name: string) => name.includes('\u00b7');

  /** The function scope that binds `name` for a read in `s`, or null (global). */
  const binder = (s: Scope, name: string): Scope | null => {
    if (s.declaredGlobal.has(name)) return null;
    if (isLocal(s, name)) return s;
    if (s.kind !== 'function' && isHidden(name) && s.bound.has(name)) return s;
    for (let p = s.parent; p; p = p.parent) {
      if (p.kind === 'class') continue;
      if (p.declaredGlobal.has(name)) return null;
      if (isLocal(p, name)) return p;
    }
    return null;
  };

  const addCell = (s: Scope, name: string) => {
    if (!s.cellvars.includes(name)) s.cellvars.push(name);
  };
  const addFree = (s: Scope, name: string) => {
    if (!s.freevars.includes(name)) s.freevars.push(name);
  };

  // First, which locals are cells: a name read in an inner function lives in a cell.
  const resolved = b.refs.map((ref) => ({ ref, owner: binder(ref.scope, ref.name) }));
  for (const scope of all) {
    for (const name of scope.declaredNonlocal) {
      let found = false;
      for (let p = scope.parent; p && !found; p = p.parent) found = p.kind === 'function' && isLocal(p, name);
      if (!found) throw new ScopeError(`no binding for nonlocal '${name}' found`);
    }
  }
  for (const { ref, owner } of resolved) {
    if (!owner || owner === ref.scope) continue;
    addCell(owner, ref.name);
    // Class bodies in between pass the cell on to the functions defined in them, as CPython's do.
    for (let s: Scope | null = ref.scope; s && s !== owner; s = s.parent) addFree(s, ref.name);
  }
  // Zero-argument super(): the method reads the class's __class__ cell.
  for (const scope of all) {
    if (!scope.usesSuper || scope.parent?.kind !== 'class') continue;
    addCell(scope.parent, '__class__');
    addFree(scope, '__class__');
  }
  // Then the fast slots: every local that is not a cell (and hidden comprehension variables).
  for (const scope of all) {
    for (const name of scope.bound) {
      const local = isLocal(scope, name) || (isHidden(name) && scope.kind !== 'function');
      if (local && !scope.cellvars.includes(name) && !scope.slots.has(name)) scope.slots.set(name, scope.nslots++);
    }
  }
  for (const { ref, owner } of resolved) {
    const s = ref.scope;
    const cellIndex = (name: string) => {
      const i = s.cellvars.indexOf(name);
      return i >= 0 ? i : s.cellvars.length + s.freevars.indexOf(name);
    };
    let a: Access;
    if (owner === s)
      a = s.cellvars.includes(ref.name)
        ? { kind: 'cell', index: cellIndex(ref.name) }
        : { kind: 'fast', slot: s.slots.get(ref.name)! };
    else if (owner) a = { kind: 'cell', index: cellIndex(ref.name) };
    else if (s.kind === 'class' && !s.declaredGlobal.has(ref.name)) a = { kind: 'classname' };
    else a = { kind: 'global' };
    access.set(ref.node, a);
  }
  return { module: top, scopes: b.scopes, access, renamed: b.renamed };
}
