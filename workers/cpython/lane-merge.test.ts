// The pure merge of a measured lane: blocking calls from the tracer and CPU readings from the
// sampler in, state intervals out. Small hand-made inputs with the expected intervals.
import { describe, expect, it } from 'vitest';
import { LaneBuilder, laneIntervals, type LaneFacts } from './lane-merge';
import { stateCode as S } from '../../common/trace';

const MS = 1_000_000;

const facts = (f: Partial<LaneFacts>): LaneFacts => ({
  startNs: 0,
  endNs: null,
  spawnNs: null,
  spawnLine: 0,
  calls: [],
  marks: [],
  onCpu: [],
  ...f,
});

/** laneIntervals in ms for readability: [state, startMs, endMs, line]. */
const intervalsMs = (f: LaneFacts, fromMs: number, toMs: number) =>
  laneIntervals(f, 0, fromMs * MS, toMs * MS).map((v, i) => (i % 4 === 1 || i % 4 === 2 ? v / 1000 : v));

describe('laneIntervals: running = on a CPU outside blocking calls, io/blocked = inside one, waiting = neither', () => {
  const lane = facts({
    startNs: 10 * MS,
    endNs: 20 * MS,
    spawnNs: 9 * MS,
    spawnLine: 5,
    calls: [
      { state: 'io', call: 'time.sleep', beginNs: 12 * MS, endNs: 15 * MS, line: 7 },
      { state: 'blocked', call: 'Lock.acquire', beginNs: 18 * MS, endNs: 19 * MS, line: 9 },
    ],
    marks: [
      { tNs: 12 * MS, line: 7 },
      { tNs: 15 * MS, line: 7 },
      { tNs: 16.5 * MS, line: 8 },
      { tNs: 18 * MS, line: 9 },
      { tNs: 19 * MS, line: 9 },
    ],
    // On a CPU at 10-12, inside the sleep at 13-13.5 (still io), 15-16, and 17-18.
    onCpu: [10 * MS, 12 * MS, 13 * MS, 13.5 * MS, 15 * MS, 16 * MS, 17 * MS, 18 * MS],
  });

  it('gives starting, running, io, waiting and blocked with the line each began on', () => {
    expect(intervalsMs(lane, 0, 30)).toEqual(
      [
        [S.starting, 9, 10, 5],
        [S.running, 10, 12, 0],
        [S.io, 12, 15, 7],
        [S.running, 15, 16, 7],
        [S.waiting, 16, 17, 7],
        [S.running, 17, 18, 8],
        [S.blocked, 18, 19, 9],
        [S.waiting, 19, 20, 9],
      ].flat(),
    );
  });

  it('cuts at the window it is asked for', () => {
    expect(intervalsMs(lane, 11, 13)).toEqual([S.running, 11, 12, 0, S.io, 12, 13, 7]);
  });

  it('without CPU readings, only what the tracer saw: starting and the blocking calls', () => {
    expect(intervalsMs({ ...lane, onCpu: null }, 0, 30)).toEqual(
      [
        [S.starting, 9, 10, 5],
        [S.io, 12, 15, 7],
        [S.blocked, 18, 19, 9],
      ].flat(),
    );
  });

  it('two calls back to back are two intervals; an open call lasts to the window end', () => {
    const f = facts({
      calls: [
        { state: 'io', call: 'time.sleep', beginNs: 0, endNs: 2 * MS, line: 3 },
        { state: 'io', call: 'time.sleep', beginNs: 2 * MS, endNs: null, line: 3 },
      ],
    });
    expect(intervalsMs(f, 0, 5)).toEqual([S.io, 0, 2, 3, S.io, 2, 5, 3]);
  });
});

describe('LaneBuilder: live flushes add up to the whole lane', () => {
  function feed(builder: LaneBuilder): void {
    builder.setSpawn(1 * MS, 4);
    for (let i = 0; i <= 60; i++) {
      // Computes 2-20 ms, sleeps 20-30 ms (the kernel reports the sleep's start late), computes again.
      const t = (2 + i) * MS;
      const cpu = Math.min(i, 18) + Math.max(0, i - 28);
      builder.addSample({ tNs: t, cpuNs: cpu * MS });
    }
  }

  function build(horizonsMs: number[]) {
    const budget = { left: 1000, max: 1000 };
    const b = new LaneBuilder('r', 7, 0, 2 * MS, { cpuKnown: true, cpuFromZero: true, budget });
    const out: number[] = [];
    feed(b);
    b.beginCall('io', 'time.sleep', 20 * MS, 9);
    b.endCall(30 * MS, 9);
    b.instant({ kind: 'print', tUs: b.usSinceT0(19 * MS), text: 'car', line: 8 });
    for (const h of horizonsMs) out.push(...(b.flush(h * MS, 62 * MS, false)?.intervals ?? []));
    b.end(60 * MS);
    out.push(...(b.flush(100 * MS, 62 * MS, true)?.intervals ?? []));
    return { b, out };
  }

  /** Joins intervals a flush cut in two. */
  const joined = (list: number[]) => {
    const out: number[] = [];
    for (let i = 0; i < list.length; i += 4) {
      const n = out.length;
      if (n > 0 && out[n - 4] === list[i] && out[n - 2] === list[i + 1]) out[n - 2] = list[i + 2];
      else out.push(list[i], list[i + 1], list[i + 2], list[i + 3]);
    }
    return out;
  };

  it('gives the same intervals and totals flushed in pieces as at once', () => {
    const whole = build([]);
    const pieces = build([5, 17, 25, 26, 40]);
    expect(joined(pieces.out)).toEqual(joined(whole.out));
    expect(pieces.b.totals).toEqual(whole.b.totals);
    expect(joined(whole.out)).toEqual(
      [
        [S.starting, 1000, 2000, 4],
        [S.running, 2000, 20000, 0],
        [S.io, 20000, 30000, 9],
        [S.running, 30000, 60000, 9],
      ].flat(),
    );
    expect(whole.b.totals.onCpuNs).toBe(48 * MS);
    expect(whole.b.totals.ioCount).toBe(1);
  });

  it('does not flush past the CPU readings until the run is over', () => {
    const b = new LaneBuilder('r', 1, 0, 0, { cpuKnown: true, cpuFromZero: false, budget: { left: 10, max: 10 } });
    for (let i = 0; i <= 5; i++) b.addSample({ tNs: i * MS, cpuNs: i * MS });
    expect(b.flush(100 * MS, 5 * MS, false)).toBeNull();
    expect(b.flush(100 * MS, 5 * MS, true)?.intervals).toEqual([S.running, 0, 100000, 0]);
  });

  it('stops keeping intervals at the run budget and says so, with exact totals', () => {
    const budget = { left: 2, max: 2 };
    const b = new LaneBuilder('r', 1, 0, 0, { cpuKnown: false, cpuFromZero: true, budget });
    for (let i = 0; i < 4; i++) {
      b.beginCall('io', 'time.sleep', i * 2 * MS, 1);
      b.endCall((i * 2 + 1) * MS, 1);
    }
    b.end(8 * MS);
    const batch = b.flush(10 * MS, 0, true)!;
    expect(batch.intervals.length / 4).toBe(2);
    expect(batch.instants).toEqual([
      { kind: 'truncated', tUs: 4000, text: 'trace truncated after 2 intervals in this run' },
    ]);
    expect(b.totals.byState[S.io]).toBe(4 * MS);
    expect(b.truncated).toBe(true);
  });
});
