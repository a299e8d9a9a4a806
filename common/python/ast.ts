// Python source -> GIL Lab's syntax tree. py-ast parses (CPython-shaped nodes with positions);
// this adapter gives the checker, the interpreter and the variants one small typed tree with
// CPython's node names, tells int literals from float ones, and numbers every node so that the
// same source compiles to the same node ids in every thread and process.
import { parse as pyParse } from 'py-ast';

export interface Pos {
  /** Pre-order index of the node in its module: its node id. */
  nid: number;
  line: number;
  /** 0-based column, in UTF-16 code units (editor positions). */
  col: number;
  endLine: number;
  endCol: number;
}

export type Const =
  | { type: 'int'; value: number | bigint }
  | { type: 'float'; value: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };

export interface Arg extends Pos {
  name: string;
}

export interface Arguments {
  posonly: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonly: Arg[];
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}

export interface Keyword extends Pos {
  /** null for **mapping. */
  name: string | null;
  value: Expr;
}

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}

export interface ExceptHandler extends Pos {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface WithItem {
  context: Expr;
  target: Expr | null;
}

export interface Alias extends Pos {
  name: string;
  asname: string | null;
}

export type BinOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '|' | '^' | '&' | '@';
export type CmpOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'is' | 'is not' | 'in' | 'not in';

export type Expr = Pos &
  (
    | { kind: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
    | { kind: 'NamedExpr'; target: Expr; value: Expr }
    | { kind: 'BinOp'; left: Expr; op: BinOperator; right: Expr }
    | { kind: 'UnaryOp'; op: 'not' | '-' | '+' | '~'; operand: Expr }
    | { kind: 'Lambda'; args: Arguments; body: Expr }
    | { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
    | { kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
    | { kind: 'Set'; elts: Expr[] }
    | { kind: 'ListComp'; elt: Expr; generators: Comprehension[] }
    | { kind: 'SetComp'; elt: Expr; generators: Comprehension[] }
    | { kind: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
    | { kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
    | { kind: 'Await'; value: Expr }
    | { kind: 'Yield'; value: Expr | null }
    | { kind: 'YieldFrom'; value: Expr }
    | { kind: 'Compare'; left: Expr; ops: CmpOperator[]; comparators: Expr[] }
    | { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
    | { kind: 'FormattedValue'; value: Expr; conversion: 's' | 'r' | 'a' | null; formatSpec: Expr | null }
    | { kind: 'JoinedStr'; values: Expr[] }
    | { kind: 'Constant'; value: Const }
    | { kind: 'Attribute'; value: Expr; attr: string }
    | { kind: 'Subscript'; value: Expr; slice: Expr }
    | { kind: 'Starred'; value: Expr }
    | { kind: 'Name'; id: string }
    | { kind: 'List' | 'Tuple'; elts: Expr[] }
    | { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
    | { kind: 'Unsupported'; what: string }
  );

export type Stmt = Pos &
  (
    | { kind: 'FunctionDef'; name: string; args: Arguments; body: Stmt[]; decorators: Expr[]; isAsync: boolean }
    | { kind: 'ClassDef'; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[] }
    | { kind: 'Return'; value: Expr | null }
    | { kind: 'Delete'; targets: Expr[] }
    | { kind: 'Assign'; targets: Expr[]; value: Expr }
    | { kind: 'AugAssign'; target: Expr; op: BinOperator; value: Expr }
    | { kind: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null }
    | { kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; isAsync: boolean }
    | { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { kind: 'With'; items: WithItem[]; body: Stmt[]; isAsync: boolean }
    | { kind: 'Raise'; exc: Expr | null; cause: Expr | null }
    | { kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
    | { kind: 'Assert'; test: Expr; msg: Expr | null }
    | { kind: 'Import'; names: Alias[] }
    | { kind: 'ImportFrom'; module: string; names: Alias[]; level: number }
    | { kind: 'Global' | 'Nonlocal'; names: string[] }
    | { kind: 'Expr'; value: Expr }
    | { kind: 'Pass' | 'Break' | 'Continue' }
    | { kind: 'Unsupported'; what: string }
  );

export interface Module {
  body: Stmt[];
  /** The source's lines, for tracebacks and the editor. */
  lines: string[];
  /** How many nodes were numbered. */
  nodeCount: number;
}

export interface SyntaxProblem {
  line: number;
  col: number;
  message: string;
}

export type ParseResult = { ok: true; module: Module } | { ok: false; error: SyntaxProblem };

// ---- conversion from py-ast ----

/** A py-ast node: we read it field by field, checking what we rely on. */
interface Raw {
  nodeType: string;
  lineno?: number;
  col_offset?: number;
  end_lineno?: number;
  end_col_offset?: number;
  [field: string]: unknown;
}

const binOps: Record<string, BinOperator> = {
  Add: '+',
  Sub: '-',
  Mult: '*',
  Div: '/',
  FloorDiv: '//',
  Mod: '%',
  Pow: '**',
  LShift: '<<',
  RShift: '>>',
  BitOr: '|',
  BitXor: '^',
  BitAnd: '&',
  MatMult: '@',
};

const cmpOps: Record<string, CmpOperator> = {
  Eq: '==',
  NotEq: '!=',
  Lt: '<',
  LtE: '<=',
  Gt: '>',
  GtE: '>=',
  Is: 'is',
  IsNot: 'is not',
  In: 'in',
  NotIn: 'not in',
};

const unaryOps = { Not: 'not', USub: '-', UAdd: '+', Invert: '~' } as const;

const unsupportedStatements: Record<string, string> = {
  Match: 'the match statement',
  TryStar: 'except*',
  TypeAlias: 'the type statement',
};

const unsupportedExpressions: Record<string, string> = {
  TemplateStr: 't-strings',
  Interpolation: 't-strings',
};

class Converter {
  private nextId = 0;
  /** Byte offset -> UTF-16 column, per line (py-ast reports UTF-8 byte columns). */
  private readonly asciiLine: boolean[];

  constructor(private readonly lines: string[]) {
    // A line of ASCII only: its byte columns are its UTF-16 columns.
    this.asciiLine = lines.map((l) => !/[^\p{ASCII}]/u.test(l));
  }

  get count(): number {
    return this.nextId;
  }

  private col(line: number, byteCol: number): number {
    if (this.asciiLine[line - 1] !== false) return byteCol;
    const text = this.lines[line - 1] ?? '';
    let bytes = 0;
    let i = 0;
    while (i < text.length && bytes < byteCol) {
      const c = text.codePointAt(i)!;
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += c >= 0x10000 ? 2 : 1;
    }
    return i;
  }

  pos(n: Raw, parent?: Pos): Pos {
    const line = n.lineno ?? parent?.line ?? 1;
    const endLine = n.end_lineno ?? line;
    return {
      nid: this.nextId++,
      line,
      col: this.col(line, n.col_offset ?? parent?.col ?? 0),
      endLine,
      endCol: this.col(endLine, n.end_col_offset ?? n.col_offset ?? 0),
    };
  }

  body(list: unknown): Stmt[] {
    return (list as Raw[]).filter((s) => s.nodeType !== 'Comment').map((s) => this.stmt(s));
  }

  stmt(n: Raw): Stmt {
    const p = this.pos(n);
    const e = (field: string) => this.expr(n[field] as Raw);
    const opt = (field: string) => (n[field] ? this.expr(n[field] as Raw) : null);
    switch (n.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        if ((n.type_params as unknown[] | undefined)?.length) return { ...p, kind: 'Unsupported', what: 'type parameters' };
        return {
          ...p,
          kind: 'FunctionDef',
          name: n.name as string,
          args: this.arguments(n.args as Raw, p),
          body: this.body(n.body),
          decorators: (n.decorator_list as Raw[]).map((d) => this.expr(d)),
          isAsync: n.nodeType === 'AsyncFunctionDef',
        };
      }
      case 'ClassDef':
        return {
          ...p,
          kind: 'ClassDef',
          name: n.name as string,
          bases: (n.bases as Raw[]).map((b) => this.expr(b)),
          keywords: (n.keywords as Raw[]).map((k) => this.keyword(k, p)),
          body: this.body(n.body),
          decorators: (n.decorator_list as Raw[]).map((d) => this.expr(d)),
        };
      case 'Return':
        return { ...p, kind: 'Return', value: opt('value') };
      case 'Delete':
        return { ...p, kind: 'Delete', targets: (n.targets as Raw[]).map((t) => this.expr(t)) };
      case 'Assign':
        return { ...p, kind: 'Assign', targets: (n.targets as Raw[]).map((t) => this.expr(t)), value: e('value') };
      case 'AugAssign':
        return { ...p, kind: 'AugAssign', target: e('target'), op: binOps[(n.op as Raw).nodeType], value: e('value') };
      case 'AnnAssign':
        return { ...p, kind: 'AnnAssign', target: e('target'), annotation: e('annotation'), value: opt('value') };
      case 'For':
      case 'AsyncFor':
        return {
          ...p,
          kind: 'For',
          target: e('target'),
          iter: e('iter'),
          body: this.body(n.body),
          orelse: this.body(n.orelse),
          isAsync: n.nodeType === 'AsyncFor',
        };
      case 'While':
        return { ...p, kind: 'While', test: e('test'), body: this.body(n.body), orelse: this.body(n.orelse) };
      case 'If':
        return { ...p, kind: 'If', test: e('test'), body: this.body(n.body), orelse: this.body(n.orelse) };
      case 'With':
      case 'AsyncWith':
        return {
          ...p,
          kind: 'With',
          items: (n.items as Raw[]).map((i) => ({
            context: this.expr(i.context_expr as Raw),
            target: i.optional_vars ? this.expr(i.optional_vars as Raw) : null,
          })),
          body: this.body(n.body),
          isAsync: n.nodeType === 'AsyncWith',
        };
      case 'Raise':
        return { ...p, kind: 'Raise', exc: opt('exc'), cause: opt('cause') };
      case 'Try':
        return {
          ...p,
          kind: 'Try',
          body: this.body(n.body),
          handlers: (n.handlers as Raw[]).map((h) => ({
            ...this.pos(h, p),
            type: h.type ? this.expr(h.type as Raw) : null,
            name: (h.name as string | undefined) ?? null,
            body: this.body(h.body),
          })),
          orelse: this.body(n.orelse),
          finalbody: this.body(n.finalbody),
        };
      case 'Assert':
        return { ...p, kind: 'Assert', test: e('test'), msg: opt('msg') };
      case 'Import':
        return { ...p, kind: 'Import', names: (n.names as Raw[]).map((a) => this.alias(a, p)) };
      case 'ImportFrom':
        return {
          ...p,
          kind: 'ImportFrom',
          module: (n.module as string | undefined) ?? '',
          names: (n.names as Raw[]).map((a) => this.alias(a, p)),
          level: (n.level as number | undefined) ?? 0,
        };
      case 'Global':
      case 'Nonlocal':
        return { ...p, kind: n.nodeType, names: n.names as string[] };
      case 'Expr':
        return { ...p, kind: 'Expr', value: e('value') };
      case 'Pass':
      case 'Break':
      case 'Continue':
        return { ...p, kind: n.nodeType };
      default:
        return { ...p, kind: 'Unsupported', what: unsupportedStatements[n.nodeType] ?? `the ${n.nodeType} statement` };
    }
  }

  private alias(a: Raw, parent: Pos): Alias {
    return { ...this.pos(a, parent), name: a.name as string, asname: (a.asname as string | undefined) ?? null };
  }

  private keyword(k: Raw, parent: Pos): Keyword {
    return { ...this.pos(k, parent), name: (k.arg as string | undefined) ?? null, value: this.expr(k.value as Raw) };
  }

  private arguments(a: Raw, parent: Pos): Arguments {
    const arg = (x: Raw): Arg => ({ ...this.pos(x, parent), name: x.arg as string });
    return {
      posonly: (a.posonlyargs as Raw[]).map(arg),
      args: (a.args as Raw[]).map(arg),
      vararg: a.vararg ? arg(a.vararg as Raw) : null,
      kwonly: (a.kwonlyargs as Raw[]).map(arg),
      kwDefaults: (a.kw_defaults as (Raw | null)[]).map((d) => (d ? this.expr(d) : null)),
      kwarg: a.kwarg ? arg(a.kwarg as Raw) : null,
      defaults: (a.defaults as Raw[]).map((d) => this.expr(d)),
    };
  }

  private comprehensions(list: unknown): Comprehension[] {
    return (list as Raw[]).map((g) => ({
      target: this.expr(g.target as Raw),
      iter: this.expr(g.iter as Raw),
      ifs: (g.ifs as Raw[]).map((i) => this.expr(i)),
      isAsync: Boolean(g.is_async),
    }));
  }

  expr(n: Raw): Expr {
    const p = this.pos(n);
    const e = (field: string) => this.expr(n[field] as Raw);
    const opt = (field: string) => (n[field] ? this.expr(n[field] as Raw) : null);
    const list = (field: string) => (n[field] as Raw[]).map((x) => this.expr(x));
    switch (n.nodeType) {
      case 'BoolOp':
        return { ...p, kind: 'BoolOp', op: (n.op as Raw).nodeType === 'And' ? 'and' : 'or', values: list('values') };
      case 'NamedExpr':
        return { ...p, kind: 'NamedExpr', target: e('target'), value: e('value') };
      case 'BinOp':
        return { ...p, kind: 'BinOp', left: e('left'), op: binOps[(n.op as Raw).nodeType], right: e('right') };
      case 'UnaryOp':
        return { ...p, kind: 'UnaryOp', op: unaryOps[(n.op as Raw).nodeType as keyof typeof unaryOps], operand: e('operand') };
      case 'Lambda':
        return { ...p, kind: 'Lambda', args: this.arguments(n.args as Raw, p), body: e('body') };
      case 'IfExp':
        return { ...p, kind: 'IfExp', test: e('test'), body: e('body'), orelse: e('orelse') };
      case 'Dict':
        return { ...p, kind: 'Dict', keys: (n.keys as (Raw | null)[]).map((k) => (k ? this.expr(k) : null)), values: list('values') };
      case 'Set':
        return { ...p, kind: 'Set', elts: list('elts') };
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        return { ...p, kind: n.nodeType as 'ListComp', elt: e('elt'), generators: this.comprehensions(n.generators) };
      case 'DictComp':
        return { ...p, kind: 'DictComp', key: e('key'), value: e('value'), generators: this.comprehensions(n.generators) };
      case 'Await':
        return { ...p, kind: 'Await', value: e('value') };
      case 'Yield':
        return { ...p, kind: 'Yield', value: opt('value') };
      case 'YieldFrom':
        return { ...p, kind: 'YieldFrom', value: e('value') };
      case 'Compare':
        return {
          ...p,
          kind: 'Compare',
          left: e('left'),
          ops: (n.ops as Raw[]).map((o) => cmpOps[o.nodeType]),
          comparators: list('comparators'),
        };
      case 'Call':
        return { ...p, kind: 'Call', func: e('func'), args: list('args'), keywords: (n.keywords as Raw[]).map((k) => this.keyword(k, p)) };
      case 'FormattedValue': {
        const c = n.conversion as number;
        return {
          ...p,
          kind: 'FormattedValue',
          value: e('value'),
          conversion: c === 115 ? 's' : c === 114 ? 'r' : c === 97 ? 'a' : null,
          formatSpec: opt('format_spec'),
        };
      }
      case 'JoinedStr':
        return { ...p, kind: 'JoinedStr', values: list('values') };
      case 'Constant':
        if (typeof n.value === 'object' && n.value !== null) return { ...p, kind: 'Unsupported', what: 'complex numbers' };
        return { ...p, kind: 'Constant', value: this.constant(n, p) };
      case 'Attribute':
        return { ...p, kind: 'Attribute', value: e('value'), attr: n.attr as string };
      case 'Subscript':
        return { ...p, kind: 'Subscript', value: e('value'), slice: e('slice') };
      case 'Starred':
        return { ...p, kind: 'Starred', value: e('value') };
      case 'Name':
        return { ...p, kind: 'Name', id: n.id as string };
      case 'List':
      case 'Tuple':
        return { ...p, kind: n.nodeType, elts: list('elts') };
      case 'Slice':
        return { ...p, kind: 'Slice', lower: opt('lower'), upper: opt('upper'), step: opt('step') };
      default:
        return { ...p, kind: 'Unsupported', what: unsupportedExpressions[n.nodeType] ?? `the ${n.nodeType} expression` };
    }
  }

  private constant(n: Raw, p: Pos): Const {
    const v = n.value;
    const quote = n.quote_style as string | undefined;
    if (typeof v === 'string') {
      if (quote === undefined && v === '...') return { type: 'Ellipsis' };
      if (quote !== undefined && /^[rR]?[bB]|^[bB][rR]?/.test(quote)) return { type: 'bytes', value: v };
      return { type: 'str', value: v };
    }
    if (typeof v === 'boolean') return { type: 'bool', value: v };
    if (v === null || v === undefined) return { type: 'None' };
    if (typeof v === 'bigint') return { type: 'int', value: v };
    if (typeof v === 'number') {
      // py-ast reads 1 and 1.0 both as 1: the source text says which it was.
      const text = this.sourceText(p);
      const isFloat = /^[0-9_]*\.|[eE]/.test(text) && !/^0[xXoObB]/.test(text);
      if (isFloat || !Number.isInteger(v)) return { type: 'float', value: v };
      return { type: 'int', value: Number.isSafeInteger(v) ? v : BigInt(text.replace(/_/g, '')) };
    }
    return { type: 'None' };
  }

  private sourceText(p: Pos): string {
    if (p.line !== p.endLine) return '';
    return (this.lines[p.line - 1] ?? '').slice(p.col, p.endCol);
  }
}

function friendlySyntaxError(message: string, lines: string[], line: number): string {
  const text = (lines[line - 1] ?? '').trim();
  if (/^print\s+[^(=\s]/.test(text)) return "Missing parentheses in call to 'print'. Did you mean print(...)?";
  if (/^exec\s+[^(=\s]/.test(text)) return "Missing parentheses in call to 'exec'. Did you mean exec(...)?";
  return message.replace(/ at line \d+(, column \d+)?$/, '');
}

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
      error: { line, col: Math.max(0, (e.col_offset ?? 1) - 1), message: friendlySyntaxError(e.message ?? 'invalid syntax', lines, line) },
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
