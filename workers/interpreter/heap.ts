// Memory as in CPython, on threads that cannot share JavaScript objects. Each Python thread
// (a worker thread) holds a replica of its process's objects. Once a process has a second
// thread, every object reachable from sys.modules is "shared": it has a sid, the same in every
// replica, and each change to it is logged as an op. A thread publishes its ops when it gives up
// the GIL and applies the others' when it takes the GIL back, so the next holder sees exactly
// what CPython's next holder would. Without a GIL (free-threading) the same happens at the
// points where threads synchronise (locks, joins, sleeps) and every millisecond or so.
//
// Objects and changes travel in heap-codec.ts's encoding. A generator, coroutine or iterator
// stays with the thread that made it; the other replicas hold a stand-in (heap-foreign.ts).
import { Decoder, Encoder, type Enc, type HeapResolver, type Op } from './heap-codec';
import { localMutations, mutate, type Mutations } from './mutations';
import type { PyDict, PyObject, PyValue } from './objects';

/** The id of sys.modules: the root every replica has from the start. */
export const MODULES_SID = 1;

/**
 * One thread's replica of its process's shared objects: the registry by sid, the ops it has not
 * published yet, and the logging mutations it installs.
 */
export class SharedHeap {
  readonly objects = new Map<number, PyObject>();
  private pending: Op[] = [];
  private counter = 0;
  private readonly decoder: Decoder;
  /** True while applying others' ops: those changes are not logged again. */
  private applying = false;

  constructor(
    private readonly resolver: HeapResolver,
    /** Unique per thread (its tid): sids never collide. 0 until a warm thread becomes one (it shares nothing before). */
    public owner: number,
    modules: PyDict,
  ) {
    modules.sid = MODULES_SID;
    this.objects.set(MODULES_SID, modules);
    this.decoder = new Decoder(resolver, 'share', this.objects);
  }

  private newSid = (): number => this.owner * 2 ** 24 + ++this.counter;

  /** What the other replicas' stand-ins for this thread's generators and iterators name. */
  private get ownerName(): string {
    return `thread ${this.resolver.threadName ?? this.owner}`;
  }

  /** Encodes a value for another replica, sharing (and announcing) the objects it reaches. */
  share(v: PyValue): Enc {
    const e = new Encoder('share', this.newSid, this.register, this.ownerName);
    const out = e.enc(v);
    for (const op of e.ops) this.pending.push(op);
    return out;
  }

  private register = (o: PyObject, sid: number): void => {
    this.objects.set(sid, o);
  };

  /** Announces every object reachable from sys.modules: the process now has a second thread. */
  shareAll(modules: PyDict): void {
    if (this.sharing) return;
    this.sharing = true;
    modules.sid = 0;
    let root = true;
    const sid = () => {
      if (!root) return this.newSid();
      root = false;
      return MODULES_SID;
    };
    const e = new Encoder('share', sid, this.register, this.ownerName);
    e.enc(modules);
    for (const op of e.ops) this.pending.push(op);
  }

  /** Whether this process's objects are shared yet (a second thread exists). */
  sharing = false;

  /** The ops since the last call (null if none): what a GIL drop publishes. */
  takePending(): Op[] | null {
    if (this.pending.length === 0) return null;
    const out = this.pending;
    this.pending = [];
    return out;
  }

  log(op: Op): void {
    if (!this.applying) this.pending.push(op);
  }

  /** Applies a batch another thread published. */
  apply(ops: Op[]): void {
    if (!this.sharing && ops.some((op) => op[0] === 'new' && op[1] === MODULES_SID)) this.sharing = true;
    this.applying = true;
    try {
      this.decoder.newObjects(ops);
      // A change applies once the objects announced before it are whole (Decoder.settle).
      for (const op of ops) {
        if (op[0] !== 'new') this.decoder.settle();
        this.applyOp(op);
      }
      this.decoder.settle();
    } finally {
      this.applying = false;
    }
  }

  private target<T extends PyObject>(op: Op): T {
    const o = this.objects.get(op[1] as number);
    if (!o) throw new Error(`heap: ${String(op[0])} on unknown object ${String(op[1])}`);
    return o as T;
  }

  private applyOp(op: Op): void {
    const d = (x: unknown) => this.decoder.dec(x);
    const local = localMutations;
    switch (op[0]) {
      case 'new':
        this.decoder.fill(op);
        return;
      case 'attr':
        local.setAttr(this.target(op), op[2] as string, d(op[3]));
        return;
      case 'delattr':
        local.delAttr(this.target(op), op[2] as string);
        return;
      case 'lset':
        local.listSet(this.target(op), op[2] as number, d(op[3]));
        return;
      case 'splice':
        local.listSplice(this.target(op), op[2] as number, op[3] as number, (op[4] as Enc[]).map(d));
        return;
      case 'append':
        local.listAppend(this.target(op), d(op[2]));
        return;
      case 'replace':
        local.listReplace(this.target(op), (op[2] as Enc[]).map(d));
        return;
      case 'set':
        local.dictSet(this.target(op), d(op[2]), d(op[3]));
        return;
      case 'del':
        local.dictDelete(this.target(op), d(op[2]));
        return;
      case 'clear':
        local.dictClear(this.target(op));
        return;
      case 'sadd':
        local.setAdd(this.target(op), d(op[2]));
        return;
      case 'sdel':
        local.setDelete(this.target(op), d(op[2]));
        return;
      case 'sclear':
        local.setClear(this.target(op));
        return;
      default:
        throw new Error(`heap: unknown op ${String(op[0])}`);
    }
  }

  /** Logging mutations: change the object, and log the change if other threads see it. */
  install(): void {
    const enc = (v: PyValue) => this.share(v);
    const l = localMutations;
    const logged: Mutations = {
      setAttr: (o, name, v) => {
        l.setAttr(o, name, v);
        if (o.sid && !this.applying) this.log(['attr', o.sid, name, enc(v)]);
      },
      delAttr: (o, name) => {
        l.delAttr(o, name);
        if (o.sid && !this.applying) this.log(['delattr', o.sid, name]);
      },
      listSet: (o, i, v) => {
        l.listSet(o, i, v);
        if (o.sid && !this.applying) this.log(['lset', o.sid, i, enc(v)]);
      },
      listSplice: (o, start, n, items) => {
        l.listSplice(o, start, n, items);
        if (o.sid && !this.applying) this.log(['splice', o.sid, start, n, items.map(enc)]);
      },
      listAppend: (o, v) => {
        l.listAppend(o, v);
        if (o.sid && !this.applying) this.log(['append', o.sid, enc(v)]);
      },
      listReplace: (o, items) => {
        l.listReplace(o, items);
        if (o.sid && !this.applying) this.log(['replace', o.sid, items.map(enc)]);
      },
      dictSet: (o, k, v) => {
        l.dictSet(o, k, v);
        if (o.sid && !this.applying) this.log(['set', o.sid, enc(k), enc(v)]);
      },
      dictDelete: (o, k) => {
        l.dictDelete(o, k);
        if (o.sid && !this.applying) this.log(['del', o.sid, enc(k)]);
      },
      dictClear: (o) => {
        l.dictClear(o);
        if (o.sid && !this.applying) this.log(['clear', o.sid]);
      },
      setAdd: (o, v) => {
        l.setAdd(o, v);
        if (o.sid && !this.applying) this.log(['sadd', o.sid, enc(v)]);
      },
      setDelete: (o, v) => {
        l.setDelete(o, v);
        if (o.sid && !this.applying) this.log(['sdel', o.sid, enc(v)]);
      },
      setClear: (o) => {
        l.setClear(o);
        if (o.sid && !this.applying) this.log(['sclear', o.sid]);
      },
    };
    Object.assign(mutate, logged);
  }

  /** The object a sid names in this replica. */
  get(sid: number): PyObject | undefined {
    return this.objects.get(sid);
  }

  decode(e: Enc): PyValue {
    return this.decoder.dec(e);
  }
}
