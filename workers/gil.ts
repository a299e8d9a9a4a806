// The simulated GIL, with the rules of CPython's Python/ceval_gil.c, in a SharedArrayBuffer
// shared by the threads of one interpreter.
//
// new model (3.2+): a waiter waits at most one switch interval; if no hand-off happened
// meanwhile it sets the drop request; the holder sees it between slices, drops the GIL and
// (FORCE_SWITCHING) waits until another thread has taken it. Which waiter wins is up to the OS.
// old model (Python 2): the holder releases and re-takes the GIL every check interval, with no
// drop request; on several cores it usually wins again ("the GIL battle").
import type { GilModel } from '../common/program';

const LOCKED = 0;
const LAST_HOLDER = 1;
const SWITCH_NUMBER = 2;
const DROP_REQUEST = 3;
const WORDS = 4;

/**
 * Looks at a word this many times before sleeping on it. Atomics.wait wakes a thread about twice
 * as slowly as a futex does for CPython, so without a short spin every hand-off would cost two
 * slow wake-ups (the benchmark compares against a bare Atomics ping-pong).
 */
const SPINS = 400;

function spinUntilChanged(word: Int32Array, index: number, from: number): boolean {
  for (let i = 0; i < SPINS; i++) if (Atomics.load(word, index) !== from) return true;
  return false;
}

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

  constructor(
    buffer: SharedArrayBuffer,
    index: number,
    private readonly self: number,
    private readonly model: GilModel,
    /** sys.getswitchinterval(), read at every wait: sys.setswitchinterval changes it for the whole process. */
    private readonly switchInterval: () => number,
    private readonly events: GilEvents,
  ) {
    this.word = new Int32Array(buffer, index * WORDS * Int32Array.BYTES_PER_ELEMENT, WORDS);
  }

  /** take_gil: returns once this thread holds the GIL. */
  take(): void {
    if (this.held) return;
    const w = this.word;
    while (Atomics.compareExchange(w, LOCKED, 0, 1) !== 0) {
      if (this.model === 'old') {
        Atomics.wait(w, LOCKED, 1);
        continue;
      }
      const savedSwitchNumber = Atomics.load(w, SWITCH_NUMBER);
      if (spinUntilChanged(w, LOCKED, 1)) continue;
      const result = Atomics.wait(w, LOCKED, 1, this.switchInterval());
      if (result === 'timed-out' && Atomics.load(w, LOCKED) === 1 && Atomics.load(w, SWITCH_NUMBER) === savedSwitchNumber) {
        if (Atomics.exchange(w, DROP_REQUEST, 1) === 0) this.events.onDropRequest();
      }
    }
    const previous = Atomics.exchange(w, LAST_HOLDER, this.self);
    if (previous !== this.self) {
      if (previous !== 0) this.handoffs++;
      Atomics.add(w, SWITCH_NUMBER, 1);
      Atomics.notify(w, SWITCH_NUMBER); // FORCE_SWITCHING: wake the thread that dropped for us
    }
    Atomics.store(w, DROP_REQUEST, 0);
    this.held = true;
  }

  /** drop_gil: releases the GIL; after a forced drop, waits until another thread has taken it. */
  drop(): void {
    if (!this.held) return;
    this.held = false;
    const w = this.word;
    const switchNumber = Atomics.load(w, SWITCH_NUMBER);
    Atomics.store(w, LOCKED, 0);
    Atomics.notify(w, LOCKED, 1);
    if (this.model === 'new' && Atomics.load(w, DROP_REQUEST) === 1 && Atomics.load(w, LAST_HOLDER) === this.self) {
      Atomics.store(w, DROP_REQUEST, 0);
      // One wait, as CPython's COND_WAIT; bounded so a vanished waiter cannot stall us.
      if (!spinUntilChanged(w, SWITCH_NUMBER, switchNumber))
        Atomics.wait(w, SWITCH_NUMBER, switchNumber, Math.max(50, this.switchInterval() * 10));
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

  /**
   * old model: release and immediately try to take it back, as Python 2 did every 100 ticks.
   * Returns false when another thread won it: this thread no longer holds the GIL.
   */
  checkInterval(): boolean {
    if (this.model !== 'old') return true;
    const w = this.word;
    Atomics.store(w, LOCKED, 0);
    Atomics.notify(w, LOCKED, 1);
    if (Atomics.compareExchange(w, LOCKED, 0, 1) === 0) return true;
    this.held = false;
    return false;
  }
}
