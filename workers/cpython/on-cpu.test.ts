// When a thread was on a CPU, from the sampler's cumulative readings: small hand-made readings
// with the expected spans.
import { describe, expect, it } from 'vitest';
import { CPU_ACCOUNTING_LAG_NS, OnCpuTimeline } from './on-cpu';

const MS = 1_000_000;

/** Readings every 1 ms: cumulative CPU (ms) at t = 0, 1, 2 ... ms. */
function timeline(cpuMs: number[], endMs = cpuMs.length - 1): number[] {
  const cpu = new OnCpuTimeline();
  cpuMs.forEach((c, i) => cpu.add({ tNs: i * MS, cpuNs: c * MS }));
  cpu.extendTo(endMs * MS);
  return cpu.spans.map((t) => t / MS);
}

describe('OnCpuTimeline: when a thread was on a CPU, from cumulative readings', () => {
  it('whole ticks on a CPU make one span', () => {
    expect(timeline([0, 1, 2, 3])).toEqual([0, 3]);
  });

  it('a thread that keeps running draws its share at the start of the tick; one that starts, at its end', () => {
    // A holds the GIL until 1.5 ms, then B takes it: drawn one after the other, not overlapping.
    expect(timeline([0, 1, 1.5, 1.5])).toEqual([0, 1.5]);
    expect(timeline([0, 0, 0.5, 1.5])).toEqual([1.5, 3]);
  });

  it('a tick within 50 µs of full counts as full (no waiting slivers while computing)', () => {
    expect(timeline([0, 0.97, 1.94, 2.91])).toEqual([0, 3]);
  });

  it('time the kernel accounted late (at its scheduler tick) goes back to the ticks before, newest first', () => {
    // Readings stay flat while the thread runs, then jump by 3 ms at once.
    expect(timeline([0, 0, 0, 0, 3, 3])).toEqual([1, 4]);
    // Totals are kept: late time beyond the open ticks' room is not invented either.
    expect(timeline([0, 0, 5])).toEqual([0, 2]);
  });

  it("with the threads' states (R or asleep), a GIL hand-off after late readings is drawn without overlap", () => {
    const spans = (readings: [number, number, boolean][], endMs: number) => {
      const cpu = new OnCpuTimeline();
      for (const [t, c, running] of readings) cpu.add({ tNs: t * MS, cpuNs: c * MS, running });
      cpu.extendTo(endMs * MS);
      return cpu.spans.map((t) => t / MS);
    };
    // A holds the GIL until 4.5 ms; its readings at 3 and 4 ms lag (2 ms reported, 3 and 4 true),
    // at 5 ms it sleeps and reads exact. B wakes at 4.5 ms and runs on.
    const a = spans(
      [
        [0, 0, true],
        [1, 1, true],
        [2, 2, true],
        [3, 2, true],
        [4, 2, true],
        [5, 4.5, false],
        [6, 4.5, false],
      ],
      6,
    );
    const b = spans(
      [
        [3, 0, false],
        [4, 0, false],
        [5, 0.5, true],
        [6, 1.5, true],
      ],
      6,
    );
    expect(a).toEqual([0, 4.5]);
    expect(b).toEqual([4.5, 6]);
  });

  it('ticks stay open for the kernel accounting lag, then are final', () => {
    const cpu = new OnCpuTimeline();
    const lagMs = CPU_ACCOUNTING_LAG_NS / MS;
    for (let i = 0; i <= lagMs + 3; i++) cpu.add({ tNs: i * MS, cpuNs: i * MS });
    expect(cpu.knownUntilNs / MS).toBe(3);
    expect(cpu.spans.map((t) => t / MS)).toEqual([0, 3]);
  });

  it('after its last reading a thread stays in its state until it ends', () => {
    expect(timeline([0, 1, 2], 5)).toEqual([0, 5]);
    expect(timeline([0, 1, 1], 5)).toEqual([0, 1]);
  });
});
