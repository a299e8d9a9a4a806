// One Python thread on a worker thread: the host its interpreter runs in. It holds the GIL (or
// not, without one), keeps the thread's replica of the shared heap in step at every hand-off,
// makes computed time cost what CPython would (the eval breaker pays the difference between
// what the interpreter charged and the CPU it used, by burning), and records the lane.
import type { Module } from '../common/python/ast-nodes';
import { epochMs, blockUntil } from './clock';
import { burn, sliceIterations } from './cpu';
import { Gil } from './gil';
import { HeapLog } from './heap-log';
import { SharedHeap } from './interpreter/heap';
import type { Enc, HeapResolver } from './interpreter/heap-codec';
import { Interpreter, type Failure, type InterpreterHost } from './interpreter/interpreter';
import type { PyModule, PyObject } from './interpreter/objects';
import type { FromThread, ParsedSources, RunSettings, ThreadStats } from './messages';
import { BLOCKED, IDLE, IO, Recorder, RUNNING, STARTING, WAITING, type LaneState } from './recorder';
import { laneStats, preludeName } from './thread-parts';
import { threadCpuClock } from './thread-cpu';
import { NEXT_TID, RECURSION_LIMIT_WORD, SWITCH_INTERVAL_US, THREADS_PER_PROCESS } from './words';
import { MAX_DEPTH, RECURSION_LIMIT } from './interpreter/frame';

/** The eval breaker runs after this much charged time (ns): CPython's runs every few µs of bytecode. */
const CHECK_NS = 20_000;
/**
 * old model: Python 2 released and re-took the GIL every 100 ticks (sys.setcheckinterval), about
 * 5 µs of Python 2.6's bytecode (Beazley's count loop: 0.25 µs an iteration of ~5 ticks).
 */
const OLD_CHECK_NS = 5_000;
/** Computed time is paid (burned) in rounds of this much charged time (ns). */
const SETTLE_NS = 250_000;
/** How often the lane's trace goes to the process: a few times a second, so lanes fill in live. */
export const FLUSH_MS = 150;
/** A running interval is cut where the line changed, at most this often (µs). */
const LINE_SPLIT_US = 1000;
/** Without a GIL, threads exchange heap changes at least this often (ms). */
const FREE_SYNC_MS = 1;

export interface ThreadContext {
  pid: number;
  tid: number;
  name: string;
  settings: RunSettings;
  t0EpochMs: number;
  gils: SharedArrayBuffer;
  /** Which of the process's GILs this thread's interpreter uses. */
  gilIndex: number;
  heapLog: SharedArrayBuffer;
  words: SharedArrayBuffer;
  post(message: FromThread): void;
  /** The program and the prelude modules it imports, parsed by the supervisor (compiled here). */
  parsed: ParsedSources;
  /** Engine modules (time, os, _thread …) and prelude sources this thread's interpreter imports. */
  modules: Record<string, (interp: Interpreter) => PyModule>;
  prelude: Record<string, string>;
}

/** Who a warm thread becomes: known only when the program starts the thread. */
export interface ThreadIdentity {
  tid: number;
  name: string;
  t0EpochMs: number;
  gilIndex: number;
  heapLog: SharedArrayBuffer;
}

export class ThreadRuntime implements InterpreterHost {
  readonly interp: Interpreter;
  recorder!: Recorder;
  gil: Gil | null = null;
  readonly words: Int32Array;
  heap!: SharedHeap;
  private log!: HeapLog;
  /** The log a warm thread replayed while it waited (prepare), if it did. */
  private prepared: HeapLog | null = null;
  private readonly cpu = threadCpuClock();
  readonly settings: RunSettings;
  readonly modules: Record<string, (interp: Interpreter) => PyModule>;
  readonly prelude: Record<string, string>;
  readonly timeScale: number;
  private readonly slice: number;
  // -0: doubles from the start (see Interpreter.cost).
  private costAtSettle = -0;
  private cpuAtSettle: number;
  /** Computed time not paid yet (ms); negative when the interpreter ran slower than CPython. */
  private carryMs = -0;
  private lastFlush = epochMs();
  private lastHeapSync = epochMs();

  /** A warm thread: its interpreter exists and has compiled the program and the prelude it imports. */
  constructor(readonly context: ThreadContext) {
    const s = context.settings;
    this.settings = s;
    this.modules = context.modules;
    this.prelude = context.prelude;
    this.timeScale = s.timeScale;
    this.slice = sliceIterations(s.itersPerMs);
    this.words = new Int32Array(context.words);
    this.interp = new Interpreter(this, s.costs, s.file);
    this.resolver = this.makeResolver();
    this.precompile();
    this.cpuAtSettle = this.cpu.nowMs();
  }

  /** Compiles the program and what its imports load, so a thread that starts pays none of it. */
  private precompile(): void {
    const s = this.settings;
    // A program that does not parse is compiled from its text: that reports the SyntaxError.
    this.interp.codeOf(s.source, s.file, '__main__');
    for (const file of this.context.parsed.before) {
      const name = preludeName(file);
      if (name !== undefined) this.interp.codeOf(this.prelude[name], file, name);
    }
  }

  get parsed(): Record<string, Module> {
    return this.context.parsed.modules;
  }

  /** The warm thread becomes a Python thread of the run. */
  become(identity: ThreadIdentity): void {
    const c = this.context;
    Object.assign(c, identity);
    const s = this.settings;
    const words = this.words;
    this.recorder = new Recorder(s.runId, c.tid, c.t0EpochMs, s.maxIntervalsPerLane);
    this.gil =
      s.mode === 'nogil'
        ? null
        : new Gil(c.gils, c.gilIndex, c.tid, s.gilModel, () => Atomics.load(words, SWITCH_INTERVAL_US) / 1000, {
            onDropRequest: () => this.recorder.instant('drop_request'),
          }, s.wakeUpUs);
    if (this.prepared) {
      if (this.prepared.sab !== c.heapLog) throw new Error('a warm thread that replayed its process\'s heap log became a thread of another interpreter');
      // What it replayed while it waited is this thread's replica already.
      this.log = this.prepared;
      this.log.self = c.tid;
      this.heap.owner = c.tid;
    } else {
      this.heap = new SharedHeap(this.resolver, c.tid, this.interp.modules);
      this.log = new HeapLog(c.heapLog, c.tid);
    }
    this.heap.install();
  }

  /**
   * A warm thread next in line replays its process's heap log while it waits, so its start does
   * not (the replay of a process's modules took 6-20 ms of a start). Owner 0: it shares nothing
   * until it becomes a thread.
   */
  prepare(heapLog: SharedArrayBuffer): void {
    if (!this.prepared) {
      this.heap = new SharedHeap(this.resolver, 0, this.interp.modules);
      this.log = this.prepared = new HeapLog(heapLog, 0);
    }
    this.applyHeap();
  }

  /** How this thread rebuilds objects other threads share (or other processes copy): their code, builtins and modules. */
  readonly resolver: HeapResolver;

  resolverForCopies(): HeapResolver {
    return this.resolver;
  }

  private makeResolver(): HeapResolver {
    const context = this.context;
    return {
      get threadName() {
        return context.name;
      },
      builtins: this.interp.builtins,
      importModule: (name) => this.interp.importModule(name),
      code: (file, codeId) => {
        const name = preludeName(file);
        const compiled =
          this.interp.compiled.get(file) ?? (name !== undefined && name in this.prelude ? this.interp.codeOf(this.prelude[name], file, name) : undefined);
        if (!compiled) throw new Error(`heap: no compiled code for ${file}`);
        const code = compiled.codes.get(codeId);
        if (!code) throw new Error(`heap: no code ${codeId} in ${file}`);
        return code;
      },
      native: (kind, state, mode) => this.native(kind, state, mode),
      modules: this.interp.modules,
    };
  }

  /** Native objects (locks) register their constructors here. */
  readonly nativeKinds = new Map<string, (state: unknown[], mode: 'share' | 'copy') => PyObject>();

  private native(kind: string, state: unknown[], mode: 'share' | 'copy'): PyObject {
    const make = this.nativeKinds.get(kind);
    if (!make) throw new Error(`heap: unknown native kind ${kind}`);
    return make(state, mode);
  }

  // ---- the GIL and the heap ----

  /** Takes the GIL (waiting as long as it takes) and catches up with the other threads' changes. */
  acquire(waitingState: LaneState = WAITING): void {
    const gil = this.gil;
    if (gil && !gil.held) {
      this.recorder.enter(waitingState === WAITING ? WAITING : waitingState);
      gil.take();
    }
    this.applyHeap();
    this.recorder.enter(RUNNING, this.interp.userLine());
  }

  /** Publishes this thread's changes, then lets the GIL go. */
  release(next: LaneState | typeof IDLE = IDLE): void {
    this.recorder.enter(next, this.interp.userLine());
    this.publishHeap();
    this.gil?.drop();
  }

  publishHeap(): void {
    const ops = this.heap.takePending();
    if (ops) this.log.append(ops);
    this.lastHeapSync = epochMs();
  }

  applyHeap(): void {
    for (const batch of this.log.read()) this.heap.apply(batch);
  }

  /** Shares a value with threads that start later (they replay the log from its beginning). */
  share(v: Parameters<SharedHeap['share']>[0]): Enc {
    this.heap.shareAll(this.interp.modules);
    return this.heap.share(v);
  }

  // ---- computed time ----

  /** Burns until the CPU this thread used matches the CPython time its interpreter charged. */
  settle(): void {
    const interp = this.interp;
    const cpuNow = this.cpu.nowMs();
    const charged = (interp.cost - this.costAtSettle) / 1e6;
    let debt = charged - (cpuNow - this.cpuAtSettle) + this.carryMs;
    this.costAtSettle = interp.cost;
    if (debt <= 0) {
      // The interpreter was slower than CPython: nothing to burn, and later rounds pay it back
      // before they burn again. A fresh isolate's JIT runs its first loops slowly and later ones
      // faster than CPython; the thread's CPU then matches what it charged in total.
      this.carryMs = debt;
      this.cpuAtSettle = cpuNow;
      return;
    }
    const perMs = this.settings.itersPerMs;
    while (debt > 0) {
      const ms = Math.min(debt, this.slice / perMs);
      burn(Math.max(1, Math.round(ms * perMs)));
      debt -= ms;
      if (this.gil?.dropRequested()) this.forcedSwitch();
    }
    const cpuAfter = this.cpu.nowMs();
    // What the burn really cost, against what it was meant to: the error carries over.
    this.carryMs = Math.max(-5, Math.min(5, charged - (cpuAfter - this.cpuAtSettle) + this.carryMs - debt));
    this.cpuAtSettle = cpuAfter;
  }

  /** The eval breaker, from loops' back edges and calls. */
  breaker(interp: Interpreter): void {
    interp.checkAt = interp.cost + this.checkNs;
    if (interp.cost - this.costAtSettle >= SETTLE_NS) this.settle();
    const gil = this.gil;
    if (gil) {
      if (gil.dropRequested()) this.forcedSwitch();
      else if (this.settings.gilModel === 'old') this.checkInterval();
    } else if (epochMs() - this.lastHeapSync >= FREE_SYNC_MS) {
      this.publishHeap();
      this.applyHeap();
    }
    this.flushIfDue();
    this.splitLine();
  }

  private forcedSwitch(): void {
    const gil = this.gil!;
    const line = this.interp.userLine();
    this.recorder.instant('forced_switch', undefined, line);
    this.recorder.enter(WAITING, line);
    this.publishHeap();
    gil.yieldForDropRequest();
    gil.take();
    this.applyHeap();
    this.recorder.enter(RUNNING, line);
  }

  /**
   * Python 2: every check interval the holder releases and at once tries to take it back. With a
   * thread waiting, the release wakes it in vain (it finds the GIL taken again): the signal's cost
   * is charged, so settle() does not burn it away (Beazley's GIL battle).
   */
  private checkInterval(): void {
    const gil = this.gil!;
    this.publishHeap();
    const releasedAt = this.recorder.nowUs();
    const battles = gil.battles;
    const kept = gil.checkInterval();
    if (gil.battles > battles) {
      // Paid on top of the interval's work, not out of the next one.
      this.interp.cost += gil.signalCostMs * 1e6;
      this.interp.checkAt += gil.signalCostMs * 1e6;
    }
    if (kept) return;
    const line = this.interp.userLine();
    this.recorder.enter(WAITING, line, releasedAt);
    gil.take();
    this.applyHeap();
    this.recorder.enter(RUNNING, line);
  }

  private splitLine(): void {
    const r = this.recorder;
    if (r.current !== RUNNING) return;
    const now = r.nowUs();
    if (r.age(now) < LINE_SPLIT_US) return;
    const line = this.interp.userLine();
    if (line !== r.currentLine) r.enter(RUNNING, line, now);
  }

  // ---- blocking ----

  /**
   * A blocking call: pays for computed time, releases the GIL (lane state `io` or `blocked`),
   * waits, and takes the GIL back.
   */
  block<T>(state: typeof IO | typeof BLOCKED, wait: () => T): T {
    this.settle();
    this.release(state);
    try {
      return wait();
    } finally {
      if (state === IO) this.recorder.ioCount++;
      this.acquire();
    }
  }

  /** Waits without burning CPU, waking every flush period to send what was recorded. */
  blockFor(ms: number): void {
    const deadline = epochMs() + ms;
    for (;;) {
      const remaining = deadline - epochMs();
      if (remaining <= 0) return;
      blockUntil(epochMs() + Math.min(remaining, FLUSH_MS));
      this.flushIfDue();
    }
  }

  /** time.sleep: scaled by the run's time scale. */
  sleep(seconds: number): void {
    const ms = seconds * 1000 * this.timeScale;
    this.block(IO, () => this.blockFor(ms));
  }

  /** Waits on a shared word while it holds `value` (a lock, a sentinel), up to timeoutMs (Infinity: for good). */
  waitWord(words: Int32Array, index: number, value: number, timeoutMs: number): void {
    const deadline = epochMs() + timeoutMs;
    while (Atomics.load(words, index) === value) {
      const remaining = Math.min(deadline - epochMs(), FLUSH_MS);
      if (remaining <= 0) return;
      Atomics.wait(words, index, value, remaining);
      this.flushIfDue();
    }
  }

  /**
   * A new thread's start, shown as `starting` before it runs: it catches up with the process's
   * shared objects before it asks for the GIL (a replay of the heap log, ~4 ms once threading is
   * imported, that would otherwise hold the GIL while every other thread waits), and lasts at
   * least CPython's start-up cost (ms).
   */
  starting(ms: number): void {
    const began = epochMs();
    this.recorder.enter(STARTING);
    this.applyHeap();
    const left = ms * this.timeScale - (epochMs() - began);
    if (left > 0) this.blockFor(left);
  }

  /** sys.getrecursionlimit(): the process's, as CPython's is per interpreter. */
  recursionLimit(): number {
    return Atomics.load(this.words, RECURSION_LIMIT_WORD) || RECURSION_LIMIT;
  }

  /** sys.setrecursionlimit(n): for this thread now, and for the others as they start. */
  setRecursionLimit(n: number): void {
    Atomics.store(this.words, RECURSION_LIMIT_WORD, n);
    this.interp.depthLimit = Math.min(n, MAX_DEPTH);
  }

  switchIntervalMs(): number {
    return Atomics.load(this.words, SWITCH_INTERVAL_US) / 1000;
  }

  setSwitchIntervalMs(ms: number): void {
    Atomics.store(this.words, SWITCH_INTERVAL_US, Math.max(1, Math.round(ms * 1000)));
  }

  /**
   * The program's clock (epoch ms): below time scale 1 it runs faster than the wall clock by
   * 1/scale, so that sleeps (scaled) and elapsed times read as the program's own seconds.
   */
  programTimeMs(): number {
    const t0 = this.context.t0EpochMs;
    return t0 + (epochMs() - t0) / this.timeScale;
  }

  /** time.thread_time(): this thread's CPU seconds since it began. */
  cpuSeconds(): number {
    return (this.cpu.nowMs() - this.startCpuMs) / 1000;
  }

  programLine(line: number): number {
    return this.settings.lineMap[line - 1] ?? line;
  }

  // ---- output and the trace ----

  write(text: string, stream: 'stdout' | 'stderr', line: number): void {
    this.recorder.instant(stream === 'stdout' ? 'print' : 'error', text, line);
    this.unsentOutput = true;
  }

  /** Whether something was printed since the last flush. */
  private unsentOutput = false;

  /**
   * Sends what the thread printed before it asks the supervisor for anything (a channel's put, a
   * Process's terminate): what it printed then reaches the supervisor first, even if the process
   * is ended right after (a Pool's workers at the end of its with block).
   */
  flushOutput(): void {
    if (this.unsentOutput) this.flush();
  }

  flushIfDue(): void {
    const now = epochMs();
    if (now - this.lastFlush < FLUSH_MS) return;
    this.lastFlush = now;
    this.flush();
  }

  flush(): void {
    this.unsentOutput = false;
    const batches = [this.recorder, ...this.taskLanes.values()].map((r) => r.takeBatch()).filter((b) => b !== null);
    if (batches.length > 0) this.context.post({ type: 'trace', batches });
  }

  // ---- asyncio's task lanes ----

  /** Lanes of the asyncio tasks this thread's event loop runs, by tid. */
  private readonly taskLanes = new Map<number, Recorder>();

  /** A lane of its own for an asyncio task (it runs on this thread). */
  newTaskLane(name: string): number {
    const n = Atomics.add(this.words, NEXT_TID, 1);
    const tid = this.context.tid - (this.context.tid % THREADS_PER_PROCESS) + n;
    const s = this.settings;
    this.taskLanes.set(tid, new Recorder(s.runId, tid, this.context.t0EpochMs, s.maxIntervalsPerLane));
    this.context.post({ type: 'thread-started', tid, name, gil: -1, atEpochMs: epochMs() });
    return tid;
  }

  taskState(tid: number, state: string): void {
    const lane = this.taskLanes.get(tid);
    if (!lane) return;
    const code = ({ running: RUNNING, waiting: WAITING, io: IO, blocked: BLOCKED } as Record<string, LaneState>)[state];
    lane.enter(code === undefined ? IDLE : code, this.interp.userLine());
  }

  // ---- the thread's life ----

  /** Runs a thread's body to the end (or an uncaught exception) and sends what it recorded. */
  run(body: () => void): Failure | null {
    this.acquire();
    const failure = this.interp.guard(body);
    this.settle();
    return failure;
  }

  /** Releases the GIL for good, sends the rest of the trace and the thread's totals. */
  finish(): void {
    this.release(IDLE);
    for (const lane of this.taskLanes.values()) lane.enter(IDLE);
    this.flush();
    for (const lane of this.taskLanes.values()) this.context.post({ type: 'thread-end', stats: laneStats(lane) });
    this.context.post({ type: 'thread-end', stats: this.stats() });
    this.cpu.close();
  }

  stats(): ThreadStats {
    const cpuMs = this.cpu.measured ? this.cpu.nowMs() : null;
    return laneStats(this.recorder, {
      onCpuUs: cpuMs === null ? null : Math.round((cpuMs - this.startCpuMs) * 1000),
      handoffs: this.gil?.handoffs ?? 0,
      forcedSwitches: this.gil?.forcedSwitches ?? 0,
      // What the interpreter still owes: computation it ran more slowly than CPython would have.
      behindMs: Math.max(0, -this.carryMs),
    });
  }

  /** CPU this thread had used before its Python thread began (warm-up, compilation): not counted. */
  private startCpuMs = this.cpu.nowMs();

  markStart(): void {
    this.interp.depthLimit = Math.min(this.recursionLimit(), MAX_DEPTH);
    this.startCpuMs = this.cpu.nowMs();
    this.cpuAtSettle = this.startCpuMs;
    this.costAtSettle = this.interp.cost;
    this.interp.checkAt = this.interp.cost + this.checkNs;
  }

  private get checkNs(): number {
    return this.gil && this.settings.gilModel === 'old' ? OLD_CHECK_NS : CHECK_NS;
  }
}
