// Checks a program before anything runs: it must parse, and every statement, module and name
// it uses must be one GIL Lab runs as CPython does. Each problem names its line, for the editor
// (under the line) and the CLI (`gil-lab check`).
import { children, parseModule, walk, type Expr, type Module, type Stmt } from './ast';
import { compileErrors } from './compile-errors';
import { fstringProblems } from './fstrings';
import { programNames, subsetRefusals } from './refusals';
import { moduleList, refusedBuiltins, refusedModuleNames, supportedModules } from './subset';
import { syntaxHint } from './syntax-hints';

export interface Problem {
  line: number;
  /** 0-based column and end, in UTF-16 units (editor positions). */
  col: number;
  endLine: number;
  endCol: number;
  message: string;
}

export type CheckResult = { ok: true; module: Module } | { ok: false; problems: Problem[]; module: Module | null };

/** The largest program accepted, in characters. */
export const maxSourceLength = 256 * 1024;

function problemAt(n: { line: number; col: number; endLine: number; endCol: number }, message: string): Problem {
  return { line: n.line, col: n.col, endLine: n.endLine, endCol: n.endCol, message };
}

/** A module name the program imports, checked against the subset. */
function checkModuleName(name: string): string | null {
  if (supportedModules[name]) return null;
  const top = name.split('.')[0];
  if (top === 'ctypes') return "ctypes is not available here — give multiprocessing.Value and Array a typecode instead: Value('i', 0), Array('d', 10)";
  const known = ['numpy', 'pandas', 'requests', 'scipy', 'matplotlib', 'torch', 'tensorflow'].includes(top);
  return `${name} is not a module GIL Lab can run${known ? ' (third-party modules are not available)' : ''} — supported: ${moduleList()}`;
}

export function checkProgram(source: string): CheckResult {
  if (source.length > maxSourceLength)
    return { ok: false, module: null, problems: [{ line: 1, col: 0, endLine: 1, endCol: 0, message: `the program is too long: ${source.length} characters, at most ${maxSourceLength}` }] };
  const parsed = parseModule(source);
  if (!parsed.ok) {
    // CPython's tokenizer names an unclosed bracket where it opened, the parser only where it gave
    // up; an f-string 3.11 cannot read is what CPython reports first.
    const fstring = fstringProblems(source.split(/\r\n|\r|\n/)).find((p) => p.line <= parsed.error.line);
    const { line, col, message } = syntaxHint(source) ?? fstring ?? parsed.error;
    const kind = /^(expected an indented block|unexpected indent|unindent)/.test(message) ? 'IndentationError' : 'SyntaxError';
    return { ok: false, module: null, problems: [{ line, col, endLine: line, endCol: col + 1, message: `${kind}: ${message}` }] };
  }
  const module = parsed.module;
  const problems: Problem[] = [];
  const add = (n: Stmt | Expr | { line: number; col: number; endLine: number; endCol: number }, message: string) => problems.push(problemAt(n, message));
  /** Names bound to imported modules, at module level: their attributes are checked too. */
  const moduleAliases = new Map<string, string>();
  const own = programNames(module);
  for (const e of compileErrors(module)) add(e.at, `SyntaxError: ${e.message}`);
  for (const p of fstringProblems(module.lines)) add({ line: p.line, col: p.col, endLine: p.line, endCol: p.col + 1 }, `SyntaxError: ${p.message}`);
  for (const r of subsetRefusals(module)) add(r.at, r.message);
  const called = new Set<Expr>();

  for (const n of walk(module.body)) {
    switch (n.kind) {
      case 'Unsupported':
        add(n, `${n.what} is not supported here`);
        break;
      case 'Import':
        for (const a of n.names) {
          const why = checkModuleName(a.name);
          if (why) add(a, why);
          else moduleAliases.set(a.asname ?? a.name.split('.')[0], a.asname ? a.name : a.name.split('.')[0]);
        }
        break;
      case 'ImportFrom': {
        if (n.level > 0) {
          add(n, 'relative imports are not supported here');
          break;
        }
        const why = checkModuleName(n.module);
        if (why) {
          add(n, why);
          break;
        }
        const names = supportedModules[n.module];
        for (const a of n.names) {
          if (a.name === '*') continue;
          const sub = `${n.module}.${a.name}`;
          if (refusedModuleNames[sub]) add(a, `${sub}: ${refusedModuleNames[sub]}`);
          else if (!names.includes(a.name) && !supportedModules[sub]) add(a, `${n.module}.${a.name} is not supported here — ${n.module} provides: ${names.join(', ')}`);
          else if (supportedModules[sub]) moduleAliases.set(a.asname ?? a.name, sub);
        }
        break;
      }
      case 'Attribute': {
        if (n.value.kind !== 'Name') break;
        const mod = moduleAliases.get(n.value.id);
        if (!mod) break;
        const names = supportedModules[mod];
        if (refusedModuleNames[`${mod}.${n.attr}`]) add(n, `${mod}.${n.attr}: ${refusedModuleNames[`${mod}.${n.attr}`]}`);
        else if (!names.includes(n.attr) && !supportedModules[`${mod}.${n.attr}`]) add(n, `${mod}.${n.attr} is not supported here — ${mod} provides: ${names.join(', ')}`);
        break;
      }
      case 'Call':
        if (n.func.kind === 'Name' && refusedBuiltins[n.func.id] && !own.has(n.func.id)) {
          called.add(n.func);
          add(n.func, `${n.func.id}() is not supported here (${refusedBuiltins[n.func.id]})`);
        }
        break;
      case 'Name':
        if (refusedBuiltins[n.id] && !own.has(n.id) && !called.has(n)) add(n, `${n.id} is not supported here (${refusedBuiltins[n.id]})`);
        break;
      case 'For':
        if (n.isAsync) add(n, "'async for' is not supported here");
        break;
      case 'ClassDef':
        if (n.keywords.some((k) => k.name === null)) add(n, 'class keywords from **mapping are not supported here');
        break;
      case 'BinOp':
        if (n.op === '@') add(n, 'the @ operator is not supported here');
        break;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        for (const g of n.generators) if (g.isAsync) add(n, "'async for' in a comprehension is not supported here");
        if (n.kind === 'GeneratorExp')
          for (const x of walk([n.elt] as unknown as Stmt[]))
            if (x.kind === 'Await') add(x, 'await inside a generator expression (an asynchronous generator) is not supported here');
        break;
      case 'FunctionDef':
        if (n.isAsync && yieldsOf(n))
          add(n, 'asynchronous generators (yield inside async def) are not supported here');
        break;
      default:
        break;
    }
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return problems.length > 0 ? { ok: false, problems, module } : { ok: true, module };
}

/**
 * Whether the function itself yields: a yield in a function, lambda, class or comprehension it
 * holds is theirs (but not one in what the enclosing function evaluates for them: decorators,
 * defaults, bases, a comprehension's first iterable).
 */
function yieldsOf(f: Stmt & { kind: 'FunctionDef' }): boolean {
  const search = (n: Stmt | Expr | null | undefined): boolean => {
    if (!n) return false;
    switch (n.kind) {
      case 'Yield':
      case 'YieldFrom':
        return true;
      case 'FunctionDef':
        return n.decorators.some(search) || n.args.defaults.some(search) || n.args.kwDefaults.some(search);
      case 'Lambda':
        return n.args.defaults.some(search) || n.args.kwDefaults.some(search);
      case 'ClassDef':
        return n.decorators.some(search) || n.bases.some(search) || n.keywords.some((k) => search(k.value));
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return search(n.generators[0]?.iter);
      default:
        return children(n).some(search);
    }
  };
  return f.body.some(search);
}

/** One line per problem, as the CLI prints them: `line 3: …`. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `line ${p.line}: ${p.message}`).join('\n');
}
