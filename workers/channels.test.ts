// The channels between a run's processes: items wait for gets and gets for items, oldest first;
// a get that times out is answered with null and no longer waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Channels } from './channels';
import type { Snapshot } from './interpreter/heap-codec';

const item = (n: number) => ({ n }) as unknown as Snapshot;

describe('Channels', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps items put before any get, and hands them out in order', () => {
    const channels = new Channels();
    channels.put('q', item(1));
    channels.put('q', item(2));
    expect(channels.size('q')).toBe(2);
    const got: unknown[] = [];
    channels.get('q', null, (v) => got.push(v));
    channels.get('q', null, (v) => got.push(v));
    expect(got).toEqual([item(1), item(2)]);
    expect(channels.size('q')).toBe(0);
  });

  it('answers waiting gets oldest first, each channel on its own', () => {
    const channels = new Channels();
    const got: string[] = [];
    channels.get('a', null, (v) => got.push(`first ${JSON.stringify(v)}`));
    channels.get('a', null, (v) => got.push(`second ${JSON.stringify(v)}`));
    channels.put('b', item(0));
    channels.put('a', item(1));
    channels.put('a', item(2));
    expect(got).toEqual(['first {"n":1}', 'second {"n":2}']);
    expect(channels.size('a')).toBe(0);
    expect(channels.size('b')).toBe(1);
  });

  it('answers a get that times out with null; an item put later waits for the next get', () => {
    vi.useFakeTimers();
    const channels = new Channels();
    const got: unknown[] = [];
    channels.get('q', 0, (v) => got.push(v));
    channels.get('q', 100, (v) => got.push(v));
    expect(got).toEqual([null]);
    vi.advanceTimersByTime(100);
    expect(got).toEqual([null, null]);
    channels.put('q', item(1));
    expect(got).toEqual([null, null]);
    expect(channels.size('q')).toBe(1);
  });

  it('an item that arrives in time stops the timeout; close stops the timers of gets still waiting', () => {
    vi.useFakeTimers();
    const channels = new Channels();
    const got: unknown[] = [];
    channels.get('q', 100, (v) => got.push(v));
    channels.put('q', item(1));
    channels.get('r', 100, (v) => got.push(v));
    channels.close();
    vi.advanceTimersByTime(1000);
    expect(got).toEqual([item(1)]);
  });
});
