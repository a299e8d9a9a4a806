// Parts of Python that parse and that CPython runs, but that GIL Lab's interpreter does not run
// as CPython does: the checker refuses them by line instead of letting a run differ.
import { children, walk, type Expr, type Module, type Pos, type Stmt } from './ast';
import { unsupportedBases, unsupportedMethods, unsupportedTypeMethods } from './subset';

export interface Refusal {
  at: Pos;
  message: string;
}

/** Names the program itself gives to functions, classes, attributes or variables. */
export function programNames(module: Module): Set<string> {
  const names = new Set<string>();
  for (const n of walk(module.body)) {
    if (n.kind === 'FunctionDef' || n.kind === 'ClassDef') names.add(n.name);
    else if (n.kind === 'Assign' || n.kind === 'AugAssign' || n.kind === 'AnnAssign') {
      for (const t of n.kind === 'Assign' ? n.targets : [n.target]) {
        if (t.kind === 'Name') names.add(t.id);
        else if (t.kind === 'Attribute') names.add(t.attr);
      }
    } else if (n.kind === 'Import' || n.kind === 'ImportFrom') for (const a of n.names) names.add(a.asname ?? a.name);
  }
  return names;
}

/** \N{NAME} escapes need Unicode's name table, which the interpreter does not carry. */
function namedEscapes(module: Module, add: (at: Pos, message: string) => void): void {
  const rawAt = (p: Pos) => /^[a-zA-Z]*[rR][a-zA-Z]*["']/.test((module.lines[p.line - 1] ?? '').slice(p.col));
  const visit = (n: Stmt | Expr, raw: boolean | null) => {
    if (n.kind === 'JoinedStr') {
      const isRaw = rawAt(n);
      for (const c of children(n)) visit(c, isRaw);
      return;
    }
    if (n.kind === 'Constant' && n.value.type === 'str' && n.value.value.includes('\\N{') && !(raw ?? rawAt(n)))
      add(n, '\\N{…} escapes are not supported here (write the character itself)');
    for (const c of children(n)) visit(c, n.kind === 'FormattedValue' ? null : raw);
  };
  for (const s of module.body) visit(s, null);
}

/** Which statements and expressions of a generator or coroutine may hold a yield or an await (compile-gen.ts). */
const suspendingStatements = new Set(['Expr', 'Assign', 'AnnAssign', 'AugAssign', 'Return', 'If', 'While', 'For', 'Try', 'With', 'Raise']);
const suspendingExpressions = new Set([
  'Await', 'Yield', 'YieldFrom', 'Call', 'BinOp', 'UnaryOp', 'BoolOp', 'Compare', 'IfExp', 'Attribute', 'Subscript', 'List', 'Tuple',
  'JoinedStr', 'FormattedValue', 'NamedExpr', 'Name', 'Constant', 'Dict', 'Set', 'ListComp', 'SetComp', 'DictComp',
]);

/** Does evaluating `n` suspend, not counting nested function bodies? */
function suspends(n: Stmt | Expr): boolean {
  if (n.kind === 'Await' || n.kind === 'Yield' || n.kind === 'YieldFrom') return true;
  if (n.kind === 'Lambda') return n.args.defaults.some(suspends);
  if (n.kind === 'FunctionDef') return n.decorators.some(suspends) || n.args.defaults.some(suspends);
  if (n.kind === 'ClassDef') return n.bases.some(suspends) || n.decorators.some(suspends);
  return children(n).some(suspends);
}

function suspensionPlaces(body: Stmt[], add: (at: Pos, message: string) => void): void {
  const expr = (e: Expr) => {
    if (!suspends(e)) return;
    if (!suspendingExpressions.has(e.kind)) {
      add(e, `await or yield inside ${e.kind === 'GeneratorExp' ? 'a generator expression' : `this ${e.kind} expression`} is not supported here`);
      return;
    }
    for (const c of children(e)) expr(c as Expr);
  };
  for (const s of body) {
    if (!suspends(s)) continue;
    if (!suspendingStatements.has(s.kind) || (s.kind === 'AugAssign' && s.target.kind !== 'Name')) {
      add(s, `await or yield inside this ${s.kind} statement is not supported here`);
      continue;
    }
    for (const c of children(s)) {
      if (isStmt(c)) suspensionPlaces([c], add);
      else expr(c);
    }
  }
}

const statementKinds = new Set([
  'FunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign', 'For', 'While', 'If', 'With', 'Raise', 'Try',
  'Assert', 'Import', 'ImportFrom', 'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue',
]);

export function isStmt(n: Stmt | Expr): n is Stmt {
  return statementKinds.has(n.kind);
}

export function subsetRefusals(module: Module): Refusal[] {
  const out: Refusal[] = [];
  const add = (at: Pos, message: string) => out.push({ at, message });
  const own = programNames(module);
  namedEscapes(module, add);
  for (const n of walk(module.body)) {
    if (n.kind === 'Call' && n.func.kind === 'Attribute' && unsupportedMethods[n.func.attr] && !own.has(n.func.attr))
      add(n.func, `${unsupportedMethods[n.func.attr]}() is not supported here`);
    if (
      n.kind === 'Call' &&
      n.func.kind === 'Attribute' &&
      n.func.value.kind === 'Name' &&
      unsupportedTypeMethods.includes(`${n.func.value.id}.${n.func.attr}`) &&
      !own.has(n.func.value.id)
    )
      add(n.func, `${n.func.value.id}.${n.func.attr}() is not supported here`);
    if (n.kind === 'ClassDef')
      for (const b of n.bases) if (b.kind === 'Name' && unsupportedBases.includes(b.id) && !own.has(b.id)) add(b, `classes derived from ${b.id} are not supported here`);
    if (n.kind === 'FunctionDef' && (n.isAsync || [...walk(n.body)].some((x) => x.kind === 'Yield' || x.kind === 'YieldFrom'))) suspensionPlaces(n.body, add);
  }
  return out;
}
