// Correctness of the simulation, read from the traces of real runs on real cores (issue 3).
// These runs measure speed-ups and overlaps, so this file runs in the `timing` project, alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateCode } from '../common/trace';
import { createEngine, type Engine } from './engine';
import { isAlive, overlapUs, recordOf, runSession, spans, summaryOf, type Span } from '../test/session';

let engine: Engine;
beforeAll(() => {
  engine = createEngine({ host: 'cli' });
});
afterAll(async () => {
  await engine.close();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('a GIL lets one thread of its process run at a time', () => {
  it('threading and subinterpreters: no two running intervals under one GIL overlap; io intervals never hold it', async () => {
    const result = await runSession(engine, { program: 'mixed', strategies: ['threading', 'subinterpreters'], timeScale: 0.2, workerCounts: [4] });
    expect(result.status).toBe('done');
    for (const record of result.records) {
      const byGil = new Map<number, Span[][]>();
      for (const lane of record.info.threads) {
        if (lane.gil === null) continue;
        byGil.set(lane.gil, [...(byGil.get(lane.gil) ?? []), spans(record, lane.name, stateCode.running)]);
      }
      for (const lanes of byGil.values())
        for (let a = 0; a < lanes.length; a++)
          for (let b = a + 1; b < lanes.length; b++) expect(overlapUs(lanes[a], lanes[b])).toBeLessThanOrEqual(1);
    }
    // While the fetch threads wait on I/O, the crunch threads compute: io does not hold the GIL.
    const threading = recordOf(result, 'threading');
    const io = threading.info.threads.flatMap((t) => spans(threading, t.name, stateCode.io));
    const running = threading.info.threads.flatMap((t) => spans(threading, t.name, stateCode.running));
    expect(overlapUs(io, running)).toBeGreaterThan(0.5 * io.reduce((n, [s, e]) => n + e - s, 0) / 2);
  });

  it('threading on cpu-sqrt is no faster than sequential, and the GIL changes hands at about the switch interval', async () => {
    const result = await runSession(engine, { program: 'cpu-sqrt', strategies: ['sequential', 'threading'] });
    const sequential = summaryOf(result, 'sequential');
    const threading = summaryOf(result, 'threading');
    expect(threading.wallMs / sequential.wallMs).toBeGreaterThan(0.85);
    expect(threading.wallMs / sequential.wallMs).toBeLessThan(1.15);
    expect(threading.handoffs).toBeGreaterThan(10);
    const record = recordOf(result, 'threading');
    const switches = Object.values(record.traces)
      .flatMap((t) => t.instants.filter((i) => i.kind === 'forced_switch').map((i) => i.tUs))
      .sort((a, b) => a - b);
    const gaps = switches.slice(1).map((t, i) => (t - switches[i]) / 1000);
    expect(median(gaps)).toBeGreaterThanOrEqual(5);
    expect(median(gaps)).toBeLessThanOrEqual(15);
  });

  it('multiprocessing and free-threading run cpu-sqrt in parallel on 2 cores', async () => {
    const result = await runSession(engine, { program: 'cpu-sqrt', strategies: ['sequential', 'multiprocessing', 'free-threading'] });
    expect(summaryOf(result, 'multiprocessing').speedup).toBeGreaterThanOrEqual(1.6);
    expect(summaryOf(result, 'free-threading').speedup).toBeGreaterThanOrEqual(1.6);
  });
});

describe('the lesson programs', () => {
  it('car-truck takes about 5 s of scaled time under threading and asyncio, not 10', async () => {
    const scale = 0.2;
    const result = await runSession(engine, { program: 'car-truck', strategies: ['sequential', 'threading', 'asyncio'], timeScale: scale });
    expect(summaryOf(result, 'sequential').wallMs).toBeGreaterThan(10_000 * scale * 0.98);
    for (const strategy of ['threading', 'asyncio']) {
      const wall = summaryOf(result, strategy).wallMs;
      expect(wall).toBeGreaterThan(5000 * scale * 0.98);
      expect(wall).toBeLessThan(5000 * scale * 1.25);
    }
  });

  it('car-truck-staggered prints "done" while the threads still run', async () => {
    const result = await runSession(engine, { program: 'car-truck-staggered', strategies: ['threading'], timeScale: 0.5 });
    const prints = Object.values(recordOf(result, 'threading').traces)
      .flatMap((t) => t.instants.filter((i) => i.kind === 'print'))
      .sort((a, b) => a.tUs - b.tUs);
    const done = prints.find((p) => p.text === 'done')!;
    const lastTruck = prints.filter((p) => p.text === 'truck').at(-1)!;
    expect(prints.filter((p) => p.text === 'truck')).toHaveLength(5);
    expect(done.tUs).toBeLessThan(lastTruck.tUs);
  });

  it('asyncio never runs two coroutines at once, but their io overlaps', async () => {
    const result = await runSession(engine, { program: 'car-truck', strategies: ['asyncio'], timeScale: 0.1 });
    const record = recordOf(result, 'asyncio');
    const lanes = record.info.threads.map((t) => t.name);
    const running = lanes.map((name) => spans(record, name, stateCode.running));
    for (let a = 0; a < running.length; a++)
      for (let b = a + 1; b < running.length; b++) expect(overlapUs(running[a], running[b])).toBe(0);
    expect(overlapUs(spans(record, 'Task-1', stateCode.io), spans(record, 'Task-2', stateCode.io))).toBeGreaterThan(0);
  });

  it('convoy: the I/O thread completes at least 3x more rounds under multiprocessing than under threading', async () => {
    const result = await runSession(engine, { program: 'convoy', strategies: ['threading', 'multiprocessing'], timeScale: 0.5 });
    const rounds = (strategy: string) => Math.max(...summaryOf(result, strategy).threads.map((t) => t.ioCount ?? 0));
    expect(rounds('multiprocessing')).toBeGreaterThanOrEqual(3 * rounds('threading'));
  });
});

describe('every run ends and leaves nothing running', () => {
  it('cancel mid-run: every process of the run is gone within 1 s and the run ends cancelled', async () => {
    let pids: number[] = [];
    const cancelled = await runSession(engine, { program: 'cpu-sqrt', strategies: ['multiprocessing'], timeScale: 1 }, (event) => {
      if (event.type === 'run-start') {
        pids = event.run.processes.map((p) => p.osPid);
        setTimeout(() => void engine.cancelSession(), 300);
      }
    });
    const endedAt = Date.now();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.summaries[0].status).toBe('cancelled');
    expect(pids.length).toBe(3);
    while (pids.some(isAlive) && Date.now() - endedAt < 1000) await new Promise((r) => setTimeout(r, 20));
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('a worker process killed with SIGKILL fails the run naming it; the next run works', async () => {
    let victim = 0;
    const failed = await runSession(engine, { program: 'cpu-sqrt', strategies: ['multiprocessing'], timeScale: 1 }, (event) => {
      if (event.type === 'run-start') {
        victim = event.run.processes.find((p) => p.name.endsWith('worker 2'))!.osPid;
        setTimeout(() => process.kill(victim, 'SIGKILL'), 300);
      }
    });
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain('worker 2');
    expect(failed.reason).toContain(String(victim));
    expect(failed.reason).toContain('SIGKILL');
    const next = await runSession(engine, { program: 'car-truck', strategies: ['threading'], timeScale: 0.02 });
    expect(next.status).toBe('done');
  });
});
