// Attribute lookup (descriptors, MRO, modules, super) and calls of every callable.
import {
  type Kwargs,
  lookupType,
  PyBoundMethod,
  PyBuiltin,
  PyClassMethod,
  PyDerived,
  PyDict,
  PyFunction,
  PyInstance,
  PyModule,
  PyObject,
  PyProperty,
  PyStaticMethod,
  PySuper,
  PyTuple,
  PyType,
  type PyValue,
  typeOf,
  types,
} from './objects';
import { exceptionArgs, exceptions, isExceptionType, pyError, PyExc, systemExitCode } from './errors';
import { dictSet, setName } from './compare';
import { mutate } from './mutations';
import { closestName, offerSuggestion } from './suggestions';

/** Binds what a class attribute lookup found to an instance, as descriptors do. */
function bind(found: PyValue, self: PyValue, owner: PyType): PyValue {
  if (found instanceof PyFunction) return new PyBoundMethod(self, found);
  if (found instanceof PyBuiltin && (found.method !== null || owner.module === 'builtins'))
    return new PyBoundMethod(selfFor(self, owner), found);
  if (found instanceof PyStaticMethod) return found.func;
  if (found instanceof PyClassMethod) return new PyBoundMethod(typeOf(self), found.func);
  if (found instanceof PyProperty) {
    if (found.fget === null)
      throw pyError('AttributeError', `property '${found.name ?? '?'}' of '${typeOf(self).name}' object has no getter`);
    return call(found.fget, [self], null);
  }
  return found;
}

/** A method of int, str, dict or list gets the value an instance of a class derived from it holds. */
function selfFor(self: PyValue, owner: PyType): PyValue {
  return self instanceof PyDerived && isBuiltinBase(owner) ? self.builtin : self;
}

/** The builtin types a class written in Python may derive from, whose instances then hold the builtin value (PyDerived). */
export function isBuiltinBase(t: PyType): boolean {
  return t === types.int || t === types.str || t === types.dict || t === types.list;
}

function ownerOf(t: PyType, name: string): PyType {
  for (const k of t.mro) if (k.dict.map.has(name)) return k;
  return t;
}

/** The attribute, or undefined when there is none (no exception). */
export function findAttr(obj: PyValue, name: string): PyValue | undefined {
  if (obj instanceof PyModule) return obj.dict.map.get(name)?.v;
  if (obj instanceof PyType) return typeAttr(obj, name);
  if (obj instanceof PySuper) return superAttr(obj, name);
  const t = typeOf(obj);
  const found = lookupType(t, name);
  if (found instanceof PyProperty) return bind(found, obj, t);
  if (obj instanceof PyInstance) {
    const own = obj.dict.map.get(name);
    if (own) return own.v;
  } else if (obj instanceof PyFunction) {
    const own = obj.dict?.map.get(name);
    if (own) return own.v;
    if (name === '__name__') return obj.name;
    if (name === '__qualname__') return obj.qualname;
    if (name === '__module__') return obj.module;
    if (name === '__doc__') return obj.code.doc;
  }
  if (found !== undefined) return bind(found, obj, ownerOf(t, name));
  if (name === '__class__') return t;
  if (obj instanceof PyBuiltin && (name === '__name__' || name === '__qualname__')) return obj.name;
  if (obj instanceof PyBoundMethod && (name === '__name__' || name === '__qualname__' || name === '__doc__')) return findAttr(obj.func, name);
  if (obj instanceof PyBoundMethod && name === '__self__') return obj.self;
  if (name === '__dict__' && obj instanceof PyInstance) return obj.dict;
  if (obj instanceof PyInstance && isExceptionType(obj.type)) {
    const v = exceptionAttr(obj, name);
    if (v !== undefined) return v;
  }
  if (obj instanceof PyBuiltin || obj instanceof PyBoundMethod) {
    const v = callableAttr(obj, name);
    if (v !== undefined) return v;
  }
  if (obj instanceof PyInstance) {
    const getattr = lookupType(obj.type, '__getattr__');
    if (getattr !== undefined) return call(getattr, [obj, name], null);
  }
  return undefined;
}

/** What every exception has before anything sets it. */
function exceptionAttr(e: PyInstance, name: string): PyValue | undefined {
  switch (name) {
    case 'args':
      return new PyTuple(exceptionArgs(e));
    case '__cause__':
    case '__context__':
    case '__traceback__':
      return null;
    case '__suppress_context__':
      return false;
    case 'code':
      return e.type.mro.includes(exceptions.SystemExit) ? systemExitCode(e) : undefined;
    case 'errno':
    case 'strerror':
    case 'filename':
    case 'filename2':
      return e.type.mro.includes(exceptions.OSError) ? null : undefined;
    default:
      return undefined;
  }
}

function callableAttr(f: PyBuiltin | PyBoundMethod, name: string): PyValue | undefined {
  if (f instanceof PyBoundMethod) {
    if (name === '__self__') return f.self;
    if (name === '__func__') return f.func;
    return name === '__name__' || name === '__qualname__' || name === '__module__' || name === '__doc__'
      ? findAttr(f.func, name)
      : undefined;
  }
  if (name === '__name__') return f.name;
  if (name === '__qualname__') return f.owner === 'builtins' || f.owner === 'math' ? f.name : `${f.owner}.${f.name}`;
  if (name === '__module__') return f.owner === 'builtins' || f.owner === 'math' ? f.owner : null;
  return undefined;
}

function typeAttr(t: PyType, name: string): PyValue | undefined {
  if (name === '__name__') return t.name;
  if (name === '__qualname__') return t.qualname;
  if (name === '__module__') return t.module;
  if (name === '__mro__') return new PyTuple(t.mro);
  if (name === '__bases__') return new PyTuple(t.bases);
  if (name === '__dict__') return t.dict;
  if (name === '__class__') return t.cls;
  const found = lookupType(t, name);
  if (found instanceof PyClassMethod) return new PyBoundMethod(t, found.func);
  if (found instanceof PyStaticMethod) return found.func;
  if (found !== undefined) return found;
  const metaclass = t.cls;
  const meta = lookupType(metaclass, name);
  if (meta !== undefined) return bind(meta, t, ownerOf(metaclass, name));
  if (t.metaclass !== null) {
    const getattr = lookupType(t.metaclass, '__getattr__');
    if (getattr !== undefined) return call(getattr, [t, name], null);
  }
  return undefined;
}

/**
 * super(thisType, obj).name: along obj's MRO when obj is a subclass of thisType (unbound, as in
 * a classmethod or __new__), else along type(obj)'s (bound: a method of a metaclass gets the class).
 */
function superAttr(s: PySuper, name: string): PyValue | undefined {
  const ofClass = s.obj instanceof PyType && s.obj.mro.includes(s.thisType);
  const start = ofClass ? (s.obj as PyType).mro : typeOf(s.obj).mro;
  const mro = start.slice(start.indexOf(s.thisType) + 1);
  for (const k of mro) {
    const entry = k.dict.map.get(name);
    if (!entry) continue;
    if (!ofClass) return bind(entry.v, s.obj, k);
    if (entry.v instanceof PyClassMethod) return new PyBoundMethod(s.obj, entry.v.func);
    // Implicit classmethods, as type.__new__ makes them.
    if (name === '__init_subclass__' || name === '__class_getitem__') return new PyBoundMethod(s.obj, entry.v);
    return entry.v instanceof PyStaticMethod ? entry.v.func : entry.v;
  }
  return undefined;
}

export function getAttr(obj: PyValue, name: string): PyValue {
  const v = findAttr(obj, name);
  if (v !== undefined) return v;
  throw attributeError(obj, name);
}

export function attributeError(obj: PyValue, name: string): PyExc {
  const exc =
    obj instanceof PyModule
      ? pyError('AttributeError', `module '${obj.name}' has no attribute '${name}'`)
      : obj instanceof PyType
        ? pyError('AttributeError', `type object '${obj.name}' has no attribute '${name}'`)
        : pyError('AttributeError', `'${typeOf(obj).name}' object has no attribute '${name}'`);
  setName(exc.value.dict, 'name', name);
  setName(exc.value.dict, 'obj', obj);
  offerSuggestion(exc.value, () => closestName(name, attributeNames(obj)));
  return exc;
}

/** dir(obj), sorted: the names an AttributeError's suggestion is chosen from. */
export function attributeNames(obj: PyValue): string[] {
  const names = new Set<string>();
  const add = (d: PyDict | null) => {
    if (d) for (const k of d.map.keys()) if (typeof k === 'string') names.add(k);
  };
  if (obj instanceof PyModule) add(obj.dict);
  else {
    if (obj instanceof PyInstance || obj instanceof PyFunction) add(obj.dict);
    for (const t of obj instanceof PyType ? obj.mro : typeOf(obj).mro) add(t.dict);
  }
  return [...names].sort();
}

export function setAttr(obj: PyValue, name: string, value: PyValue): void {
  if (obj instanceof PyInstance || (obj instanceof PyType && obj.metaclass !== null)) {
    const setattr = lookupType(obj.cls, '__setattr__');
    if (setattr !== undefined && setattr !== objectSetattr) {
      call(setattr, [obj, name, value], null);
      return;
    }
  }
  genericSetAttr(obj, name, value);
}

/** object.__setattr__: properties, then the instance's own dict. */
export function genericSetAttr(obj: PyValue, name: string, value: PyValue): void {
  if (obj instanceof PyInstance) {
    const found = lookupType(obj.type, name);
    if (found instanceof PyProperty) {
      if (found.fset === null)
        throw pyError('AttributeError', `property '${found.name ?? name}' of '${obj.type.name}' object has no setter`);
      call(found.fset, [obj, value], null);
      return;
    }
    mutate.setAttr(obj, name, value);
    return;
  }
  if (obj instanceof PyType && obj.module === 'builtins') throw immutableType(obj, name);
  if (obj instanceof PyType && typeof value === 'string' && (name === '__name__' || name === '__qualname__' || name === '__module__')) {
    // As type's own setters do (collections.namedtuple names the classes it makes).
    if (name === '__name__') obj.name = value;
    else if (name === '__qualname__') obj.qualname = value;
    else obj.module = value;
    return;
  }
  if (obj instanceof PyModule || obj instanceof PyType) {
    mutate.setAttr(obj, name, value);
    return;
  }
  if (obj instanceof PyFunction) {
    obj.dict ??= new PyDict();
    dictSet(obj.dict, name, value);
    return;
  }
  throw pyError('AttributeError', `'${typeOf(obj).name}' object has no attribute '${name}'`);
}

let objectSetattr: PyValue | undefined;
export function setObjectSetattr(f: PyValue): void {
  objectSetattr = f;
}

export function isObjectSetattr(f: PyValue | undefined): boolean {
  return f === objectSetattr;
}

/** Builtin types do not change once made (which lets lookups of their methods be cached for good). */
function immutableType(t: PyType, name: string): PyExc {
  return pyError('TypeError', `cannot set '${name}' attribute of immutable type '${t.name}'`);
}

export function delAttr(obj: PyValue, name: string): void {
  if (obj instanceof PyInstance || (obj instanceof PyType && obj.metaclass !== null)) {
    const delattr = lookupType(obj.cls, '__delattr__');
    if (delattr !== undefined && delattr !== objectDelattr) {
      call(delattr, [obj, name], null);
      return;
    }
  }
  genericDelAttr(obj, name);
}

/** object.__delattr__: properties, then the object's own dict. */
export function genericDelAttr(obj: PyValue, name: string): void {
  if (obj instanceof PyInstance) {
    const found = lookupType(obj.type, name);
    if (found instanceof PyProperty) {
      if (found.fdel === null)
        throw pyError('AttributeError', `property '${found.name ?? name}' of '${obj.type.name}' object has no deleter`);
      call(found.fdel, [obj], null);
      return;
    }
  }
  if (obj instanceof PyType && obj.module === 'builtins') throw immutableType(obj, name);
  const dict = obj instanceof PyInstance || obj instanceof PyModule || obj instanceof PyType ? obj.dict : null;
  if (!dict || !dict.map.has(name)) throw attributeError(obj, name);
  mutate.delAttr(obj as PyInstance, name);
}

let objectDelattr: PyValue | undefined;
export function setObjectDelattr(f: PyValue): void {
  objectDelattr = f;
}

/** obj.name(*args): looks the method up without making a bound method. */
export function callMethod(obj: PyValue, name: string, args: PyValue[], kwargs: Kwargs = null): PyValue {
  const t = typeOf(obj);
  if (!(obj instanceof PyModule) && !(obj instanceof PyType) && !(obj instanceof PySuper)) {
    const found = lookupType(t, name);
    if (
      (found instanceof PyFunction || found instanceof PyBuiltin) &&
      !(obj instanceof PyInstance && obj.dict.map.has(name))
    )
      return call(found, [found instanceof PyBuiltin ? selfFor(obj, ownerOf(t, name)) : obj, ...args], kwargs);
  }
  return call(getAttr(obj, name), args, kwargs);
}

export function call(f: PyValue, args: PyValue[], kwargs: Kwargs): PyValue {
  if (f instanceof PyFunction) return f.code.invoke(f, args, kwargs);
  if (f instanceof PyBuiltin) return f.fn(args, kwargs);
  if (f instanceof PyBoundMethod) return call(f.func, [f.self, ...args], kwargs);
  if (f instanceof PyType) {
    if (f.metaclass !== null) {
      const c = lookupType(f.metaclass, '__call__');
      if (c !== typeCall) return call(c!, [f, ...args], kwargs);
    }
    return construct(f, args, kwargs);
  }
  if (f instanceof PyInstance) {
    const c = lookupType(f.type, '__call__');
    if (c !== undefined) return call(c, [f, ...args], kwargs);
  }
  throw pyError('TypeError', `'${typeOf(f).name}' object is not callable`);
}

/** Builtin types whose __new__ takes the arguments __init__ gets too (object's ignores them). */
const newTakesArgs = new Set([types.type, types.int, types.str]);

/** type.__call__: cls(*args) as __new__ (the nearest builtin base's constructor) then __init__. */
export function construct(cls: PyType, args: PyValue[], kwargs: Kwargs): PyValue {
  if (cls === types.type && args.length === 1) return typeOf(args[0]);
  const builtinBase = cls.mro.find((t) => t.construct !== null);
  const userNew = lookupType(cls, '__new__');
  let obj: PyValue;
  if (userNew instanceof PyStaticMethod || userNew instanceof PyFunction) {
    obj = call(userNew instanceof PyStaticMethod ? userNew.func : userNew, [cls, ...args], kwargs);
    if (!(obj instanceof PyObject) || !typeOf(obj).mro.includes(cls)) return obj;
  } else if (builtinBase && builtinBase.construct && (builtinBase.module === 'builtins' || cls === builtinBase)) {
    const hasInit = cls.mro.some((t) => t !== builtinBase && t.dict.map.has('__init__') && t.mro.includes(builtinBase));
    const dropArgs = hasInit && !isExceptionType(cls) && !newTakesArgs.has(builtinBase);
    obj = newOf(builtinBase, cls, dropArgs ? [] : args, dropArgs ? null : kwargs);
    if (!hasInit) return obj;
    if (isExceptionType(cls) && obj instanceof PyInstance) {
      // BaseException.__new__ keeps the args even when a subclass's __init__ takes them.
      setName(obj.dict, 'args', new PyTuple(args));
    }
  } else {
    obj = new PyInstance(cls);
  }
  const init = lookupType(cls, '__init__');
  if (init !== undefined && init !== objectInit) {
    const r = call(init, [obj, ...args], kwargs);
    if (r !== null) throw pyError('TypeError', `__init__() should return None, not '${typeOf(r).name}'`);
  } else if (args.length > 0 || (kwargs && kwargs.size > 0)) {
    if (!builtinBase || builtinBase === types.object) throw pyError('TypeError', `${cls.name}() takes no arguments`);
  }
  return obj;
}

/** builtin.__new__(cls, *args): an instance of a class derived from int, str, dict or list holds the builtin value. */
export function newOf(builtin: PyType, cls: PyType, args: PyValue[], kwargs: Kwargs): PyValue {
  const made = builtin.construct!(cls, args, kwargs);
  return cls !== builtin && isBuiltinBase(builtin) ? new PyDerived(cls, made) : made;
}

let typeCall: PyValue | undefined;
export function setTypeCall(f: PyValue): void {
  typeCall = f;
}

let objectInit: PyValue | undefined;
export function setObjectInit(f: PyValue): void {
  objectInit = f;
}
