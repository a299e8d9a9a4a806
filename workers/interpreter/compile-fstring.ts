// f-strings: the pieces are joined as they are evaluated; a format spec written out in the
// source ({x:>8.2f}) is parsed once, when the f-string is compiled.
import type { Expr } from '../../common/python/ast';
import { call } from './attributes';
import type { Ctx } from './compile-context';
import { compileExpr } from './compile-expr';
import { pyError } from './errors';
import { formatValue } from './format';
import type { ExprFn } from './frame';
import { PyDerived, PyInstance, slot, typeOf, type PyValue } from './objects';
import { pyRepr, pyStr } from './text';

/** format(value, spec) including objects with __format__. */
export function formatObject(v: PyValue, spec: string): string {
  if (v instanceof PyInstance) {
    const m = slot(v, '__format__');
    if (m !== undefined && m !== objectFormat) {
      const r = call(m, [v, spec], null);
      if (typeof r !== 'string') throw pyError('TypeError', `__format__ must return a str, not ${typeOf(r).name}`);
      return r;
    }
    if (v instanceof PyDerived && typeof v.builtin !== 'object') return formatValue(v.builtin, spec);
    if (spec !== '') throw pyError('TypeError', `unsupported format string passed to ${v.type.name}.__format__`);
    return pyStr(v);
  }
  return formatValue(v, spec);
}

let objectFormat: PyValue | undefined;
export function setObjectFormat(f: PyValue): void {
  objectFormat = f;
}

/** The spec's text when it is written out in the source (no nested {fields}), else null. */
function constantSpec(spec: Expr | null): string | null {
  if (spec === null) return '';
  if (spec.kind === 'JoinedStr' && spec.values.every((v) => v.kind === 'Constant' && v.value.type === 'str'))
    return spec.values.map((v) => (v.kind === 'Constant' && v.value.type === 'str' ? v.value.value : '')).join('');
  return null;
}

export function formattedValue(ctx: Ctx, e: Expr & { kind: 'FormattedValue' }): ExprFn {
  const value = compileExpr(ctx, e.value);
  const conversion = e.conversion;
  const convert = (v: PyValue) =>
    conversion === 's' ? pyStr(v) : conversion === 'r' || conversion === 'a' ? pyRepr(v) : v;
  const fixed = constantSpec(e.formatSpec);
  if (fixed === '')
    return (f) => {
      const v = convert(value(f));
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return String(v);
      return formatObject(v, '');
    };
  if (fixed !== null) return (f) => formatObject(convert(value(f)), fixed);
  const spec = compileExpr(ctx, e.formatSpec!);
  return (f) => {
    const v = convert(value(f));
    return formatObject(v, spec(f) as string);
  };
}

export function joinedStr(ctx: Ctx, e: Expr & { kind: 'JoinedStr' }): ExprFn {
  const parts = e.values.map((v) => compileExpr(ctx, v));
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [a, b] = parts;
    return (f) => (a(f) as string) + (b(f) as string);
  }
  return (f) => {
    let out = '';
    for (const p of parts) out += p(f) as string;
    return out;
  };
}
