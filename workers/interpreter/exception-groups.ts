// BaseExceptionGroup and ExceptionGroup (CPython's Objects/exceptions.c): what __new__ accepts,
// message and exceptions, split(), subgroup() and derive(), and the two steps of `except*`
// (ceval.c's exception_group_match and _PyExc_PrepReraiseStar).
import { call, callMethod, construct } from './attributes';
import { setName, truthy } from './compare';
import { exceptions, isExceptionType, pyError, tracebacks } from './errors';
import { toArray } from './iteration';
import { defineMethod } from './native';
import {
  PyBoundMethod,
  PyBuiltin,
  PyFunction,
  PyInstance,
  PyList,
  PyObject,
  PyRange,
  PyTuple,
  PyType,
  lookupType,
  typeOf,
  type Kwargs,
  type PyValue,
} from './objects';

const { BaseExceptionGroup, ExceptionGroup, Exception } = exceptions;

export function isExceptionGroup(v: PyValue): v is PyInstance {
  return v instanceof PyInstance && v.type.mro.includes(BaseExceptionGroup);
}

/** The exceptions a group wraps, as its `exceptions` tuple holds them. */
export function groupExceptions(eg: PyInstance): PyInstance[] {
  const excs = eg.dict.map.get('exceptions')?.v;
  return excs instanceof PyTuple ? (excs.items as PyInstance[]) : [];
}

function isSequence(v: PyValue): boolean {
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyRange || typeof v === 'string') return true;
  return v instanceof PyInstance && lookupType(v.type, '__getitem__') !== undefined && lookupType(v.type, 'keys') === undefined;
}

/** BaseExceptionGroup.__new__(cls, message, exceptions): BaseExceptionGroup itself becomes ExceptionGroup when it wraps only Exceptions. */
function newGroup(type: PyType, args: PyValue[], kwargs: Kwargs): PyInstance {
  if (kwargs && kwargs.size > 0) throw pyError('TypeError', `${type.name}() takes no keyword arguments`);
  if (args.length !== 2) throw pyError('TypeError', `BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`);
  const [message, excs] = args;
  if (typeof message !== 'string')
    throw pyError('TypeError', `BaseExceptionGroup.__new__() argument 1 must be str, not ${typeOf(message).name}`);
  if (!isSequence(excs)) throw pyError('TypeError', 'second argument (exceptions) must be a sequence');
  const items = toArray(excs);
  if (items.length === 0) throw pyError('ValueError', 'second argument (exceptions) must be a non-empty sequence');
  let nestsBase = false;
  items.forEach((e, i) => {
    if (!(e instanceof PyInstance) || !isExceptionType(e.type))
      throw pyError('ValueError', `Item ${i} of second argument (exceptions) is not an exception`);
    if (!e.type.mro.includes(Exception)) nestsBase = true;
  });
  let cls = type;
  if (cls === ExceptionGroup) {
    if (nestsBase) throw pyError('TypeError', 'Cannot nest BaseExceptions in an ExceptionGroup');
  } else if (cls === BaseExceptionGroup) {
    if (!nestsBase) cls = ExceptionGroup;
  } else if (nestsBase && cls.mro.includes(Exception)) {
    throw pyError('TypeError', `Cannot nest BaseExceptions in '${cls.name}'`);
  }
  const eg = new PyInstance(cls);
  setName(eg.dict, 'args', new PyTuple(args));
  setName(eg.dict, 'message', message);
  setName(eg.dict, 'exceptions', new PyTuple(items));
  return eg;
}

/** A group of `excs` as CPython makes one in C (_PyExc_CreateExceptionGroup). */
export function createGroup(message: string, excs: PyInstance[], asTuple = false): PyInstance {
  return construct(BaseExceptionGroup, [message, asTuple ? new PyTuple(excs) : new PyList(excs)], null) as PyInstance;
}

type Matcher = (e: PyInstance) => boolean;

function isCallable(v: PyValue): boolean {
  if (v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyBoundMethod) return true;
  return v instanceof PyObject && !(v instanceof PyType) && lookupType(typeOf(v), '__call__') !== undefined;
}

/** split()'s condition: a predicate, an exception type, or a tuple of exception types. */
function matcherOf(condition: PyValue): Matcher {
  if (isCallable(condition)) return (e) => truthy(call(condition, [e], null));
  const types = condition instanceof PyTuple ? condition.items : [condition];
  if ((condition instanceof PyType || condition instanceof PyTuple) && types.every((t) => t instanceof PyType && isExceptionType(t)))
    return (e) => types.some((t) => e.type.mro.includes(t as PyType));
  throw pyError('TypeError', 'expected a function, exception type or tuple of exception types');
}

/** A group of the part `excs` of `orig`, made by orig.derive() and given orig's traceback, cause, context and notes. */
function subset(orig: PyInstance, excs: PyInstance[]): PyInstance | null {
  if (excs.length === 0) return null;
  const eg = callMethod(orig, 'derive', [new PyList(excs)]);
  if (!isExceptionGroup(eg)) throw pyError('TypeError', 'derive must return an instance of BaseExceptionGroup');
  const tb = tracebacks.get(orig);
  if (tb) tracebacks.set(eg, tb);
  for (const name of ['__context__', '__cause__'] as const) {
    const v = orig.dict.map.get(name);
    if (v) setName(eg.dict, name, v.v);
  }
  const notes = orig.dict.map.get('__notes__')?.v;
  if (notes !== undefined && isSequence(notes)) setName(eg.dict, '__notes__', new PyList(toArray(notes)));
  return eg;
}

interface Split {
  match: PyInstance | null;
  rest: PyInstance | null;
}

function splitRecursive(exc: PyInstance, matches: Matcher, withRest: boolean): Split {
  if (matches(exc)) return { match: exc, rest: null };
  if (!isExceptionGroup(exc)) return { match: null, rest: withRest ? exc : null };
  const matched: PyInstance[] = [];
  const rest: PyInstance[] = [];
  for (const e of groupExceptions(exc)) {
    const part = splitRecursive(e, matches, withRest);
    if (part.match) matched.push(part.match);
    if (part.rest) rest.push(part.rest);
  }
  return { match: subset(exc, matched), rest: withRest ? subset(exc, rest) : null };
}

function leaves(exc: PyInstance, into: Set<PyInstance>): Set<PyInstance> {
  if (isExceptionGroup(exc)) for (const e of groupExceptions(exc)) leaves(e, into);
  else into.add(exc);
  return into;
}

/** The part of `eg` whose leaves are leaves of `keep`, in eg's own shape (exception_group_projection). */
function projection(eg: PyInstance, keep: PyInstance[]): PyInstance | null {
  const ids = new Set<PyInstance>();
  for (const e of keep) leaves(e, ids);
  return splitRecursive(eg, (e) => !isExceptionGroup(e) && ids.has(e), false).match;
}

/** Same traceback, cause, context and notes: an except* handler re-raised (part of) the group it caught. */
function sameMetadata(a: PyInstance, b: PyInstance): boolean {
  if (tracebacks.get(a) !== tracebacks.get(b)) return false;
  return (['__notes__', '__cause__', '__context__'] as const).every((n) => a.dict.map.get(n)?.v === b.dict.map.get(n)?.v);
}

/**
 * What an `except* T` handler receives of `exc`, and what goes on to the next handlers: a
 * matching exception that is not a group comes wrapped in one ("" as its message).
 */
export function exceptStarMatch(exc: PyInstance | null, type: PyValue): Split {
  for (const t of type instanceof PyTuple ? type.items : [type]) {
    if (!(t instanceof PyType) || !isExceptionType(t))
      throw pyError('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
    if (t.mro.includes(BaseExceptionGroup))
      throw pyError('TypeError', 'catching ExceptionGroup with except* is not allowed. Use except instead.');
  }
  if (exc === null) return { match: null, rest: null };
  const types = (type instanceof PyTuple ? type.items : [type]) as PyType[];
  if (types.some((t) => exc.type.mro.includes(t))) {
    if (isExceptionGroup(exc)) return { match: exc, rest: null };
    const wrapped = createGroup('', [exc], true);
    tracebacks.set(wrapped, []);
    return { match: wrapped, rest: null };
  }
  if (!isExceptionGroup(exc)) return { match: null, rest: exc };
  const pair = callMethod(exc, 'split', [type]);
  const [match, rest] = pair instanceof PyTuple ? pair.items : [null, null];
  return { match: match as PyInstance | null, rest: rest as PyInstance | null };
}

/**
 * What a try statement with except* raises once its handlers ran: `raised` holds what each
 * handler raised, then the part no handler matched (or null). Re-raised parts keep the caught
 * group's shape; new exceptions join them in a new group. Null: nothing to raise.
 */
export function exceptStarOutcome(orig: PyInstance, raised: (PyInstance | null)[]): PyInstance | null {
  if (raised.length === 0) return null;
  if (!isExceptionGroup(orig)) return raised[0];
  const fresh: PyInstance[] = [];
  const reraised: PyInstance[] = [];
  for (const e of raised) if (e) (sameMetadata(e, orig) ? reraised : fresh).push(e);
  const kept = projection(orig, reraised);
  if (fresh.length === 0) return kept;
  if (kept) fresh.push(kept);
  return fresh.length > 1 ? createGroup('', fresh) : fresh[0];
}

export function initExceptionGroups(): void {
  BaseExceptionGroup.construct = newGroup;
  ExceptionGroup.construct = newGroup;
  setName(BaseExceptionGroup.dict, '__str__', new PyBuiltin('__str__', (args) => {
    const eg = args[0] as PyInstance;
    const n = groupExceptions(eg).length;
    return `${eg.dict.map.get('message')?.v as string} (${n} sub-exception${n > 1 ? 's' : ''})`;
  }, 'BaseExceptionGroup'));
  defineMethod(BaseExceptionGroup, 'derive', (self, args) => construct(BaseExceptionGroup, [(self as PyInstance).dict.map.get('message')?.v ?? '', args[0]], null));
  defineMethod(BaseExceptionGroup, 'split', (self, args) => {
    const { match, rest } = splitRecursive(self as PyInstance, matcherOf(args[0]), true);
    return new PyTuple([match, rest]);
  });
  defineMethod(BaseExceptionGroup, 'subgroup', (self, args) => splitRecursive(self as PyInstance, matcherOf(args[0]), false).match);
}
