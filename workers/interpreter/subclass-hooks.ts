// isinstance() and issubclass() as CPython's PyObject_IsInstance/IsSubclass: a class whose
// metaclass defines __instancecheck__ / __subclasscheck__ (abc.ABCMeta does, for registered
// virtual subclasses) decides for itself; otherwise the class's mro does.
import { call } from './attributes';
import { truthy } from './compare';
import { pyError } from './errors';
import { lookupType, PyTuple, PyType, typeOf, types, type PyValue } from './objects';
import { isInstance } from './operators';

function hook(t: PyValue, name: string): PyValue | undefined {
  if (!(t instanceof PyType)) return undefined;
  const meta = typeOf(t);
  return meta === types.type ? undefined : lookupType(meta, name);
}

export function instanceCheck(v: PyValue, t: PyValue): boolean {
  if (typeOf(v) === t) return true;
  if (t instanceof PyTuple) return t.items.some((x) => instanceCheck(v, x));
  const h = hook(t, '__instancecheck__');
  return h === undefined ? isInstance(v, t) : truthy(call(h, [t, v], null));
}

export function subclassCheck(c: PyValue, t: PyValue): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => subclassCheck(c, x));
  const h = hook(t, '__subclasscheck__');
  if (h !== undefined) return truthy(call(h, [t, c], null));
  if (!(c instanceof PyType)) throw pyError('TypeError', 'issubclass() arg 1 must be a class');
  return t instanceof PyType && c.mro.includes(t);
}
