// Objects only the thread that made them can use: a generator or a coroutine is a suspended
// JavaScript generator, an iterator holds a JavaScript cursor, and neither can be rebuilt in
// another replica. In CPython any thread may hold a reference to one (asyncio's task list holds
// coroutines; a module global may hold a generator), so being reachable from a shared object
// must not fail. The owner keeps the real object under its sid; every other replica gets a
// ForeignObject in its place. Its type is a subclass of the real one whose own methods raise, so
// type(), isinstance, repr and identity work, and only using it (next, send, await, iteration)
// raises, naming the object and its owner.
import { setName } from './compare';
import { pyError, type PyExc } from './errors';
import { PyGenerator } from './generators';
import { PyBuiltin, PyObject, PyProperty, PyType, types, type PyValue } from './objects';

/** This replica's stand-in for an object another thread (or the parent process) owns. */
export class ForeignObject extends PyObject {
  constructor(
    private readonly type: PyType,
    /** A generator's or coroutine's qualname, which its repr shows. */
    readonly label: string | null,
    /** "thread MainThread", "the parent process". */
    readonly owner: string,
    /** Where this stand-in lives: "thread Thread-1"; null in a copy (a forked process). */
    private readonly here: () => string | null,
  ) {
    super();
  }

  get cls(): PyType {
    return this.type;
  }

  /** The type of the object it stands for. */
  get real(): PyType {
    return this.type.bases[0];
  }

  refusal(): PyExc {
    const what = this.label === null ? `'${this.type.name}' object` : `${this.type.name} '${this.label}'`;
    const here = this.here();
    const where = here === null ? '' : ` in ${here}`;
    return pyError(
      'RuntimeError',
      `cannot use ${what}${where}: it belongs to ${this.owner} ` +
        '(in GIL Lab a generator, coroutine or iterator can only be used by the thread that created it)',
    );
  }
}

/** A generator's or coroutine's qualname: what a ForeignObject of it shows. */
export function foreignLabel(v: PyObject): string | null {
  return v instanceof PyGenerator ? v.qualname : null;
}

const standIns = new Map<PyType, PyType>();

/**
 * The type a ForeignObject of `real` has: a subclass of it, made once, whose every method and
 * property of its own (not object's: repr, hash, ==) refuses a ForeignObject.
 */
export function foreignType(real: PyType): PyType {
  const known = standIns.get(real);
  if (known) return known;
  const t = new PyType(real.name, [real], real.module);
  t.qualname = real.qualname;
  t.mro = [t, ...real.mro];
  for (const base of real.mro) {
    if (base === types.object) continue;
    for (const { k: name, v } of base.dict.map.values()) {
      if (typeof name !== 'string' || t.dict.map.has(name)) continue;
      const refused = refusing(name, v);
      if (refused) setName(t.dict, name, refused);
    }
  }
  standIns.set(real, t);
  return t;
}

function refusing(name: string, v: PyValue): PyValue | undefined {
  if (v instanceof PyBuiltin) {
    const method = v.method ?? ((self, args, kwargs) => v.fn([self, ...args], kwargs));
    return new PyBuiltin(
      name,
      (args, kwargs) => (args[0] instanceof ForeignObject ? refuse(args[0]) : v.fn(args, kwargs)),
      v.owner,
      (self, args, kwargs) => (self instanceof ForeignObject ? refuse(self) : method(self, args, kwargs)),
    );
  }
  if (v instanceof PyProperty) {
    const get = refusing(name, v.fget);
    return get === undefined ? undefined : new PyProperty(get);
  }
  return undefined;
}

function refuse(o: ForeignObject): never {
  throw o.refusal();
}
