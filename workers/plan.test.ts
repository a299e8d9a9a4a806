import { describe, expect, it } from 'vitest';
import { findPreset } from '../common/presets';
import { defaultStartCosts, planRun } from './plan';

const cpuSqrt = findPreset('cpu-sqrt')!;
const carTruck = findPreset('car-truck')!;

describe('planRun maps strategies onto processes, threads and GILs (DESIGN.md table)', () => {
  it('threading: one process, MainThread plus a pool of N threads, one shared GIL', () => {
    const plan = planRun(cpuSqrt, 'threading', 4, 1, defaultStartCosts);
    expect(plan.processes).toHaveLength(1);
    expect(plan.lanes.map((l) => l.name)).toEqual(['MainThread', 'Thread-1', 'Thread-2', 'Thread-3', 'Thread-4']);
    expect(new Set(plan.lanes.map((l) => l.gil))).toEqual(new Set([0]));
    expect(plan.executors).toHaveLength(4);
  });

  it('the pool never exceeds the tasks: car-truck with 8 workers has 2 threads', () => {
    expect(planRun(carTruck, 'threading', 8, 1, defaultStartCosts).executors).toHaveLength(2);
    expect(planRun(carTruck, 'threading', 1, 1, defaultStartCosts).executors).toHaveLength(1);
  });

  it('multiprocessing: one process per pool worker, each with its own GIL, charged a process start', () => {
    const plan = planRun(cpuSqrt, 'multiprocessing', 2, 1, defaultStartCosts);
    expect(plan.processes.map((p) => p.name)).toEqual([
      'python (multiprocessing)',
      'python (multiprocessing) worker 1',
      'python (multiprocessing) worker 2',
    ]);
    expect(new Set(plan.lanes.map((l) => l.gil)).size).toBe(3);
    expect(plan.executorStartMs).toBe(defaultStartCosts.processMs);
  });

  it('free-threading has no GIL; subinterpreters one per interpreter', () => {
    expect(planRun(cpuSqrt, 'free-threading', 2, 1, defaultStartCosts).lanes.every((l) => l.gil === null)).toBe(true);
    const sub = planRun(cpuSqrt, 'subinterpreters', 3, 1, defaultStartCosts);
    expect(new Set(sub.lanes.map((l) => l.gil)).size).toBe(4);
    expect(sub.processes[0].gilCount).toBe(4);
  });

  it('asyncio: one thread, one lane per task; sequential: one thread that runs tasks inline', () => {
    const asyncio = planRun(carTruck, 'asyncio', 2, 1, defaultStartCosts);
    expect(asyncio.processes[0].threads).toHaveLength(1);
    expect(asyncio.lanes.map((l) => l.name)).toEqual(['MainThread', 'Task-1', 'Task-2']);
    const sequential = planRun(carTruck, 'sequential', 2, 1, defaultStartCosts);
    expect(sequential.lanes).toHaveLength(1);
    expect(sequential.processes[0].threads[0].inlineTasks).toBe(true);
  });

  it('tids are unique and start where asked, so a session never reuses one', () => {
    const plan = planRun(cpuSqrt, 'multiprocessing', 4, 100, defaultStartCosts);
    const tids = plan.lanes.map((l) => l.tid);
    expect(new Set(tids).size).toBe(tids.length);
    expect(Math.min(...tids)).toBe(100);
  });
});
