// Live views follow the runs store's revision at most once per 200 ms, all at the same moment,
// and always end on the latest batch: a trace batch alone re-renders nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveRevisionStore } from './hooks';
import { useRuns } from './runs';

const bump = () => useRuns.setState((s) => ({ revision: s.revision + 1 }));

describe('the live revision', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('changes at most once per 200 ms while batches arrive, ends on the latest, and shows a lone batch at once', () => {
    const seen: number[] = [];
    const unsubscribe = liveRevisionStore.subscribe((s) => seen.push(s.revision));
    // A batch every 10 ms for one second: 100 batches.
    for (let i = 0; i < 100; i++) {
      bump();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(500);
    unsubscribe();
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(7);
    expect(seen.at(-1)).toBe(useRuns.getState().revision);

    // A lone batch after a quiet second is shown at once.
    vi.advanceTimersByTime(1000);
    bump();
    vi.advanceTimersByTime(1);
    expect(liveRevisionStore.getState().revision).toBe(useRuns.getState().revision);
  });
});
