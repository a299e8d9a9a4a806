// Shared memory's slots hold what CPython's C types hold, and two views of the file see each
// other's writes (as two processes do).
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedFile, removeSharedFile, SharedMemory, toSlot } from './shared-memory';

describe('slot values', () => {
  it('wrap ints to their C width and round floats to single precision', () => {
    expect(toSlot('i', 2 ** 31)).toBe(-(2n ** 31n));
    expect(toSlot('I', -1)).toBe(2n ** 32n - 1n);
    expect(toSlot('b', 200)).toBe(-56n);
    expect(toSlot('Q', -1n)).toBe(2n ** 64n - 1n);
    expect(toSlot('l', 2n ** 40n)).toBe(2n ** 40n);
    expect(toSlot('f', 0.1)).toBe(Math.fround(0.1));
    expect(toSlot('d', 0.1)).toBe(0.1);
  });
});

describe('the shared file', () => {
  let path = '';
  afterEach(() => removeSharedFile(path));

  it('shows one view what another wrote', () => {
    path = createSharedFile('test-run');
    const a = new SharedMemory(path);
    const b = new SharedMemory(path);
    a.write(10, [toSlot('i', 7), toSlot('i', -3)]);
    b.write(20, [toSlot('d', 2.5)]);
    b.write(30, [toSlot('Q', -1)]);
    expect(b.read(10, 2, 'i')).toEqual([7n, -3n]);
    expect(a.read(20, 1, 'd')).toEqual([2.5]);
    expect(a.read(30, 1, 'Q')).toEqual([2n ** 64n - 1n]);
    expect(a.read(40, 1, 'i')).toEqual([0n]);
  });
});
