// The measured run's deadlock, from the tracer's own event lines: every live thread in a wait
// with no timeout and a quiet second; a timed wait, a sleep or a thread still running is not one.
import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../deadlock';
import { MeasuredDeadlockWatch } from './measured-deadlock';
import { parseTracerEvent } from './tracer-events';

const MS = 1e6;
function watch(lines: unknown[][]): MeasuredDeadlockWatch {
  const w = new MeasuredDeadlockWatch();
  for (const line of lines) w.add(parseTracerEvent(JSON.stringify(line))!);
  return w;
}
const started = [
  ['run', 0, 10, 10, 'MainThread', 0, 'p.py'],
  ['tstart', 1 * MS, 10, 11, 'Thread-1 (one)', 0, 1],
];

describe('a measured run is deadlocked when all its threads wait forever and a second passes quietly', () => {
  it('told a second after the last event, naming threads and lines', () => {
    const w = watch([
      ...started,
      ['b', 2 * MS, 10, 10, 'MainThread', 22, 'blocked', 'Thread.join', 1],
      ['b', 3 * MS, 10, 11, 'Thread-1 (one)', 10, 'blocked', 'Lock.acquire', 1],
    ]);
    expect(w.deadlock(3 * MS + QUIET_MS * MS - 1, [])).toBeNull();
    expect(w.deadlock(3 * MS + QUIET_MS * MS, [0, 0, 0, 0, 0, 0, 0, 0, 0, 7])).toContain(
      '(MainThread at line 22, Thread-1 (one) at line 7)',
    );
  });

  it('not while a thread runs, sleeps or waits with a timeout, nor after it woke', () => {
    const quiet = 10 * QUIET_MS * MS;
    const join = ['b', 2 * MS, 10, 10, 'MainThread', 22, 'blocked', 'Thread.join', 1];
    expect(watch([...started, join]).deadlock(quiet, [])).toBeNull();
    expect(
      watch([...started, join, ['b', 3 * MS, 10, 11, 'Thread-1 (one)', 9, 'io', 'time.sleep', 0]]).deadlock(quiet, []),
    ).toBeNull();
    expect(
      watch([...started, join, ['b', 3 * MS, 10, 11, 'Thread-1 (one)', 9, 'blocked', 'Event.wait', 0]]).deadlock(
        quiet,
        [],
      ),
    ).toBeNull();
    const woke = [
      ...started,
      join,
      ['b', 3 * MS, 10, 11, 'Thread-1 (one)', 9, 'blocked', 'Lock.acquire', 1],
      ['e', 4 * MS, 10, 11, 'Thread-1 (one)', 9],
    ];
    expect(watch(woke).deadlock(quiet, [])).toBeNull();
    // A thread that ended is not waited for; the one left waiting forever is the deadlock.
    expect(watch([...started, ['tend', 3 * MS, 10, 11, 'Thread-1 (one)', 0], join]).deadlock(quiet, [])).toContain(
      'MainThread at line 22',
    );
  });

  it('names the processes in the order they started, whatever order their events came in', () => {
    // Process-2's events reach the watch before Process-1's.
    const w = watch([
      ['run', 0, 10, 10, 'MainThread', 0, 'p.py'],
      ['b', 1 * MS, 10, 10, 'MainThread', 22, 'blocked', 'Process.join', 1],
      ['pbegin', 2 * MS, 12, 12, 'MainThread', 0, 'Process-2', 10],
      ['b', 3 * MS, 12, 12, 'MainThread', 16, 'blocked', 'Lock.acquire', 1],
      ['pbegin', 4 * MS, 11, 11, 'MainThread', 0, 'Process-1', 10],
      ['b', 5 * MS, 11, 11, 'MainThread', 10, 'blocked', 'Lock.acquire', 1],
    ]);
    expect(w.deadlock(5 * MS + QUIET_MS * MS, [])).toContain(
      '(MainProcess (pid 10): MainThread at line 22, Process-1 (pid 11): MainThread at line 10, Process-2 (pid 12): MainThread at line 16)',
    );
  });
});
