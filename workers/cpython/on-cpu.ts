// When one OS thread was on a CPU, from the sampler's cumulative readings of it (schedstat and
// the R state), as flat spans. Pure: no clock, no I/O; times are CLOCK_MONOTONIC nanoseconds.

export interface CpuSample {
  tNs: number;
  /** Cumulative ns on a CPU (first field of /proc/PID/task/TID/schedstat). */
  cpuNs: number;
  /**
   * State R (running or runnable) at the reading, from /proc/PID/task/TID/stat; undefined when
   * not read. A reading of a thread in R may lag (its CPU's accounting is late); of one asleep, not.
   */
  running?: boolean;
}

/** A tick whose CPU share is this close to the whole tick counts as entirely on a CPU. */
const FULL_TICK_SLACK_NS = 50_000;
const FULL_TICK_SLACK_SHARE = 0.1;
/**
 * Linux adds a running thread's CPU time to schedstat at its CPU's scheduler tick (4 ms at
 * HZ=250, 10 ms at HZ=100) or when it is switched out, not when the file is read: a reading can
 * hold time from ticks before it. Ticks stay open this long to take that time back.
 */
export const CPU_ACCOUNTING_LAG_NS = 12_000_000;

interface Tick {
  a: number;
  b: number;
  onNs: number;
  /** The thread's state at the tick's start and end readings (undefined: not read). */
  fromRunning: boolean | undefined;
  toRunning: boolean | undefined;
}

/**
 * When a thread was on a CPU, from cumulative readings about 1 ms apart.
 *
 * How much: a reading's increase over its tick. A thread that was running at a reading may have
 * been under-reported there (late accounting), so what the next readings add beyond their own
 * tick goes back to the ticks before, newest first, as far back as the thread was running
 * through them (a reading taken while it slept was exact). When the tick began with the thread
 * running, those ticks are topped up first: the increase is most likely their late time.
 *
 * Where in the tick: with the states at both readings, running → asleep is drawn at the tick's
 * start, asleep → running at its end; otherwise at the start if the thread was on a CPU at the
 * end of the tick before, else at the end. So a GIL hand-off inside a tick draws the two threads
 * one after the other.
 */
export class OnCpuTimeline {
  /** Flat [startNs, endNs, ...], disjoint and in time order; final up to knownUntilNs. */
  spans: number[] = [];
  private last: CpuSample | null = null;
  private open: Tick[] = [];
  private endedOn = false;
  private finalUntil = -Infinity;

  /** Time up to which the CPU state is known (and will not change). */
  get knownUntilNs(): number {
    return this.finalUntil;
  }

  add(sample: CpuSample): void {
    const last = this.last;
    if (last && sample.tNs <= last.tNs) return;
    this.last = sample;
    if (!last) {
      this.finalUntil = sample.tNs;
      return;
    }
    const tickNs = sample.tNs - last.tNs;
    let gained = Math.max(0, sample.cpuNs - last.cpuNs);
    const tick: Tick = { a: last.tNs, b: sample.tNs, onNs: 0, fromRunning: last.running, toRunning: sample.running };
    if (last.running === true) gained = this.backfill(gained);
    tick.onNs = Math.min(tickNs, gained);
    this.backfill(gained - tick.onNs);
    this.open.push(tick);
    this.settle(sample.tNs - CPU_ACCOUNTING_LAG_NS);
  }

  /**
   * Gives `ns` to the open ticks that may have been under-reported, newest first: those the thread
   * was running through (read running at both ends). Returns the rest.
   */
  private backfill(ns: number): number {
    for (let i = this.open.length - 1; i >= 0 && ns > 0; i--) {
      const t = this.open[i];
      if (t.toRunning === false || t.fromRunning === false) break;
      const take = Math.min(ns, t.b - t.a - t.onNs);
      t.onNs += take;
      ns -= take;
    }
    return ns;
  }

  /** The thread ended (or the run did) after its last reading: it stays in the state it was in. */
  extendTo(tNs: number): void {
    this.settle(Infinity);
    const last = this.last;
    if (!last || tNs <= last.tNs) return;
    if (this.endedOn) this.push(last.tNs, tNs);
    this.last = { tNs, cpuNs: last.cpuNs + (this.endedOn ? tNs - last.tNs : 0) };
    this.finalUntil = tNs;
  }

  /** Forgets spans that end before `tNs`. */
  dropBefore(tNs: number): void {
    let i = 0;
    while (i < this.spans.length && this.spans[i + 1] <= tNs) i += 2;
    if (i > 0) this.spans.splice(0, i);
  }

  /** Draws the ticks that end before `untilNs`: no later reading can add to them. */
  private settle(untilNs: number): void {
    let n = 0;
    for (; n < this.open.length && this.open[n].b <= untilNs; n++) this.draw(this.open[n]);
    if (n === 0) return;
    this.finalUntil = this.open[n - 1].b;
    this.open.splice(0, n);
  }

  private draw({ a, b, onNs, fromRunning, toRunning }: Tick): void {
    const tick = b - a;
    if (onNs <= 0) {
      this.endedOn = false;
      return;
    }
    const gap = tick - onNs;
    const atStart =
      fromRunning === true && toRunning === false
        ? true
        : fromRunning === false && toRunning === true
          ? false
          : this.endedOn;
    if (gap <= FULL_TICK_SLACK_NS && gap <= tick * FULL_TICK_SLACK_SHARE) {
      this.push(a, b);
      this.endedOn = true;
    } else if (atStart) {
      this.push(a, a + onNs);
      this.endedOn = false;
    } else {
      this.push(b - onNs, b);
      this.endedOn = true;
    }
  }

  private push(start: number, end: number): void {
    const n = this.spans.length;
    if (n > 0 && this.spans[n - 1] >= start) this.spans[n - 1] = Math.max(this.spans[n - 1], end);
    else this.spans.push(start, end);
  }
}
