import { describe, expect, it } from 'vitest';
import { toChromeTrace, type TraceEvent } from './chrome-trace';
import type { RunRecord } from './run-record';
import { stateCode, type RunInfo } from './trace';

const { starting, running, waiting, io, blocked } = stateCode;

function threadingRun(runId: string, workers: number, firstTid: number): RunRecord {
  const info: RunInfo = {
    runId,
    strategy: 'threading',
    workers,
    switchIntervalMs: 5,
    gil: 'new',
    timeScale: 1,
    program: 'car-truck',
    processes: [{ pid: 1, name: 'python (threading)', osPid: 4242 }],
    threads: [
      { tid: firstTid, pid: 1, name: 'MainThread', gil: 1 },
      { tid: firstTid + 1, pid: 1, name: 'Thread-1', gil: 1 },
    ],
    t0EpochMs: 1_700_000_000_000,
  };
  return {
    info,
    traces: {
      [firstTid]: {
        intervals: [starting, 0, 100, 0, running, 100, 5100, 12, io, 5100, 9000, 13],
        instants: [{ kind: 'print', tUs: 120, text: 'car', line: 11 }],
      },
      [firstTid + 1]: {
        intervals: [waiting, 100, 5100, 0, running, 5100, 5100, 0],
        instants: [
          { kind: 'drop_request', tUs: 5100 },
          { kind: 'truncated', tUs: 5200, text: 'trace truncated' },
        ],
      },
    },
  };
}

function multiprocessingRun(runId: string, firstTid: number): RunRecord {
  return {
    info: {
      runId,
      strategy: 'multiprocessing',
      workers: 2,
      switchIntervalMs: 5,
      gil: 'new',
      timeScale: 1,
      program: 'calc-threads',
      processes: [
        { pid: 1, name: 'python (multiprocessing) main', osPid: 100 },
        { pid: 2, name: 'python (multiprocessing) worker 1', osPid: 101 },
      ],
      threads: [
        { tid: firstTid, pid: 1, name: 'MainThread', gil: 1 },
        { tid: firstTid + 1, pid: 2, name: 'MainThread', gil: 2 },
      ],
      t0EpochMs: 1_700_000_000_000,
    },
    traces: {
      [firstTid]: {
        intervals: [running, 0, 200, 0, blocked, 200, 300, 9],
        instants: [{ kind: 'error', tUs: 300, text: 'worker 1 was killed' }],
      },
      [firstTid + 1]: { intervals: [running, 10, 290, 0], instants: [] },
    },
  };
}

const metadata = (events: TraceEvent[], name: string) => events.filter((e) => e.ph === 'M' && e.name === name);

describe('toChromeTrace', () => {
  // Two sessions can reuse the same run pids and tids: the export must still keep them apart.
  const runs = [threadingRun('a', 2, 1), threadingRun('b', 4, 1), multiprocessingRun('c', 1)];
  const trace = toChromeTrace(runs);
  const events = trace.traceEvents;

  it('declares its time unit and names slices after the thread states', () => {
    expect(trace.displayTimeUnit).toBe('ms');
    const sliceNames = new Set(events.filter((e) => e.ph === 'X').map((e) => e.name));
    expect(sliceNames).toEqual(new Set(['starting', 'running', 'waiting', 'io', 'blocked']));
  });

  it("gives slices and prints their program's source line, when it is known", () => {
    const slices = events.filter((e) => e.ph === 'X');
    const [first] = slices;
    expect(slices.slice(0, 3).map((e) => [e.name, e.args?.line])).toEqual([
      ['starting', undefined],
      ['running', 12],
      ['io', 13],
    ]);
    expect(first.args).toBeUndefined();
    expect(slices.find((e) => e.name === 'blocked')?.args).toEqual({ line: 9 });
    expect(events.find((e) => e.ph === 'i' && e.name === 'print')?.args).toEqual({ text: 'car', line: 11 });
  });

  it('gives every Python process of every run its own pid', () => {
    const processNames = metadata(events, 'process_name');
    expect(processNames).toHaveLength(4);
    expect(new Set(processNames.map((e) => e.pid)).size).toBe(4);
    const slicePids = new Set(events.filter((e) => e.ph === 'X').map((e) => e.pid));
    expect(slicePids.size).toBe(4);
  });

  it('says the worker count when two runs share a strategy, and only then', () => {
    const names = metadata(events, 'process_name').map((e) => e.args?.name);
    expect(names).toEqual([
      'python (threading) [2 workers]',
      'python (threading) [4 workers]',
      'python (multiprocessing) main',
      'python (multiprocessing) worker 1',
    ]);
  });

  it('keeps tids unique across the whole trace and names the threads', () => {
    const threadNames = metadata(events, 'thread_name');
    expect(threadNames).toHaveLength(6);
    expect(new Set(threadNames.map((e) => e.tid)).size).toBe(6);
    expect(threadNames.map((e) => e.args?.name)).toEqual([
      'MainThread',
      'Thread-1',
      'MainThread',
      'Thread-1',
      'MainThread',
      'MainThread',
    ]);
  });

  it('starts every run at ts 0 and never gives a slice a negative duration', () => {
    const slices = events.filter((e) => e.ph === 'X');
    for (const slice of slices) {
      expect(slice.dur).toBeGreaterThanOrEqual(0);
      expect(slice.ts).toBeGreaterThanOrEqual(0);
    }
    const firstOfEachPid = new Map<number, number>();
    for (const slice of slices)
      firstOfEachPid.set(slice.pid, Math.min(firstOfEachPid.get(slice.pid) ?? Infinity, slice.ts!));
    expect([...firstOfEachPid.values()]).toEqual([0, 0, 0, 10]);
    const running = slices.find((e) => e.name === 'running');
    expect(running).toMatchObject({ ts: 100, dur: 5000 });
  });

  it('exports prints with their text and drop requests, truncation and errors as thread instants', () => {
    const instants = events.filter((e) => e.ph === 'i');
    for (const instant of instants) expect(instant.s).toBe('t');
    const prints = instants.filter((e) => e.name === 'print');
    expect(prints.map((e) => e.args?.text)).toEqual(['car', 'car']);
    expect(instants.filter((e) => e.name === 'drop_request')).toHaveLength(2);
    expect(instants.find((e) => e.name === 'truncated')?.args?.text).toBe('trace truncated');
    expect(instants.find((e) => e.name === 'error')?.args?.text).toBe('worker 1 was killed');
  });

  it('puts each slice on the thread it belongs to', () => {
    const [thread1] = metadata(events, 'thread_name').filter((e) => e.args?.name === 'Thread-1');
    const thread1Slices = events.filter((e) => e.ph === 'X' && e.tid === thread1.tid).map((e) => e.name);
    expect(thread1Slices).toEqual(['waiting', 'running']);
  });

  it("carries a run's source and CPython measurement in the trace's metadata, and adds none without them", () => {
    expect(trace.metadata).toBeUndefined();
    const measured = multiprocessingRun('m', 1);
    measured.info.source = 'import math\n';
    measured.info.measured = { python: 'CPython 3.13.1', executable: '/usr/bin/python3' };
    expect(toChromeTrace([threadingRun('a', 2, 1), measured]).metadata).toEqual({
      runs: [
        { runId: 'a', program: 'car-truck' },
        { runId: 'm', program: 'calc-threads', source: 'import math\n', measured: measured.info.measured },
      ],
    });
  });

  it('survives the JSON round trip Perfetto reads', () => {
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
    expect(toChromeTrace([])).toEqual({ traceEvents: [], displayTimeUnit: 'ms' });
  });
});
