import { describe, expect, it } from 'vitest';
import { applyEvent, type RunRecord } from './run-record';
import { stateCode, type RunInfo } from './trace';

const info: RunInfo = {
  runId: 'r1',
  strategy: 'threading',
  workers: 1,
  switchIntervalMs: 5,
  gil: 'new',
  timeScale: 1,
  program: 'demo',
  processes: [{ pid: 1, name: 'MainProcess', osPid: 10 }],
  threads: [{ tid: 1, pid: 1, name: 'MainThread', gil: 1 }],
  t0EpochMs: 0,
};

describe('applyEvent', () => {
  it('adds lanes and processes that appear mid-run once each, with an empty trace, and keeps the event unchanged', () => {
    const records: RunRecord[] = [];
    const start = { type: 'run-start' as const, sessionId: 's', run: info };
    applyEvent(records, start);
    const late = {
      type: 'threads' as const,
      sessionId: 's',
      runId: 'r1',
      processes: [
        { pid: 1, name: 'MainProcess', osPid: 10 },
        { pid: 2, name: 'Process-1', osPid: 11 },
      ],
      threads: [
        { tid: 1, pid: 1, name: 'MainThread', gil: 1 },
        { tid: 2, pid: 2, name: 'MainThread', gil: 2 },
      ],
    };
    expect(applyEvent(records, late)).toBe(records[0]);
    applyEvent(records, late);
    expect(records[0].info.processes.map((p) => p.pid)).toEqual([1, 2]);
    expect(records[0].info.threads.map((t) => t.tid)).toEqual([1, 2]);
    expect(records[0].traces[2]).toEqual({ intervals: [], instants: [] });
    expect(info.threads).toHaveLength(1);
  });

  it('still keeps a trace batch of a tid the run never announced', () => {
    const records: RunRecord[] = [];
    applyEvent(records, { type: 'run-start', sessionId: 's', run: info });
    applyEvent(records, {
      type: 'trace',
      sessionId: 's',
      batches: [{ runId: 'r1', tid: 9, intervals: [stateCode.blocked, 0, 5, 3], instants: [] }],
    });
    expect(records[0].traces[9].intervals).toEqual([stateCode.blocked, 0, 5, 3]);
  });
});
