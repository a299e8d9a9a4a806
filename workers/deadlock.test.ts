// A deadlock is told only when every thread of every live process has waited, unchanged and with
// no timeout, for QUIET_MS with nothing else happening; a wait that ends or a process that moves
// clears it.
import { describe, expect, it } from 'vitest';
import { DeadlockWatch, deadlockReason, QUIET_MS, StuckWatch, waitingForever } from './deadlock';
import { newWords, THREADS_PER_PROCESS } from './words';

describe('a process is stuck when all its threads wait forever and nothing changed since the last look', () => {
  it('needs every thread marked and one unchanged look', () => {
    const words = new Int32Array(newWords());
    const watch = new StuckWatch(words);
    const tids = [THREADS_PER_PROCESS, THREADS_PER_PROCESS + 1];
    waitingForever(words, tids[0], 12, () => {
      expect(watch.look(tids)).toBeNull(); // Thread 2 can still run.
      waitingForever(words, tids[1], 0, () => {
        expect(watch.look(tids)).toBeNull(); // The waits changed since the last look.
        expect(watch.look(tids)).toEqual([
          { tid: tids[0], line: 12 },
          { tid: tids[1], line: 0 },
        ]);
      });
      expect(watch.look(tids)).toBeNull();
    });
    expect(watch.look([])).toBeNull();
  });

  it('a wait that throws still clears its mark', () => {
    const words = new Int32Array(newWords());
    expect(() =>
      waitingForever(words, 3, 5, () => {
        throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    const watch = new StuckWatch(words);
    watch.look([3]);
    expect(watch.look([3])).toBeNull();
  });
});

describe('the run is deadlocked when every live process has been stuck for a while and nothing happened', () => {
  const threads = [{ tid: 7, line: 3 }];

  it('waits QUIET_MS after the last report and the last activity', () => {
    const watch = new DeadlockWatch();
    watch.activity(0);
    watch.report(1, threads, 100);
    expect(watch.deadlocked([1], 100 + QUIET_MS - 1)).toBeNull();
    expect(watch.deadlocked([1], 100 + QUIET_MS)).toEqual(threads);
    watch.activity(2000);
    expect(watch.deadlocked([1], 2000 + QUIET_MS - 1)).toBeNull();
  });

  it('needs every live process stuck, and forgets one that can run again', () => {
    const watch = new DeadlockWatch();
    watch.report(1, threads, 0);
    expect(watch.deadlocked([1, 2], 5000)).toBeNull();
    watch.report(2, [{ tid: 9, line: 4 }], 0);
    expect(watch.deadlocked([1, 2], 5000)).toHaveLength(2);
    watch.report(2, null, 5000);
    expect(watch.deadlocked([1, 2], 9000)).toBeNull();
    expect(watch.deadlocked([], 9000)).toBeNull();
  });

  it("names each thread at the user's line, with its process when several wait", () => {
    const names = (tid: number) => ({ thread: `T${tid}`, process: tid < 10 ? 'main' : 'child' });
    expect(
      deadlockReason(
        [
          { tid: 1, line: 3 },
          { tid: 2, line: 0 },
        ],
        names,
        [1, 2, 9],
      ),
    ).toContain('(T1 at line 9, T2)');
    expect(
      deadlockReason(
        [
          { tid: 1, line: 1 },
          { tid: 11, line: 2 },
        ],
        names,
        [1, 2],
      ),
    ).toContain('(main: T1 at line 1, child: T11 at line 2)');
    expect(deadlockReason([{ tid: 1, line: 4 }], names, [])).toBe(
      'deadlock: T1 at line 4 waits, with no timeout, for what no other thread is left to do; CPython would wait for good, so the run was stopped',
    );
  });
});
