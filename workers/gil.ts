// The simulated GIL, with the rules of CPython's Python/ceval_gil.h (3.11), in a SharedArrayBuffer
// shared by the threads of one interpreter.
//
// new model (3.2+): a waiter waits at most one switch interval; if no hand-off happened
// meanwhile it sets the drop request; the holder sees it between slices, drops the GIL and
// (FORCE_SWITCHING) waits until another thread has taken it. Which waiter wins is up to the OS,
// except for one race the engine would always win: see `wakeUs`.
// old model (Python 2): the holder releases and re-takes the GIL every check interval, with no
// drop request; on several cores it usually wins again ("the GIL battle").
import type { GilModel } from '../common/program';
import { epochMs } from './clock';

const LOCKED = 0;
const LAST_HOLDER = 1;
const SWITCH_NUMBER = 2;
const DROP_REQUEST = 3;
/** Threads signalled (drop_gil's COND_SIGNAL, or FORCE_SWITCHING's switch_cond) that have not woken yet. */
const SIGNALLED = 4;
/** When the last of them was signalled (µs, wrapping). */
const SIGNALLED_AT = 5;
/** Counts takes, for a thread letting a signalled one through. */
const TAKES = 6;
/** Threads sleeping in take(). */
const WAITERS = 7;
const WORDS = 8;

/**
 * Looks at a word this many times before sleeping on it. Atomics.wait wakes a thread about twice
 * as slowly as a futex does for CPython, so without a short spin every hand-off would cost two
 * slow wake-ups (the benchmark compares against a bare Atomics ping-pong).
 */
const SPINS = 400;

/** CPython's wake-up latency (µs) where it was not measured: 3.11 on the project's 2-core Linux machine. */
export const DEFAULT_WAKE_US = 7;

/** A thread lets a signalled one through for at most this long (ms), should that one never come. */
const LET_THROUGH_MS = 2;

function spinUntilChanged(word: Int32Array, index: number, from: number): boolean {
  for (let i = 0; i < SPINS; i++) if (Atomics.load(word, index) !== from) return true;
  return false;
}

const nowUs = (): number => Math.round(epochMs() * 1000) | 0;

/** Room for `count` GILs: a process has one per interpreter. */
export function newGilBuffer(count = 1): SharedArrayBuffer {
  return new SharedArrayBuffer(count * WORDS * Int32Array.BYTES_PER_ELEMENT);
}

export interface GilEvents {
  /** The waiter set the drop request. */
  onDropRequest(): void;
}

export class Gil {
  private readonly word: Int32Array;
  /** Whether this thread holds the GIL: only take() and drop() change it. */
  held = false;
  /** Acquisitions that took the GIL from another thread. */
  handoffs = 0;
  /** Releases forced by a drop request. */
  forcedSwitches = 0;
  /** Times this thread found the GIL free but let a signalled thread take it (it lost the race). */
  letThrough = 0;
  /** old model: check intervals at which another thread was waiting (each signalled it in vain). */
  battles = 0;

  constructor(
    buffer: SharedArrayBuffer,
    index: number,
    private readonly self: number,
    private readonly model: GilModel,
    /** sys.getswitchinterval(), read at every wait: sys.setswitchinterval changes it for the whole process. */
    private readonly switchInterval: () => number,
    private readonly events: GilEvents,
    /**
     * How long CPython's signalled thread takes to wake and run (µs). The engine's threads wake
     * several times more slowly (Atomics.wait), so a thread back from a short blocking call would
     * always find the GIL still free; in CPython the signalled thread is running by then and
     * takes it first. A thread that finds the GIL free while a thread signalled at least this
     * long ago is still waking lets that one take it, and waits as CPython's loser does.
     */
    private readonly wakeUs = DEFAULT_WAKE_US,
  ) {
    this.word = new Int32Array(buffer, index * WORDS * Int32Array.BYTES_PER_ELEMENT, WORDS);
  }

  /** take_gil: returns once this thread holds the GIL. */
  take(): void {
    if (this.held) return;
    if (this.model === 'old') this.takeOld();
    else this.takeNew();
    const w = this.word;
    Atomics.add(w, TAKES, 1);
    Atomics.notify(w, TAKES);
    const previous = Atomics.exchange(w, LAST_HOLDER, this.self);
    if (previous !== this.self) {
      if (previous !== 0) this.handoffs++;
      Atomics.add(w, SWITCH_NUMBER, 1);
      // FORCE_SWITCHING: wake the thread that dropped for us; it goes on to take_gil again.
      this.signal(SWITCH_NUMBER, Infinity);
    }
    Atomics.store(w, DROP_REQUEST, 0);
    this.held = true;
  }

  private takeNew(): void {
    const w = this.word;
    let waited = false;
    /** Woken by a signal: it counts as on its way (SIGNALLED) until it has tried once, so nobody slips in first. */
    let signalled = false;
    for (;;) {
      const free = Atomics.load(w, LOCKED) === 0;
      if (free && !waited && this.signalledAhead()) {
        this.letSignalledThrough();
        waited = true;
        continue;
      }
      const won = free && Atomics.compareExchange(w, LOCKED, 0, 1) === 0;
      if (signalled) this.unsignal();
      signalled = false;
      if (won) return;
      const savedSwitchNumber = Atomics.load(w, SWITCH_NUMBER);
      if (spinUntilChanged(w, LOCKED, 1)) continue;
      waited = true;
      Atomics.add(w, WAITERS, 1);
      const result = Atomics.wait(w, LOCKED, 1, this.switchInterval());
      Atomics.sub(w, WAITERS, 1);
      // 'not-equal': the GIL was dropped between counting ourselves a waiter and sleeping; the
      // drop counted us as signalled all the same (see signal).
      signalled = result !== 'timed-out';
      if (
        result === 'timed-out' &&
        Atomics.load(w, LOCKED) === 1 &&
        Atomics.load(w, SWITCH_NUMBER) === savedSwitchNumber
      ) {
        if (Atomics.exchange(w, DROP_REQUEST, 1) === 0) this.events.onDropRequest();
      }
    }
  }

  private takeOld(): void {
    const w = this.word;
    for (;;) {
      const won = Atomics.compareExchange(w, LOCKED, 0, 1) === 0;
      if (won) return;
      Atomics.add(w, WAITERS, 1);
      Atomics.wait(w, LOCKED, 1); // no timeout: only a release ends it ('ok' or 'not-equal'), and a release signals
      Atomics.sub(w, WAITERS, 1);
      this.unsignal();
    }
  }

  /** A thread was signalled long enough ago that CPython's would be running, and it has not woken yet. */
  private signalledAhead(): boolean {
    const w = this.word;
    return Atomics.load(w, SIGNALLED) > 0 && ((nowUs() - Atomics.load(w, SIGNALLED_AT)) | 0) >= this.wakeUs;
  }

  /** Lost the race: waits until the signalled thread has taken the GIL (bounded, in case it never does). */
  private letSignalledThrough(): void {
    const w = this.word;
    this.letThrough++;
    const takes = Atomics.load(w, TAKES);
    if (Atomics.wait(w, TAKES, takes, LET_THROUGH_MS) === 'timed-out' && Atomics.load(w, LOCKED) === 0)
      Atomics.store(w, SIGNALLED, 0); // nobody came: forget the signal rather than wait for it again
  }

  /** Wakes up to `count` threads sleeping on `index`, noting when, as CPython's COND_SIGNAL would. */
  private signal(index: number, count: number): void {
    const w = this.word;
    Atomics.store(w, SIGNALLED_AT, nowUs());
    const woken = Atomics.notify(w, index, count);
    this.lastWoken = woken;
    // A waiter about to sleep on the GIL is signalled too, as CPython's waiter holds the mutex
    // between checking and waiting: it finds the word changed and counts itself woken.
    const counted = index === LOCKED && woken === 0 && Atomics.load(w, WAITERS) > 0 ? 1 : woken;
    if (counted > 0) Atomics.add(w, SIGNALLED, counted);
  }

  /** A signalled thread has tried for the GIL: it no longer counts as on its way. Never below 0. */
  private unsignal(): void {
    const w = this.word;
    for (;;) {
      const v = Atomics.load(w, SIGNALLED);
      if (v <= 0 || Atomics.compareExchange(w, SIGNALLED, v, v - 1) === v) return;
    }
  }

  /** drop_gil: releases the GIL; after a forced drop, waits until another thread has taken it. */
  drop(): void {
    if (!this.held) return;
    this.held = false;
    const w = this.word;
    const switchNumber = Atomics.load(w, SWITCH_NUMBER);
    Atomics.store(w, LOCKED, 0);
    this.signal(LOCKED, 1);
    if (this.model === 'new' && Atomics.load(w, DROP_REQUEST) === 1 && Atomics.load(w, LAST_HOLDER) === this.self) {
      Atomics.store(w, DROP_REQUEST, 0);
      // One wait, as CPython's COND_WAIT; bounded so a vanished waiter cannot stall us.
      if (!spinUntilChanged(w, SWITCH_NUMBER, switchNumber)) {
        const result = Atomics.wait(w, SWITCH_NUMBER, switchNumber, Math.max(50, this.switchInterval() * 10));
        if (result === 'ok') this.unsignal();
      }
    }
  }

  /** The eval breaker's question, asked between slices of computation. */
  dropRequested(): boolean {
    return this.model === 'new' && Atomics.load(this.word, DROP_REQUEST) === 1;
  }

  /** A forced switch: drop for the waiter, then queue up again. */
  yieldForDropRequest(): void {
    this.forcedSwitches++;
    this.drop();
  }

  /** Whether a thread is sleeping in take(). */
  hasWaiters(): boolean {
    return Atomics.load(this.word, WAITERS) > 0;
  }

  /**
   * old model: release and immediately try to take it back, as Python 2 did every 100 ticks.
   * Returns false when another thread won it: this thread no longer holds the GIL.
   */
  checkInterval(): boolean {
    if (this.model !== 'old') return true;
    const w = this.word;
    const battle = this.hasWaiters();
    Atomics.store(w, LOCKED, 0);
    const start = battle ? epochMs() : 0;
    this.signal(LOCKED, 1);
    if (battle) {
      this.battles++;
      if (this.lastWoken > 0) this.signalCostMs += (epochMs() - start - this.signalCostMs) / 8;
    }
    if (Atomics.compareExchange(w, LOCKED, 0, 1) === 0) return true;
    this.held = false;
    return false;
  }

  /**
   * What signalling a sleeping thread costs the signaller here (ms, a running average of real
   * ones). Python 2's waiter woke, lost, and slept again between two check intervals, so its
   * holder paid this at every one; the engine's waiter wakes more slowly, so most of the engine's
   * signals find it still waking and cost nothing: charging this per battle puts the cost back.
   */
  signalCostMs = 0.002;
  private lastWoken = 0;
}
