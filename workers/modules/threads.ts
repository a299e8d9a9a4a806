// _thread and _gil_lab: the primitives the Python prelude builds threading, multiprocessing and
// concurrent.futures on, as CPython's threading.py builds on _thread. Locks are words in the
// process's shared words; waiting for one releases the GIL and shows as `blocked`.
import { call } from '../interpreter/attributes';
import { setName } from '../interpreter/compare';
import { pyError, PyExc, tracebacks } from '../interpreter/errors';
import { NativeObject, restore, snapshot, type CodecMode, type Enc, type Snapshot } from '../interpreter/heap-codec';
import { registerType } from '../interpreter/heap-types';
import type { Interpreter } from '../interpreter/interpreter';
import { charge, defineFunction, defineMethod, float, kwarg, toFloat } from '../interpreter/native';
import { PyBoundMethod, PyFunction, PyInstance, PyModule, PyTuple, PyType, types, type PyValue } from '../interpreter/objects';
import type { Request } from '../messages';
import { truthy } from '../interpreter/compare';
import { waitingForever } from '../deadlock';
import { defineSharedMemory } from './shared';
import { BLOCKED, IO } from '../recorder';
import type { ThreadRuntime } from '../thread-runtime';
import { HANDLE_BASE, HANDLE_COUNT, LOCK_BASE, LOCK_COUNT, NEXT_GIL, NEXT_HANDLE, NEXT_LOCK, NEXT_TID, THREADS_PER_PROCESS, GILS_PER_PROCESS } from '../words';

/** How a wait shows on the lane: waiting for another thread, or for I/O. */
type WaitState = typeof BLOCKED | typeof IO;

export const lockType = registerType(new PyType('lock', [types.object], '_thread'));

export class PyLock extends NativeObject {
  readonly nativeKind = 'lock';
  constructor(
    readonly words: Int32Array,
    readonly index: number,
  ) {
    super();
  }
  override get cls(): PyType {
    return lockType;
  }
  nativeState(mode: CodecMode): Enc[] {
    return mode === 'share' ? [this.index] : [Atomics.load(this.words, this.index)];
  }
}

export function allocateWord(words: Int32Array, counter: number, base: number, count: number, what: string): number {
  const n = Atomics.add(words, counter, 1);
  if (n >= count) throw pyError('RuntimeError', `can't allocate ${what}: a process may have at most ${count}`);
  return base + n;
}

export function newLock(words: Int32Array, locked = false): PyLock {
  const index = allocateWord(words, NEXT_LOCK, LOCK_BASE, LOCK_COUNT, 'lock');
  Atomics.store(words, index, locked ? 1 : 0);
  return new PyLock(words, index);
}

/** lock.acquire(blocking=True, timeout=-1): first without giving up the GIL, as CPython does. */
function acquire(rt: ThreadRuntime, lock: PyLock, blocking: boolean, timeoutS: number, state: WaitState = BLOCKED): boolean {
  const { words, index } = lock;
  if (Atomics.compareExchange(words, index, 0, 1) === 0) {
    // Without a GIL, taking a lock is where a thread catches up with the others' changes.
    if (!rt.gil) rt.applyHeap();
    return true;
  }
  if (!blocking) return false;
  const timeoutMs = timeoutS < 0 ? Infinity : timeoutS * 1000 * rt.timeScale;
  return blockOn(rt, timeoutMs, state, () => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (Atomics.compareExchange(words, index, 0, 1) === 0) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      rt.waitWord(words, index, 1, left);
    }
  });
}

/** A wait on another thread (`blocked`); one with no timeout is marked, so a deadlock can be told. */
function blockOn<T>(rt: ThreadRuntime, timeoutMs: number, state: WaitState, wait: () => T): T {
  if (timeoutMs !== Infinity) return rt.block(state, wait);
  return rt.block(state, () => waitingForever(rt.words, rt.context.tid, programLine(rt), wait));
}

/** The line of the program's own code the thread is at (inside threading.py, the line that called it). */
function programLine(rt: ThreadRuntime): number {
  for (let f = rt.interp.frame; f; f = f.back) if (f.code.file === rt.settings.file) return f.line;
  return 0;
}

function release(lock: PyLock, rt: ThreadRuntime | null = null): void {
  // Without a GIL, releasing a lock is where a thread's changes become visible to the next holder.
  if (rt && !rt.gil) rt.publishHeap();
  if (Atomics.compareExchange(lock.words, lock.index, 1, 0) !== 1) throw pyError('RuntimeError', 'release unlocked lock');
  Atomics.notify(lock.words, lock.index, 1);
}

let lockMethodsReady = false;
function initLockType(rt: () => ThreadRuntime): void {
  if (lockMethodsReady) return;
  lockMethodsReady = true;
  const acq = (self: PyValue, args: PyValue[], kwargs: Map<string, PyValue> | null) => {
    charge();
    const blocking = truthy(args[0] ?? kwarg(kwargs, 'blocking', true));
    const timeout = toFloat(args[1] ?? kwarg(kwargs, 'timeout', -1));
    if (!blocking && timeout !== -1) throw pyError('ValueError', "can't specify a timeout for a non-blocking call");
    return acquire(rt(), self as PyLock, blocking, timeout);
  };
  defineMethod(lockType, 'acquire', acq);
  defineMethod(lockType, 'acquire_lock', acq);
  defineMethod(lockType, '__enter__', (self) => acquire(rt(), self as PyLock, true, -1));
  const rel = (self: PyValue) => {
    charge();
    release(self as PyLock, rt());
    return null;
  };
  defineMethod(lockType, 'release', rel);
  defineMethod(lockType, 'release_lock', rel);
  defineMethod(lockType, '__exit__', rel);
  defineMethod(lockType, 'locked', (self) => Atomics.load((self as PyLock).words, (self as PyLock).index) === 1);
  defineMethod(lockType, '__repr__', (self) => `<${Atomics.load((self as PyLock).words, (self as PyLock).index) ? 'locked' : 'unlocked'} _thread.lock object>`);
}

export interface ThreadsHost {
  rt: ThreadRuntime;
  words: Int32Array;
  pid: number;
  tidBase: number;
  /** Sends a request to the supervisor and waits (GIL released by the caller) for its answer. */
  ask(request: Request): unknown;
  /** Sends a request and goes on: its effect is ordered after this thread's earlier requests. */
  tell(request: Request): void;
}

export const channelType = registerType(new PyType('channel', [types.object], '_gil_lab'));

/** A channel between processes (multiprocessing.Queue, Pool): the supervisor holds its items. */
export class PyChannel extends NativeObject {
  readonly nativeKind = 'channel';
  constructor(readonly id: string) {
    super();
  }
  override get cls(): PyType {
    return channelType;
  }
  nativeState(): Enc[] {
    return [this.id];
  }
}

let channels = 0;

/** Prints an exception that ended a thread or a process, as CPython does, and reports it. */
function reportException(h: ThreadsHost, header: string, e: PyValue, thread: string): void {
  const rt = h.rt;
  if (!(e instanceof PyInstance)) return;
  const failure = rt.interp.describe(new PyExc(e, tracebacks.get(e) ?? []));
  rt.write(`${header}\n${failure.text}\n`, 'stderr', failure.line);
  // Asked, not just posted: the supervisor has it before this thread ends, so before a join on
  // it returns and the main thread's exit is judged (messages of two threads may cross).
  h.ask({
    op: 'thread-failed',
    failure: { tid: rt.context.tid, thread, type: failure.type, message: failure.message, line: failure.line, traceback: failure.text },
  });
}

const warned = new Set<string>();

/** warnings.warn with CPython's default filters: shown once per place, DeprecationWarning only for the program's own lines. */
function warn(rt: ThreadRuntime, message: string, category: PyValue, stacklevel: number): void {
  let f = rt.interp.frame;
  for (let i = 1; i < stacklevel && f; i++) f = f.back;
  if (!f) return;
  const name = category instanceof PyType ? category.name : 'UserWarning';
  if (name === 'DeprecationWarning' && f.code.file !== rt.settings.file) return;
  const key = `${f.code.file}:${f.line}:${message}`;
  if (warned.has(key)) return;
  warned.add(key);
  const source = rt.interp.sources.get(f.code.file)?.[f.line - 1]?.trim();
  rt.write(`${f.code.file}:${f.line}: ${name}: ${message}\n${source ? `  ${source}\n` : ''}`, 'stderr', f.code.file === rt.settings.file ? f.line : 0);
}

/**
 * A thread in an interpreter of its own (the subinterpreters strategy): it starts from a copy of
 * the modules and runs func(*args, **kwargs) under a GIL of its own.
 */
function startInterpreterThread(h: ThreadsHost, func: PyValue, args: PyValue, kwargs: PyValue, name: string): PyTuple {
  const { rt, words } = h;
  const n = Atomics.add(words, NEXT_TID, 1);
  if (n >= THREADS_PER_PROCESS) throw pyError('RuntimeError', `can't start new thread: a process may start at most ${THREADS_PER_PROCESS}`);
  const tid = h.tidBase + n;
  const sentinel = newLock(words, true);
  const gil = Atomics.add(words, NEXT_GIL, 1) + 1;
  if (gil >= GILS_PER_PROCESS) throw pyError('RuntimeError', `can't create interpreter: at most ${GILS_PER_PROCESS - 1}`);
  const interpreter = snapshot([rt.interp.modules, func, args, kwargs], `the interpreter of thread ${rt.context.name}`);
  rt.context.post({ type: 'start-thread', tid, name, entry: null, sentinel: sentinel.index, gil, interpreter });
  return new PyTuple([tid, sentinel]);
}

/** Starts a Python thread running `func()`; its sentinel lock is released when it ends. */
function startThread(h: ThreadsHost, func: PyValue, name: string): PyTuple {
  const { rt, words } = h;
  const n = Atomics.add(words, NEXT_TID, 1);
  if (n >= THREADS_PER_PROCESS) throw pyError('RuntimeError', `can't start new thread: a process may start at most ${THREADS_PER_PROCESS}`);
  const tid = h.tidBase + n;
  const sentinel = newLock(words, true);
  const mode = rt.settings.mode;
  if (mode === 'sequential') {
    // One thread: the target runs to completion here, before start() returns.
    call(func, [], null);
    release(sentinel);
    return new PyTuple([tid, sentinel]);
  }
  const entry = rt.share(func);
  rt.publishHeap();
  const gil = rt.context.gilIndex;
  const interpreter = null;
  rt.context.post({ type: 'start-thread', tid, name, entry, sentinel: sentinel.index, gil, interpreter });
  return new PyTuple([tid, sentinel]);
}

export function makeThreadModules(host: () => ThreadsHost): Record<string, (interp: Interpreter) => PyModule> {
  initLockType(() => host().rt);
  return {
    _gil_lab: () => {
      const m = new PyModule('_gil_lab', true);
      const d = m.dict;
      setName(d, 'LockType', lockType);
      setName(d, 'TIMEOUT_MAX', float(4294967.0));
      defineFunction(d, 'allocate_lock', () => newLock(host().words), '_gil_lab');
      defineFunction(d, 'get_ident', () => host().rt.context.tid, '_gil_lab');
      defineFunction(d, 'start_thread', (args) => startThread(host(), args[0], String(args[1])), '_gil_lab');
      defineFunction(d, 'start_interpreter_thread', (args) => startInterpreterThread(host(), args[0], args[1], args[2], String(args[3])), '_gil_lab');
      defineFunction(d, 'rename_thread', (args) => {
        host().rt.context.post({ type: 'rename-thread', tid: args[0] as number, name: String(args[1]) });
        return null;
      }, '_gil_lab');
      defineFunction(d, 'mode', () => host().rt.settings.mode, '_gil_lab');
      // asyncio.iscoroutinefunction: is this a function (or a method of one) written with async def?
      defineFunction(d, 'is_coroutine_function', (args) => {
        const f = args[0] instanceof PyBoundMethod ? args[0].func : args[0];
        return f instanceof PyFunction && f.code.kind === 'coroutine';
      }, '_gil_lab');
      defineFunction(d, 'task_lane', (args) => host().rt.newTaskLane(String(args[0])), '_gil_lab');
      defineFunction(d, 'task_state', (args) => {
        host().rt.taskState(args[0] as number, String(args[1]));
        return null;
      }, '_gil_lab');
      defineFunction(d, 'start_process', (args) => {
        const h = host();
        const handle = allocateWord(h.words, NEXT_HANDLE, 0, HANDLE_COUNT, 'child process');
        Atomics.store(h.words, HANDLE_BASE + 2 * handle, 0);
        const fork = snapshot([h.rt.interp.modules, args[0]], 'the parent process');
        h.rt.publishHeap();
        h.rt.context.post({ type: 'start-process', handle, name: String(args[1]), fork });
        return handle;
      }, '_gil_lab');
      defineFunction(d, 'join_process', (args) => {
        const h = host();
        const at = HANDLE_BASE + 2 * (args[0] as number);
        const timeout = args[1] === null || args[1] === undefined ? Infinity : toFloat(args[1]) * 1000 * h.rt.timeScale;
        if (Atomics.load(h.words, at) === 0) blockOn(h.rt, timeout, BLOCKED, () => h.rt.waitWord(h.words, at, 0, timeout));
        return Atomics.load(h.words, at) === 0 ? null : Atomics.load(h.words, at + 1);
      }, '_gil_lab');
      defineFunction(d, 'process_exitcode', (args) => {
        const h = host();
        const at = HANDLE_BASE + 2 * (args[0] as number);
        return Atomics.load(h.words, at) === 0 ? null : Atomics.load(h.words, at + 1);
      }, '_gil_lab');
      defineFunction(d, 'pid', () => process.pid, '_gil_lab');
      defineFunction(d, 'process_pid', (args) => host().ask({ op: 'process-pid', handle: args[0] as number }) as PyValue, '_gil_lab');
      defineFunction(d, 'terminate_process', (args) => {
        host().ask({ op: 'process-terminate', handle: args[0] as number, signal: typeof args[1] === 'number' ? args[1] : 15 });
        return null;
      }, '_gil_lab');
      defineFunction(d, 'warn', (args) => {
        warn(host().rt, String(args[0]), args[1] ?? null, (args[2] as number | undefined) ?? 1);
        return null;
      }, '_gil_lab');
      // The event loop's select(): waits, as I/O, until another thread releases `lock` (its
      // call_soon_threadsafe) or the timeout passes (None: until released).
      defineFunction(d, 'select', (args) => {
        const timeout = args[1] === undefined || args[1] === null ? -1 : toFloat(args[1]);
        return acquire(host().rt, args[0] as PyLock, true, timeout, IO);
      }, '_gil_lab');
      defineFunction(d, 'thread_exception', (args) => {
        const name = args[0] === null ? `Dummy-${host().rt.context.tid}` : String(args[0]);
        reportException(host(), `Exception in thread ${name}:`, args[1], name);
        return null;
      }, '_gil_lab');
      defineFunction(d, 'process_exception', (args) => {
        reportException(host(), `Process ${String(args[0])}:`, args[1], 'MainThread');
        return null;
      }, '_gil_lab');
      defineFunction(d, 'channel', () => new PyChannel(`c${host().rt.context.tid}_${++channels}`), '_gil_lab');
      defineFunction(d, 'channel_put', (args) => {
        const h = host();
        h.rt.settle();
        // As CPython's queue feeder and pipe write: put() does not wait for the other side.
        h.tell({ op: 'channel-put', channel: (args[0] as PyChannel).id, item: snapshot([args[1]]) });
        return null;
      }, '_gil_lab');
      defineFunction(d, 'channel_get', (args) => {
        const h = host();
        const channel = (args[0] as PyChannel).id;
        const timeout = args[1] === undefined || args[1] === null ? null : toFloat(args[1]) * 1000 * h.rt.timeScale;
        // Sequential: nothing else runs while this waits, so a get with nothing to take would wait for ever.
        const never = timeout === null && h.rt.settings.mode === 'sequential';
        const answer = blockOn(h.rt, never ? 0 : (timeout ?? Infinity), BLOCKED, () => h.ask({ op: 'channel-get', channel, timeoutMs: never ? 0 : timeout })) as Snapshot | null;
        if (answer === null && never)
          throw pyError('RuntimeError', 'deadlock: this waits for an object no one can send, as under the sequential strategy each Process and Thread runs to its end at start()');
        const found = answer !== null;
        const item = found ? restore(answer, h.rt.resolverForCopies())[0] : null;
        return args[2] ? new PyTuple([found, item]) : item;
      }, '_gil_lab');
      defineFunction(d, 'channel_size', (args) => host().ask({ op: 'channel-size', channel: (args[0] as PyChannel).id }) as number, '_gil_lab');
      defineSharedMemory(d, host);
      return m;
    },
  };
}
