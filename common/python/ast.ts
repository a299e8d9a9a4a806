// Python source -> GIL Lab's syntax tree. py-ast parses (CPython-shaped nodes with positions);
// this adapter gives the checker, the interpreter and the variants one small typed tree with
// CPython's node names, tells int literals from float ones, and numbers every node so that the
// same source compiles to the same node ids in every thread and process.
import { parse as pyParse } from 'py-ast';
import { Converter, type Raw } from './ast-convert';
import type { Arguments, Comprehension, Expr, ParseResult, Stmt } from './ast-nodes';
import { cpythonSyntaxMessage } from './syntax-messages';

export type * from './ast-nodes';

export function parseModule(source: string): ParseResult {
  const lines = source.split(/\r\n|\r|\n/);
  let raw: Raw;
  try {
    raw = pyParse(source) as unknown as Raw;
  } catch (error) {
    const e = error as { message?: string; lineno?: number; col_offset?: number };
    const line = e.lineno ?? 1;
    return {
      ok: false,
      error: { line, col: Math.max(0, (e.col_offset ?? 1) - 1), message: cpythonSyntaxMessage(e.message ?? 'invalid syntax', lines, line) },
    };
  }
  const converter = new Converter(lines);
  const body = converter.body(raw.body);
  return { ok: true, module: { body, lines, nodeCount: converter.count } };
}

/** Every expression and statement below `node`, depth first (nested function bodies included). */
export function* walk(node: Stmt | Expr | Stmt[]): Generator<Stmt | Expr> {
  if (Array.isArray(node)) {
    for (const s of node) yield* walk(s);
    return;
  }
  yield node;
  for (const child of children(node)) yield* walk(child);
}

/** The direct child statements and expressions of a node. */
export function children(n: Stmt | Expr): (Stmt | Expr)[] {
  const out: (Stmt | Expr)[] = [];
  const push = (...xs: (Stmt | Expr | null | undefined)[]) => {
    for (const x of xs) if (x) out.push(x);
  };
  const args = (a: Arguments) => push(...a.defaults, ...a.kwDefaults);
  const gens = (g: Comprehension[]) => g.forEach((c) => push(c.iter, c.target, ...c.ifs));
  switch (n.kind) {
    case 'FunctionDef':
      push(...n.decorators);
      args(n.args);
      push(...n.body);
      break;
    case 'ClassDef':
      push(...n.decorators, ...n.bases, ...n.keywords.map((k) => k.value), ...n.body);
      break;
    case 'Return':
      push(n.value);
      break;
    case 'Delete':
      push(...n.targets);
      break;
    case 'Assign':
      push(...n.targets, n.value);
      break;
    case 'AugAssign':
      push(n.target, n.value);
      break;
    case 'AnnAssign':
      push(n.target, n.annotation, n.value);
      break;
    case 'For':
      push(n.target, n.iter, ...n.body, ...n.orelse);
      break;
    case 'While':
    case 'If':
      push(n.test, ...n.body, ...n.orelse);
      break;
    case 'With':
      n.items.forEach((i) => push(i.context, i.target));
      push(...n.body);
      break;
    case 'Raise':
      push(n.exc, n.cause);
      break;
    case 'Try':
      push(...n.body);
      n.handlers.forEach((h) => push(h.type, ...h.body));
      push(...n.orelse, ...n.finalbody);
      break;
    case 'Assert':
      push(n.test, n.msg);
      break;
    case 'Expr':
      push(n.value);
      break;
    case 'BoolOp':
      push(...n.values);
      break;
    case 'NamedExpr':
      push(n.target, n.value);
      break;
    case 'BinOp':
      push(n.left, n.right);
      break;
    case 'UnaryOp':
      push(n.operand);
      break;
    case 'Lambda':
      args(n.args);
      push(n.body);
      break;
    case 'IfExp':
      push(n.test, n.body, n.orelse);
      break;
    case 'Dict':
      push(...n.keys, ...n.values);
      break;
    case 'Set':
    case 'List':
    case 'Tuple':
      push(...n.elts);
      break;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      gens(n.generators);
      push(n.elt);
      break;
    case 'DictComp':
      gens(n.generators);
      push(n.key, n.value);
      break;
    case 'Await':
    case 'YieldFrom':
    case 'Starred':
    case 'Attribute':
      push(n.value);
      break;
    case 'Yield':
      push(n.value);
      break;
    case 'Compare':
      push(n.left, ...n.comparators);
      break;
    case 'Call':
      push(n.func, ...n.args, ...n.keywords.map((k) => k.value));
      break;
    case 'FormattedValue':
      push(n.value, n.formatSpec);
      break;
    case 'JoinedStr':
      push(...n.values);
      break;
    case 'Subscript':
      push(n.value, n.slice);
      break;
    case 'Slice':
      push(n.lower, n.upper, n.step);
      break;
    default:
      break;
  }
  return out;
}
