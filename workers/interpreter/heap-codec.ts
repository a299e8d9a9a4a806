// The encoding of Python values for another thread or process: primitives as themselves,
// everything else a tagged array, and each object reached a NEW op (its kind and contents) the
// receiver rebuilds it from. In "share" mode an object keeps its sid, the same in every replica
// of the process (heap.ts); in "copy" mode (a forked process, a subinterpreter) it is copied.
// An object that cannot be rebuilt (a generator, an iterator) travels as a FOREIGN stand-in
// naming its owner (heap-foreign.ts), or, where Python would pickle it, is a TypeError.
import { deserialize, serialize } from 'node:v8';
import type { CodeObject } from './frame';
import { call } from './attributes';
import { pyError } from './errors';
import { dictClear, dictSet, setAdd } from './compare';
import { ForeignObject, foreignLabel, foreignType } from './heap-foreign';
import { builtinTypes, mroOf, qualifiedName, typeNamed } from './heap-types';
import {
  Ellipsis,
  NotImplemented,
  PyBoundMethod,
  PyBuiltin,
  PyBytes,
  PyCell,
  PyClassMethod,
  PyDict,
  PyFloat,
  PyFunction,
  PyDerived,
  PyInstance,
  PyList,
  PyModule,
  PyObject,
  PyProperty,
  PyRange,
  PySet,
  PySlice,
  PyStaticMethod,
  PyTuple,
  PyType,
  lookupType,
  types,
  type PyValue,
} from './objects';

/** An encoded value: primitives as themselves, everything else a tagged array. */
export type Enc = null | boolean | number | bigint | string | EncTagged;
export type EncTagged = [string, ...unknown[]];
export type Op = unknown[];

/** Objects written in TypeScript that can cross threads (locks, thread handles …). */
export abstract class NativeObject extends PyObject {
  abstract readonly nativeKind: string;
  /** The state another replica (share) or a copy (fork) is rebuilt from. */
  abstract nativeState(mode: CodecMode): Enc[];
}

export type CodecMode = 'share' | 'copy';

/** What decoding needs from the receiving thread. */
export interface HeapResolver {
  builtins: PyDict;
  importModule(name: string): PyModule;
  /** The code object of a function defined in `file` at node `codeId`. */
  code(file: string, codeId: number): CodeObject;
  /** Rebuilds a native object of `kind`. */
  native(kind: string, state: unknown[], mode: CodecMode): PyObject;
  /** The receiving thread's name, for the error a ForeignObject raises there. */
  readonly threadName?: string;
  /** The receiver's sys.modules: a copied class it already has is that class (pickle sends classes by name). */
  modules?: PyDict;
}

export class Encoder {
  /** NEW ops for the objects this encoding introduced. */
  readonly ops: Op[] = [];
  private readonly local = new Map<PyObject, number>();

  constructor(
    private readonly mode: CodecMode,
    /** Share mode: how a new object gets its sid, and where the replica files it. */
    private readonly newSid: () => number = () => 0,
    private readonly onShared: (o: PyObject, sid: number) => void = () => undefined,
    /**
     * Who owns the objects this encoding cannot rebuild elsewhere ("thread MainThread"): they
     * travel as FOREIGN stand-ins. Null where Python would pickle: they are a TypeError.
     */
    private readonly owner: string | null = null,
  ) {}

  private idOf(o: PyObject): { id: number; fresh: boolean } {
    if (this.mode === 'share') {
      if (o.sid) return { id: o.sid, fresh: false };
      o.sid = this.newSid();
      this.onShared(o, o.sid);
      return { id: o.sid, fresh: true };
    }
    const known = this.local.get(o);
    if (known !== undefined) return { id: known, fresh: false };
    const id = this.local.size + 1;
    this.local.set(o, id);
    return { id, fresh: true };
  }

  enc(v: PyValue): Enc {
    switch (typeof v) {
      case 'number':
      case 'bigint':
      case 'string':
      case 'boolean':
        return v;
      default:
        break;
    }
    if (v === null) return null;
    if (v instanceof PyFloat) return ['f', v.v];
    if (v instanceof PyRange) return ['range', v.start, v.stop, v.step];
    if (v instanceof PySlice) return ['slice', this.enc(v.start), this.enc(v.stop), this.enc(v.step)];
    if (v instanceof PyBytes) return ['bytes', Array.from(v.data)];
    if (v === NotImplemented || v === Ellipsis) return ['singleton', v === Ellipsis ? 'Ellipsis' : 'NotImplemented'];
    if (v instanceof PyType && builtinTypes.get(qualifiedName(v)) === v) return ['type', qualifiedName(v)];
    if (v instanceof PyBuiltin) return ['builtin', v.owner, v.name];
    if (v instanceof PyModule && v.native) return ['modref', v.name];
    const { id, fresh } = this.idOf(v);
    if (fresh) this.newOp(id, v);
    return ['ref', id];
  }

  private newOp(id: number, v: PyObject): void {
    // The op goes in before its contents are encoded, so a cycle meets a ref to an object already announced.
    const op: Op = ['new', id];
    this.ops.push(op);
    op.push(...this.state(v));
  }

  private entries(d: PyDict): Enc[] {
    return [...d.map.values()].map((e) => ['kv', this.enc(e.k), this.enc(e.v)] as EncTagged);
  }

  private state(v: PyObject): unknown[] {
    if (v instanceof PyList) return ['list', v.items.map((x) => this.enc(x))];
    if (v instanceof PyTuple) return ['tuple', v.items.map((x) => this.enc(x))];
    if (v instanceof PyDict) return ['dict', this.entries(v)];
    if (v instanceof PySet) return [v.frozen ? 'frozenset' : 'set', [...v.map.values()].map((x) => this.enc(x))];
    if (v instanceof PyCell) return ['cell', v.v === undefined ? ['unbound'] : this.enc(v.v)];
    if (v instanceof PyModule) return ['module', v.name, this.enc(v.dict)];
    if (v instanceof PyFunction)
      return [
        'function',
        v.code.file,
        v.code.id,
        v.name,
        v.qualname,
        v.module,
        this.enc(v.globals),
        v.defaults.map((d) => this.enc(d)),
        v.kwdefaults ? [...v.kwdefaults].map(([k, d]) => [k, this.enc(d)]) : null,
        v.closure ? v.closure.map((c) => this.enc(c)) : null,
        v.dict ? this.enc(v.dict) : null,
      ];
    if (v instanceof PyType)
      return [
        'class',
        v.name,
        v.module,
        v.qualname,
        v.bases.map((b) => this.enc(b)),
        this.entries(v.dict),
        v.metaclass ? this.enc(v.metaclass) : null,
      ];
    if (v instanceof PyInstance)
      return [
        'instance',
        this.enc(v.type),
        this.entries(v.dict),
        v instanceof PyDerived ? [this.enc(v.builtin)] : null,
        this.mode === 'copy' ? globalName(v) : null,
      ];
    if (v instanceof PyBoundMethod) return ['method', this.enc(v.self), this.enc(v.func)];
    if (v instanceof PyStaticMethod) return ['staticmethod', this.enc(v.func)];
    if (v instanceof PyClassMethod) return ['classmethod', this.enc(v.func)];
    if (v instanceof PyProperty) return ['property', this.enc(v.fget), this.enc(v.fset), this.enc(v.fdel)];
    if (v instanceof NativeObject) return ['native', v.nativeKind, v.nativeState(this.mode)];
    if (this.owner !== null) return this.foreign(v);
    throw pyError(
      'TypeError',
      `cannot ${this.mode === 'share' ? 'share' : 'copy'} '${v.cls.name}' object${this.mode === 'copy' ? ' into another process' : ' between threads'}`,
    );
  }

  /** A stand-in passed on (a thread forks a process) still names the object's first owner. */
  private foreign(v: PyObject): unknown[] {
    if (v instanceof ForeignObject) return ['foreign', qualifiedName(v.real), v.label, v.owner];
    return ['foreign', qualifiedName(v.cls), foreignLabel(v), this.owner];
  }
}

/** Rebuilds objects from NEW ops: first an empty shell per op (cycles), then their contents. */
export class Decoder {
  private readonly classes: PyType[] = [];

  constructor(
    private readonly resolver: HeapResolver,
    private readonly mode: CodecMode,
    /** Share mode: the replica's registry (sid -> object); copy mode: a fresh map. */
    readonly objects: Map<number, PyObject> = new Map(),
  ) {}

  dec(e: Enc | unknown): PyValue {
    if (e === null || typeof e !== 'object') return e as PyValue;
    const [tag, ...rest] = e as EncTagged;
    switch (tag) {
      case 'f':
        return new PyFloat(rest[0] as number);
      case 'range':
        return new PyRange(rest[0] as number, rest[1] as number, rest[2] as number);
      case 'slice':
        return new PySlice(this.dec(rest[0]), this.dec(rest[1]), this.dec(rest[2]));
      case 'bytes':
        return new PyBytes(Uint8Array.from(rest[0] as number[]));
      case 'singleton':
        return rest[0] === 'Ellipsis' ? Ellipsis : NotImplemented;
      case 'type':
        return builtinTypes.get(rest[0] as string)!;
      case 'builtin':
        return this.builtin(rest[0] as string, rest[1] as string);
      case 'modref':
        return this.resolver.importModule(rest[0] as string);
      case 'ref': {
        const o = this.objects.get(rest[0] as number);
        if (!o) throw new Error(`heap: object ${String(rest[0])} is not known here`);
        return o;
      }
      default:
        throw new Error(`heap: unknown value tag ${tag}`);
    }
  }

  private builtin(owner: string, name: string): PyValue {
    const t = builtinTypes.get(owner);
    const from = owner === 'builtins' ? this.resolver.builtins : t ? t.dict : this.resolver.importModule(owner).dict;
    const v = from.map.get(name)?.v;
    if (v === undefined) throw new Error(`heap: builtin ${owner}.${name} not found`);
    return v;
  }

  /** Creates the shells of a batch's NEW ops, then fills each in order. */
  newObjects(ops: Op[]): void {
    // An instance of a dict or list subclass holds its dict or list from the start, and that one's
    // op comes after the instance's: those instances' shells come second.
    const holders: Op[] = [];
    for (const op of ops) {
      if (op[0] !== 'new') continue;
      if (op[2] === 'instance' && op[5] !== null && typeof (op[5] as [Enc])[0] === 'object') holders.push(op);
      else this.newShell(op);
    }
    for (const op of holders) this.newShell(op);
  }

  private newShell(op: Op): void {
    const id = op[1] as number;
    if (!this.objects.has(id)) {
      const shell = this.shell(op);
      if (this.mode === 'share') shell.sid = id;
      this.objects.set(id, shell);
    }
  }

  private shell(op: Op): PyObject {
    const kind = op[2] as string;
    switch (kind) {
      case 'list':
        return new PyList();
      case 'tuple':
        return new PyTuple([]);
      case 'dict':
        return new PyDict();
      case 'set':
        return new PySet();
      case 'frozenset':
        return new PySet(true);
      case 'cell':
        return new PyCell();
      case 'module':
        return this.knownModule(op[3] as string) ?? new PyModule(op[3] as string);
      case 'class':
        return this.knownClass(op[3] as string, op[4] as string, op[5] as string) ?? new PyType(op[3] as string, [], op[4] as string);
      case 'instance': {
        const known = op[6] ? this.knownGlobal(op[6] as [string, string]) : undefined;
        if (known) return known;
        const builtin = op[5] as [Enc] | null;
        return builtin ? new PyDerived(types.object, this.dec(builtin[0])) : new PyInstance(types.object);
      }
      case 'function': {
        const known = this.knownFunction(op[3] as string, op[4] as number, op[6] as string, op[7] as string);
        if (known) return known;
        const code = this.resolver.code(op[3] as string, op[4] as number);
        return new PyFunction(code, new PyDict(), [], null, null, op[5] as string, op[6] as string, op[7] as string);
      }
      case 'method':
        return new PyBoundMethod(null, null);
      case 'staticmethod':
        return new PyStaticMethod(null);
      case 'classmethod':
        return new PyClassMethod(null);
      case 'property':
        return new PyProperty(null);
      case 'native':
        return this.resolver.native(op[3] as string, op[4] as unknown[], this.mode);
      case 'foreign': {
        // Asked when used: a warm thread may rebuild it before it has a name (prepare).
        const resolver = this.resolver;
        const here = this.mode === 'share' ? () => (resolver.threadName ? `thread ${resolver.threadName}` : null) : () => null;
        return new ForeignObject(
          foreignType(typeNamed(op[3] as string)),
          op[4] as string | null,
          op[5] as string,
          here,
        );
      }
      default:
        throw new Error(`heap: unknown object kind ${kind}`);
    }
  }

  /** Classes a copy found among the receiver's own: they keep their contents. */
  private readonly byName = new Set<PyObject>();

  /** In a copy, the receiver's class module.qualname, when its sys.modules has it (not importing anything). */
  private knownClass(name: string, module: string, qualname: string): PyType | undefined {
    if (this.mode !== 'copy' || !this.resolver.modules) return undefined;
    let found: PyValue | undefined = this.resolver.modules.map.get(module)?.v;
    for (const part of qualname.split('.')) {
      if (!(found instanceof PyModule) && !(found instanceof PyType)) return undefined;
      found = found.dict.map.get(part)?.v;
    }
    if (!(found instanceof PyType) || found.name !== name) return undefined;
    this.byName.add(found);
    return found;
  }

  /** In a copy, what the receiver's module.qualname is: an object pickled by name (its __reduce__ gave one). */
  private knownGlobal([module, qualname]: [string, string]): PyObject | undefined {
    if (!this.resolver.modules) return undefined;
    let found: PyValue | undefined = this.resolver.modules.map.get(module)?.v;
    for (const part of qualname.split('.')) {
      if (!(found instanceof PyModule) && !(found instanceof PyType)) return undefined;
      found = found.dict.map.get(part)?.v;
    }
    if (!(found instanceof PyObject)) return undefined;
    this.byName.add(found);
    return found;
  }

  /** In a copy, the receiver's module of that name (a module pickles as a reference too). */
  private knownModule(name: string): PyModule | undefined {
    if (this.mode !== 'copy' || !this.resolver.modules) return undefined;
    const found = this.resolver.modules.map.get(name)?.v;
    if (!(found instanceof PyModule)) return undefined;
    this.byName.add(found);
    return found;
  }

  /**
   * In a copy, the receiver's function module.qualname when it is the same code: pickle sends a
   * function by reference, so the worker process that calls it runs it on its own globals (its
   * current_process() is the worker, not the parent's MainProcess). A lambda or a function made
   * in a function is still copied.
   */
  private knownFunction(file: string, codeId: number, qualname: string, module: string): PyFunction | undefined {
    if (this.mode !== 'copy' || !this.resolver.modules) return undefined;
    let found: PyValue | undefined = this.resolver.modules.map.get(module)?.v;
    for (const part of qualname.split('.')) {
      if (!(found instanceof PyModule) && !(found instanceof PyType)) return undefined;
      found = found.dict.map.get(part)?.v;
    }
    if (!(found instanceof PyFunction) || found.code.file !== file || found.code.id !== codeId) return undefined;
    this.byName.add(found);
    return found;
  }

  /** Fills a shell from its NEW op (also used to reset an object a replica already has). */
  fill(op: Op): void {
    const o = this.objects.get(op[1] as number)!;
    if (this.byName.has(o)) return;
    const s = op.slice(3);
    const w = o as unknown as Record<string, unknown>;
    switch (op[2]) {
      case 'list':
        (o as PyList).items = (s[0] as Enc[]).map((x) => this.dec(x));
        return;
      case 'tuple':
        (o as PyTuple).items.splice(0, Infinity, ...(s[0] as Enc[]).map((x) => this.dec(x)));
        return;
      case 'dict': {
        const entries = s[0] as EncTagged[];
        if (entries.every(([, k]) => isPrimitive(k))) this.fillDict(o as PyDict, entries);
        else this.keyed.set(o, { keys: entries.map(([, k]) => k), fill: () => this.fillDict(o as PyDict, entries) });
        return;
      }
      case 'set':
      case 'frozenset': {
        const set = o as PySet;
        const items = s[0] as Enc[];
        const fillSet = () => {
          set.map.clear();
          for (const x of items) setAdd(set.map, this.dec(x));
        };
        if (items.every(isPrimitive)) fillSet();
        else this.keyed.set(o, { keys: items, fill: fillSet });
        return;
      }
      case 'cell': {
        const c = s[0] as EncTagged;
        (o as PyCell).v = Array.isArray(c) && c[0] === 'unbound' ? undefined : this.dec(c);
        return;
      }
      case 'module':
        // The module's dict is an object of its own (functions hold it as their globals): take it as it is.
        (o as PyModule).dict = this.dec(s[1]) as PyDict;
        return;
      case 'class': {
        const t = o as PyType;
        t.qualname = s[2] as string;
        t.bases = (s[3] as Enc[]).map((b) => this.dec(b) as PyType);
        t.metaclass = s[5] ? (this.dec(s[5]) as PyType) : null;
        t.mro = [t, ...mroOf(t)];
        this.classes.push(t);
        this.fillDict(t.dict, s[4] as EncTagged[]);
        return;
      }
      case 'instance': {
        w.type = this.dec(s[0]);
        this.fillDict((o as PyInstance).dict, s[1] as EncTagged[]);
        return;
      }
      case 'function': {
        const f = o as PyFunction;
        w.globals = this.dec(s[5]);
        f.defaults = (s[6] as Enc[]).map((d) => this.dec(d));
        f.kwdefaults = s[7] ? new Map((s[7] as [string, Enc][]).map(([k, d]) => [k, this.dec(d)])) : null;
        w.closure = s[8] ? (s[8] as Enc[]).map((c) => this.dec(c)) : null;
        f.dict = s[9] ? (this.dec(s[9]) as PyDict) : null;
        return;
      }
      case 'method': {
        const self = this.dec(s[0]);
        const func = this.dec(s[1]);
        w.self = self;
        // A builtin method bound to a stand-in takes the stand-in type's refusing method.
        w.func =
          self instanceof ForeignObject && func instanceof PyBuiltin ? (lookupType(self.cls, func.name) ?? func) : func;
        return;
      }
      case 'staticmethod':
      case 'classmethod':
        w.func = this.dec(s[0]);
        return;
      case 'property':
        w.fget = this.dec(s[0]);
        w.fset = this.dec(s[1]);
        w.fdel = this.dec(s[2]);
        return;
      default:
        return;
    }
  }

  /**
   * Dicts and sets whose keys are objects, filled once the objects are: a dict's NEW op comes
   * before those of its keys (an object is announced before its contents), and a key is filed by
   * its hash, which needs the key's contents (a tuple's items, the attributes __hash__ reads).
   */
  private readonly keyed = new Map<PyObject, { keys: unknown[]; fill: () => void }>();

  /**
   * Ends the filling of a batch of NEW ops (before any other op of the batch applies): the
   * classes' mros (finishClasses), then the dicts and sets keyed by objects, each once what its
   * keys hold is (a frozenset key's own items, a dict an instance's __hash__ may read).
   */
  settle(): void {
    this.finishClasses();
    if (this.keyed.size === 0) return;
    const seen = new Set<PyValue>();
    const fillKeyed = (o: PyObject) => {
      const pending = this.keyed.get(o);
      if (pending === undefined) return;
      this.keyed.delete(o);
      for (const k of pending.keys) reach(this.dec(k));
      pending.fill();
    };
    const reach = (v: PyValue) => {
      if (!(v instanceof PyObject) || seen.has(v)) return;
      seen.add(v);
      if (this.keyed.has(v)) fillKeyed(v);
      else if (v instanceof PyTuple || v instanceof PyList) for (const x of v.items) reach(x);
      else if (v instanceof PySet) for (const x of v.map.values()) reach(x);
      else if (v instanceof PyDict)
        for (const e of v.map.values()) {
          reach(e.k);
          reach(e.v);
        }
      else if (v instanceof PyInstance) for (const e of v.dict.map.values()) reach(e.v);
    };
    for (const o of [...this.keyed.keys()]) fillKeyed(o);
  }

  /**
   * A class can be filled before its bases are (an instance's class is encoded before the bases
   * it names): once a batch is filled, each class's mro is computed again, bases first.
   */
  finishClasses(): void {
    const pending = new Set(this.classes);
    const settle = (t: PyType) => {
      if (!pending.delete(t)) return;
      for (const b of t.bases) settle(b);
      t.mro = [t, ...mroOf(t)];
    };
    for (const t of this.classes) settle(t);
    this.classes.length = 0;
  }

  private fillDict(d: PyDict, entries: EncTagged[]): void {
    dictClear(d);
    for (const [, k, v] of entries) dictSet(d, this.dec(k as Enc), this.dec(v as Enc));
  }
}

/** An encoded primitive (no object to fill first): a str, int, bool or None. */
function isPrimitive(e: unknown): boolean {
  return e === null || typeof e !== 'object';
}

/**
 * Where pickle would find `v` by name, as it does an object whose __reduce__ returns a string
 * (an enum member): [module, qualname], or null to copy it.
 */
function globalName(v: PyInstance): [string, string] | null {
  const reduce = lookupType(v.type, '__reduce__');
  if (!(reduce instanceof PyFunction)) return null;
  const name = call(reduce, [v], null);
  if (typeof name !== 'string') return null;
  const module = v.type.module;
  return [module, name];
}

/**
 * A snapshot of values, in copy mode: what a forked process or a subinterpreter starts from, and
 * what a multiprocessing queue carries. Its ops and roots are serialized once, where it is made:
 * on its way it crosses up to four hops (thread, relay, supervisor, relay, thread), and each
 * structured clone of a fork's thousands of small arrays cost ~1.5 ms, where bytes are one copy.
 */
export type Snapshot = Uint8Array;

interface Encoded {
  ops: Op[];
  roots: Enc[];
}

/** `owner`: who keeps the objects a copy cannot hold (the copy gets stand-ins); null: they are a TypeError. */
export function snapshot(values: PyValue[], owner: string | null = null): Snapshot {
  const e = new Encoder('copy', undefined, undefined, owner);
  const roots = values.map((v) => e.enc(v));
  return serialize({ ops: e.ops, roots } satisfies Encoded);
}

export function restore(s: Snapshot, resolver: HeapResolver): PyValue[] {
  const { ops, roots } = deserialize(s) as Encoded;
  const d = new Decoder(resolver, 'copy');
  d.newObjects(ops);
  for (const op of ops) d.fill(op);
  d.settle();
  return roots.map((r) => d.dec(r));
}
