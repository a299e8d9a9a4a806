// Entry of a worker thread: a warm thread waits until its process makes it a Python thread —
// the process's MainThread (the program, or a forked child's target) or a thread the program
// started — then runs it on a ThreadRuntime and ends.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { blockUntil } from './clock';
import { crashError } from './crash-report';
import { Inbox } from './inbox';
import { call, getAttr } from './interpreter/attributes';
import { PyExc } from './interpreter/errors';
import { restore } from './interpreter/heap-codec';
import { toArray } from './interpreter/iteration';
import { PyDict, PyModule, type PyValue } from './interpreter/objects';
import type { Become, FromThread, Request, ThreadData } from './messages';
import { makeSystemModules } from './modules/system';
import { makeThreadModules, PyChannel, PyLock, newLock, type ThreadsHost } from './modules/threads';
import { makeMath } from './interpreter/modules/math';
import { makeTraceback } from './interpreter/modules/traceback';
import { makeRe } from './interpreter/modules/re';
import { makeRandom } from './modules/random';
import { makeSocket } from './modules/socket';
import { prelude } from './prelude';
import { ThreadRuntime } from './thread-runtime';
import { warmUp } from './warm-up';

/** Making the interpreter compiles the program and its prelude: a SyntaxError there is a PyExc. */
function compileAhead(make: () => ThreadRuntime): ThreadRuntime {
  try {
    return make();
  } catch (e) {
    throw crashError(e);
  }
}

const data = workerData as ThreadData & { port: MessagePort };
const inbox = new Inbox(data.signal, data.port);
const post = (message: FromThread) => parentPort!.postMessage(message);
const words = new Int32Array(data.words);

/** How often a prepared warm thread looks for new entries of the heap log (a look is one atomic load). */
const PREPARE_POLL_MS = 2;

function awaitBecome(): Become {
  let prepared = false;
  for (;;) {
    const m = inbox.take(prepared ? PREPARE_POLL_MS : 1000);
    if (m?.type === 'become-main' || m?.type === 'become-thread') return m;
    if (m?.type === 'shutdown') process.exit(0);
    if (m?.type === 'prepare') prepared = true;
    if (prepared) runtime.prepare(data.heapLog);
  }
}

let seq = 0;
function ask(request: Request): unknown {
  const mine = ++seq;
  runtime.flushOutput();
  post({ type: 'request', tid: runtime.context.tid, seq: mine, request });
  for (;;) {
    const m = inbox.take(150);
    if (m?.type === 'reply' && m.seq === mine) return m.value;
    runtime.flushIfDue();
  }
}

/** A request with no answer to wait for (seq 0: the supervisor does not reply). */
function tell(request: Request): void {
  runtime.flushOutput();
  post({ type: 'request', tid: runtime.context.tid, seq: 0, request });
}

/** os.getppid(): the OS pid of the process that started this one, once this thread has become a Python thread. */
let parentPid = process.ppid;

// The modules reach the runtime through closures, called only once it exists.
const host = (): ThreadsHost => ({ rt: runtime, words, pid: data.pid, tidBase: data.tidBase, ask, tell });
const runtime: ThreadRuntime = compileAhead(() => new ThreadRuntime({
  pid: data.pid,
  tid: 0,
  name: '',
  settings: data.settings,
  t0EpochMs: 0,
  gils: data.gils,
  gilIndex: 0,
  heapLog: data.heapLog,
  words: data.words,
  post,
  modules: {
    math: makeMath,
    traceback: makeTraceback,
    _re: makeRe,
    random: makeRandom(() => runtime),
    socket: makeSocket(() => runtime),
    ...makeSystemModules(() => runtime, () => parentPid),
    ...makeThreadModules(host),
  },
  parsed: data.parsed,
  prelude,
}));
runtime.nativeKinds.set('lock', (state, mode) => (mode === 'share' ? new PyLock(words, state[0] as number) : newLock(words, state[0] === 1)));
runtime.nativeKinds.set('channel', (state) => new PyChannel(state[0] as string));

if (data.warmUp) warmUp();
post({ type: 'thread-ready' });
const become = awaitBecome();
// A Process's parent is the process that started it (the OS parent of every process is the supervisor).
parentPid = become.ppid ?? process.ppid;
runtime.become({
  tid: become.tid,
  name: become.name,
  t0EpochMs: become.t0EpochMs,
  gilIndex: become.type === 'become-thread' ? become.gil : 0,
  heapLog: become.type === 'become-thread' && become.heapLog ? become.heapLog : data.heapLog,
});

/** The child of a fork, or a subinterpreter: its modules are the copy it was given. */
function adoptModules(copy: PyValue): void {
  const mine = runtime.interp.modules;
  if (!(copy instanceof PyDict)) return;
  for (const [k, e] of copy.map) if (!mine.map.has(k)) mine.map.set(k, e);
  mine.shape++;
}

/**
 * Modules CPython has imported before a program's first line. This machine's python3 imports
 * threading at startup (its site does), so a program's `import threading` costs it nothing; here
 * the MainThread imports it in the wait before t0 (the prelude module's body, cold, took 2-8 ms).
 */
const STARTUP_MODULES = new Set(['threading']);

function importStartupModules(): void {
  const program = data.parsed.modules[data.settings.file];
  for (const s of program?.body ?? []) {
    const names = s.kind === 'Import' ? s.names.map((a) => a.name) : s.kind === 'ImportFrom' && s.level === 0 ? [s.module] : [];
    for (const name of names) if (STARTUP_MODULES.has(name)) runtime.interp.guard(() => runtime.interp.importModule(name));
  }
}

function runMain(b: Extract<Become, { type: 'become-main' }>): number {
  const interp = runtime.interp;
  if (!b.fork) importStartupModules();
  blockUntil(b.t0EpochMs);
  runtime.markStart();
  let exitcode = 0;
  let failure;
  if (b.fork) {
    const [modules, processObject] = restore(b.fork, runtime.resolver);
    adoptModules(modules);
    runtime.starting(data.settings.processStartMs);
    failure = runtime.run(() => {
      const code = call(getAttr(processObject, '_bootstrap'), [], null);
      exitcode = typeof code === 'number' ? code : 0;
    });
  } else {
    const compiled = interp.compiled.get(data.settings.file)!;
    failure = runtime.run(() => interp.runModuleCode(interp.mainModule(), compiled, data.settings.file));
    if (failure) {
      exitcode = failure.exitcode ?? 1;
      post({ type: 'thread-failed', failure: { tid: b.tid, thread: 'MainThread', type: failure.type, message: failure.message, line: failure.line, traceback: failure.text } });
    }
    // As the interpreter does at exit: wait for non-daemon threads, run the atexit functions, then wait for non-daemon child processes.
    interp.guard(() => {
      const modules = interp.modules.map;
      const threading = modules.get('threading')?.v;
      if (threading instanceof PyModule) call(getAttr(threading, '_shutdown'), [], null);
    });
    // Then, as Py_Finalize does, the atexit functions (each one's exception is reported by atexit itself).
    interp.guard(() => {
      const modules = interp.modules.map;
      const atexit = modules.get('atexit')?.v;
      if (atexit instanceof PyModule) call(getAttr(atexit, '_run_exitfuncs'), [], null);
      const mp = modules.get('multiprocessing')?.v;
      if (mp instanceof PyModule) call(getAttr(mp, '_join_children'), [], null);
    });
  }
  void failure;
  return exitcode;
}

function runThread(b: Extract<Become, { type: 'become-thread' }>): void {
  runtime.markStart();
  runtime.starting(data.settings.threadStartMs);
  runtime.run(() => {
    if (b.interpreter) {
      // An interpreter of its own: a copy of the modules, then func(*args, **kwargs) with threading's error report.
      const [modules, func, args, kwargs] = restore(b.interpreter, runtime.resolver);
      adoptModules(modules);
      try {
        call(func, toArray(args), kwargs instanceof PyDict ? new Map([...kwargs.map.values()].map((e) => [String(e.k), e.v])) : null);
      } catch (e) {
        if (!(e instanceof PyExc)) throw e;
        const threading = runtime.interp.importModule('_gil_lab');
        call(getAttr(threading, 'thread_exception'), [b.name, e.value], null);
      }
      return;
    }
    call(runtime.heap.decode(b.entry), [], null);
  });
}

try {
  if (become.type === 'become-main') {
    const exitcode = runMain(become);
    runtime.finish();
    post({ type: 'main-exit', exitcode, atEpochMs: performance.timeOrigin + performance.now() });
  } else {
    runThread(become);
    runtime.finish();
    // The thread's sentinel lock: join() returns once it is released, after the thread's last change is published.
    Atomics.store(words, become.sentinel, 0);
    Atomics.notify(words, become.sentinel);
  }
} catch (e) {
  throw crashError(e, (exc) => runtime.interp.describe(exc).text);
}
process.exit(0);
