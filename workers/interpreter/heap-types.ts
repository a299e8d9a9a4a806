// How types cross between replicas: builtins and the engine's own types (a lock, a socket) by
// qualified name, known to every thread; any other type name met becomes a plain type, made once.
import { exceptions } from './errors';
import { PyType, types } from './objects';

export const builtinTypes = new Map<string, PyType>(
  [...Object.entries(types), ...Object.entries(exceptions)].map(([name, t]) => [name, t]),
);

/** Types written in TypeScript outside builtins (a lock, a socket): known to every thread by qualified name. */
export function registerType(t: PyType): PyType {
  builtinTypes.set(qualifiedName(t), t);
  return t;
}

export function qualifiedName(t: PyType): string {
  return t.module === 'builtins' ? t.name : `${t.module}.${t.name}`;
}

const unknownTypes = new Map<string, PyType>();

/** A type known to every thread by qualified name, or else a plain type of that name (made once). */
export function typeNamed(name: string): PyType {
  const known = builtinTypes.get(name) ?? unknownTypes.get(name);
  if (known) return known;
  const dot = name.lastIndexOf('.');
  const t = new PyType(name.slice(dot + 1), [types.object], dot < 0 ? 'builtins' : name.slice(0, dot));
  t.mro = [t, types.object];
  unknownTypes.set(name, t);
  return t;
}

export function mroOf(t: PyType): PyType[] {
  const out: PyType[] = [];
  for (const b of t.bases) for (const k of b.mro) if (!out.includes(k)) out.push(k);
  return out;
}
