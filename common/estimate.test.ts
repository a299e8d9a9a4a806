import { describe, expect, it } from 'vitest';
import { checkCaps, estimateWallMs, sequentialCost, taskInstances } from './estimate';
import { findPreset } from './presets';

describe('program costs', () => {
  const cpuSqrt = findPreset('cpu-sqrt')!;
  const carTruck = findPreset('car-truck')!;

  it('counts task instances, with copies = workers', () => {
    expect(taskInstances(cpuSqrt, 3)).toEqual(['calc', 'calc', 'calc']);
    expect(taskInstances(carTruck, 8)).toEqual(['car', 'truck']);
  });

  it('sums the work of a sequential run', () => {
    expect(sequentialCost(cpuSqrt, 2)).toEqual({ cpuMs: 8000, blockMs: 0 });
    expect(sequentialCost(carTruck, 2)).toEqual({ cpuMs: 0, blockMs: 10_000 });
  });

  it('estimates wall time per strategy, scaled', () => {
    expect(estimateWallMs(cpuSqrt, 'sequential', 2, 0.5, 2)).toBe(4000);
    expect(estimateWallMs(cpuSqrt, 'threading', 2, 1, 2)).toBe(8000);
    expect(estimateWallMs(cpuSqrt, 'multiprocessing', 2, 1, 2)).toBe(4000);
    expect(estimateWallMs(carTruck, 'threading', 2, 1, 2)).toBe(5000);
  });

  it('accepts the presets at full scale and refuses 64 workers of cpu-sqrt at scale 10', () => {
    expect(checkCaps(cpuSqrt, 2, 1)).toBeNull();
    expect(checkCaps(cpuSqrt, 64, 10)).toMatch(/cap is 600 s per run/);
  });
});
