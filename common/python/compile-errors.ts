// The SyntaxErrors CPython's compiler raises after parsing (symtable.c, compile.c): statements
// out of place (return, break, yield, await), nonlocal and global misuse, repeated arguments,
// leading zeros. The parser lets these through; CPython refuses them before running anything,
// so the checker does too, with CPython's messages.
import { children, type Arguments, type Expr, type Module, type Pos, type Stmt } from './ast';
import { isStmt } from './refusals';

export interface CompileError {
  at: Pos;
  message: string;
}

type ScopeKind = 'module' | 'class' | 'function' | 'async';

interface Context {
  scope: ScopeKind;
  inLoop: boolean;
  /** The comprehension being walked (yield is not allowed there), or null. */
  comprehension: string | null;
  /** The outermost list, set or dict comprehension being walked: an await in it makes it asynchronous. */
  comprehensionAt?: Pos;
  /** In an except* handler ('loop': in a loop inside one, where break and continue stay in the loop). */
  exceptStar?: 'handler' | 'loop';
}

const exceptStarExit = "'break', 'continue' and 'return' cannot appear in an except* block";

const comprehensionNames: Record<string, string> = {
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};

/** The names a statement list binds in its own scope (not inside nested defs, classes or comprehensions). */
function boundNames(body: Stmt[]): Set<string> {
  const names = new Set<string>();
  const target = (t: Expr) => {
    if (t.kind === 'Name') names.add(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach(target);
    else if (t.kind === 'Starred') target(t.value);
  };
  const visit = (n: Stmt | Expr) => {
    switch (n.kind) {
      case 'FunctionDef':
      case 'ClassDef':
        names.add(n.name);
        return;
      case 'Lambda':
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return;
      case 'Assign':
        n.targets.forEach(target);
        break;
      case 'AugAssign':
      case 'AnnAssign':
      case 'For':
        target(n.target);
        break;
      case 'With':
        n.items.forEach((i) => i.target && target(i.target));
        break;
      case 'NamedExpr':
        target(n.target);
        break;
      case 'Delete':
        n.targets.forEach(target);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of n.names) if (a.name !== '*') names.add(a.asname ?? a.name.split('.')[0]);
        break;
      case 'Try':
        for (const h of n.handlers) if (h.name) names.add(h.name);
        break;
      default:
        break;
    }
    children(n).forEach(visit);
  };
  body.forEach(visit);
  return names;
}

/** The names a compound statement's own header binds: a for loop's target, a with's `as` names. */
function headerNames(s: Stmt): Set<string> {
  if (s.kind === 'For') return boundNames([{ ...s, body: [], orelse: [] }]);
  if (s.kind === 'With') return boundNames([{ ...s, body: [] }]);
  return new Set();
}

function parameterNames(args: Arguments): string[] {
  return [...args.posonly, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonly, ...(args.kwarg ? [args.kwarg] : [])].map((a) => a.name);
}

interface FunctionScope {
  locals: Set<string>;
  declared: Set<string>;
  parent: FunctionScope | null;
}

class Walker {
  readonly errors: CompileError[] = [];

  constructor(private readonly lines: string[]) {}

  private error(at: Pos, message: string): void {
    this.errors.push({ at, message });
  }

  /** A scope's body: global and nonlocal declarations checked against the statements before them. */
  body(body: Stmt[], ctx: Context, fn: FunctionScope | null, params: string[] = []): void {
    const used = new Map<string, 'used' | 'assigned'>();
    for (const s of body) this.declarations(s, ctx, fn, used, params);
    for (const s of body) this.stmt(s, ctx, fn);
  }

  private declarations(s: Stmt, ctx: Context, fn: FunctionScope | null, seen: Map<string, 'used' | 'assigned'>, params: string[]): void {
    if (s.kind === 'Global' || s.kind === 'Nonlocal') {
      const what = s.kind === 'Global' ? 'global' : 'nonlocal';
      if (what === 'nonlocal' && ctx.scope === 'module') return this.error(s, 'nonlocal declaration not allowed at module level');
      for (const name of s.names) {
        if (params.includes(name)) this.error(s, `name '${name}' is parameter and ${what}`);
        else if (seen.has(name)) this.error(s, `name '${name}' is ${seen.get(name) === 'assigned' ? 'assigned to before' : 'used prior to'} ${what} declaration`);
        else if (what === 'nonlocal' && !this.enclosingBinds(fn?.parent ?? null, name)) this.error(s, `no binding for nonlocal '${name}' found`);
      }
      return;
    }
    if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') {
      seen.set(s.name, 'assigned');
      return;
    }
    const compound = s.kind === 'If' || s.kind === 'While' || s.kind === 'For' || s.kind === 'With' || s.kind === 'Try';
    const assigned = compound ? headerNames(s) : boundNames([s]);
    for (const n of walkShallow(s)) {
      if (n.kind === 'Name' && !seen.has(n.id)) seen.set(n.id, assigned.has(n.id) ? 'assigned' : 'used');
    }
    for (const name of assigned) if (!seen.has(name)) seen.set(name, 'assigned');
    if (compound)
      for (const inner of [...s.body, ...('orelse' in s ? s.orelse : []), ...(s.kind === 'Try' ? [...s.handlers.flatMap((h) => h.body), ...s.finalbody] : [])])
        this.declarations(inner, ctx, fn, seen, params);
  }

  private enclosingBinds(fn: FunctionScope | null, name: string): boolean {
    for (let f = fn; f; f = f.parent) {
      if (f.locals.has(name) && !f.declared.has(name)) return true;
    }
    return false;
  }

  private stmt(s: Stmt, ctx: Context, fn: FunctionScope | null): void {
    switch (s.kind) {
      case 'FunctionDef': {
        s.decorators.forEach((d) => this.expr(d, ctx));
        this.arguments(s, s.args, ctx);
        const params = parameterNames(s.args);
        const declared = new Set(s.body.flatMap((b) => declaredNames(b)));
        const scope: FunctionScope = { locals: new Set([...params, ...boundNames(s.body)]), declared, parent: fn };
        this.body(s.body, { scope: s.isAsync ? 'async' : 'function', inLoop: false, comprehension: null }, scope, params);
        return;
      }
      case 'ClassDef':
        [...s.decorators, ...s.bases].forEach((e) => this.expr(e, ctx));
        this.body(s.body, { scope: 'class', inLoop: false, comprehension: null }, fn);
        return;
      case 'Return':
        if (ctx.scope !== 'function' && ctx.scope !== 'async') this.error(s, "'return' outside function");
        else if (ctx.exceptStar) this.error(s.value ?? s, exceptStarExit);
        break;
      case 'Break':
      case 'Continue':
        if (ctx.exceptStar === 'handler') this.error(s, exceptStarExit);
        else if (!ctx.inLoop) this.error(s, s.kind === 'Break' ? "'break' outside loop" : "'continue' not properly in loop");
        return;
      case 'For':
      case 'While': {
        [...(s.kind === 'For' ? [s.target, s.iter] : [s.test])].forEach((e) => this.expr(e, ctx));
        const exceptStar = ctx.exceptStar && 'loop';
        s.body.forEach((b) => this.stmt(b, { ...ctx, inLoop: true, exceptStar }, fn));
        s.orelse.forEach((b) => this.stmt(b, ctx, fn));
        return;
      }
      case 'Try':
        if (!s.star) break;
        s.body.forEach((b) => this.stmt(b, ctx, fn));
        for (const h of s.handlers) {
          if (h.type === null) this.error(h, 'expected one or more exception types');
          else this.expr(h.type, ctx);
          h.body.forEach((b) => this.stmt(b, { ...ctx, exceptStar: 'handler' }, fn));
        }
        [...s.orelse, ...s.finalbody].forEach((b) => this.stmt(b, ctx, fn));
        return;
      default:
        break;
    }
    for (const c of children(s)) {
      if ('kind' in c && isStmt(c)) this.stmt(c, ctx, fn);
      else this.expr(c as Expr, ctx);
    }
  }

  private arguments(at: Pos, args: Arguments, ctx: Context): void {
    const seen = new Set<string>();
    for (const name of parameterNames(args)) {
      if (seen.has(name)) this.error(at, `duplicate argument '${name}' in function definition`);
      seen.add(name);
    }
    [...args.defaults, ...args.kwDefaults.filter((d): d is Expr => d !== null)].forEach((d) => this.expr(d, ctx));
  }

  expr(e: Expr, ctx: Context): void {
    switch (e.kind) {
      case 'Yield':
      case 'YieldFrom':
        if (ctx.comprehension) this.error(e, `'yield' inside ${ctx.comprehension}`);
        else if (ctx.scope === 'module' || ctx.scope === 'class') this.error(e, "'yield' outside function");
        else if (ctx.scope === 'async' && e.kind === 'YieldFrom') this.error(e, "'yield from' inside async function");
        break;
      case 'Await':
        // CPython names the comprehension an await makes asynchronous, where it starts.
        if (ctx.scope !== 'async' && ctx.comprehensionAt) this.error(ctx.comprehensionAt, 'asynchronous comprehension outside of an asynchronous function');
        else if (ctx.scope === 'module' || ctx.scope === 'class') this.error(e, "'await' outside function");
        else if (ctx.scope !== 'async') this.error(e, "'await' outside async function");
        break;
      case 'Lambda':
        this.arguments(e, e.args, ctx);
        this.expr(e.body, { scope: 'function', inLoop: false, comprehension: null });
        return;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp': {
        const comprehensionAt = e.kind === 'GeneratorExp' ? ctx.comprehensionAt : (ctx.comprehensionAt ?? e);
        const inner = { ...ctx, comprehension: comprehensionNames[e.kind], comprehensionAt };
        e.generators.forEach((g, i) => {
          this.expr(g.iter, i === 0 ? ctx : inner);
          this.expr(g.target, inner);
          g.ifs.forEach((c) => this.expr(c, inner));
        });
        (e.kind === 'DictComp' ? [e.key, e.value] : [e.elt]).forEach((x) => this.expr(x, inner));
        return;
      }
      case 'Call': {
        if (e.args.length + e.keywords.length > 1)
          for (const a of e.args) if (a.kind === 'GeneratorExp' && !this.parenthesized(a, e.func)) this.error(a, 'Generator expression must be parenthesized');
        const seen = new Set<string>();
        for (const k of e.keywords) {
          if (k.name === null) continue;
          if (seen.has(k.name)) this.error(k, `keyword argument repeated: ${k.name}`);
          seen.add(k.name);
        }
        break;
      }
      case 'Constant':
        if (e.value.type === 'int' && /^0+[0-9]/.test(this.text(e)) && !/^0+$/.test(this.text(e).replace(/_/g, '')))
          this.error(e, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
        return;
      default:
        break;
    }
    for (const c of children(e)) this.expr(c as Expr, ctx);
  }

  /** A generator expression in a call has parentheses of its own, not only the call's. */
  private parenthesized(g: Pos, func: Pos): boolean {
    const text = this.text(g);
    const callParen = g.line === func.endLine && g.col === func.endCol;
    return !callParen && text.startsWith('(') && text.endsWith(')');
  }

  private text(p: Pos): string {
    return p.line === p.endLine ? (this.lines[p.line - 1] ?? '').slice(p.col, p.endCol) : '';
  }
}

/** Names a statement declares global or nonlocal, including in its nested blocks (not nested defs). */
function declaredNames(s: Stmt): string[] {
  if (s.kind === 'Global' || s.kind === 'Nonlocal') return s.names;
  if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') return [];
  return children(s).filter(isStmt).flatMap(declaredNames);
}

/** The expressions of a statement itself (its nested blocks are visited as statements). */
function* walkShallow(s: Stmt): Generator<Expr> {
  const stack: (Stmt | Expr)[] = children(s).filter((c) => !isStmt(c));
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'Lambda' || n.kind === 'ListComp' || n.kind === 'SetComp' || n.kind === 'DictComp' || n.kind === 'GeneratorExp') continue;
    yield n as Expr;
    stack.push(...children(n));
  }
}

export function compileErrors(module: Module): CompileError[] {
  const walker = new Walker(module.lines);
  walker.body(module.body, { scope: 'module', inLoop: false, comprehension: null }, null);
  return walker.errors;
}
