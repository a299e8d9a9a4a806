// py-ast's tree -> GIL Lab's: typed nodes with CPython's names, ints told from floats, and every
// node numbered in pre-order so that the same source compiles to the same node ids everywhere.
import type { Alias, Arg, Arguments, BinOperator, CmpOperator, Comprehension, Const, Expr, Keyword, Pos, Stmt } from './ast-nodes';

/** A py-ast node: we read it field by field, checking what we rely on. */
export interface Raw {
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
  TypeAlias: 'the type statement',
};

const unsupportedExpressions: Record<string, string> = {
  TemplateStr: 't-strings',
  Interpolation: 't-strings',
};

export class Converter {
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
      case 'TryStar':
        return {
          ...p,
          kind: 'Try',
          star: n.nodeType === 'TryStar',
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
