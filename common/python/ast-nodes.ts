// GIL Lab's syntax tree: CPython's node names, with positions and node ids (see ast.ts).
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
    /** star: the handlers are `except*` ones (ast.TryStar). */
    | { kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[]; star: boolean }
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
