import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunRequest } from './api';
import { limits } from './limits';
import type { RunRecord } from './run-record';
import { parseSessionFile, sessionFileTooLarge, toSessionFile } from './session-file';
import { stateCode } from './trace';

const { starting, running, waiting, io, blocked } = stateCode;

/** A threading run of calc-threads with 2 workers as the engine records it: turns on one GIL, forced switches, prints. */
function threadingRun(runId: string, firstTid: number): RunRecord {
  const [main, t1, t2] = [firstTid, firstTid + 1, firstTid + 2];
  const turns = (first: boolean): number[] => {
    const out = [starting, 0, 100, 0];
    let t = 100;
    for (let turn = 0; turn < 40; turn++) {
      const mine = (turn % 2 === 0) === first;
      out.push(mine ? running : waiting, t, t + 5000, 7);
      t += 5000;
    }
    return out;
  };
  return {
    info: {
      runId,
      strategy: 'threading',
      workers: 2,
      switchIntervalMs: 5,
      gil: 'new',
      timeScale: 0.25,
      program: 'calc-threads',
      processes: [{ pid: 1, name: 'python (threading)', osPid: 41234 }],
      threads: [
        { tid: main, pid: 1, name: 'MainThread', gil: 1 },
        { tid: t1, pid: 1, name: 'Thread-1', gil: 1 },
        { tid: t2, pid: 1, name: 'Thread-2', gil: 1 },
      ],
      t0EpochMs: 1_760_000_000_123.4,
      source: 'import threading\nprint("start")\n',
      lineMap: [1, 2, 3],
      note: 'threading: one process, a thread per task, one GIL shared by all of them',
      measured: { python: 'CPython 3.13.1', executable: '/usr/bin/python3' },
    },
    traces: {
      [main]: {
        intervals: [running, 0, 80.5, 3, blocked, 80.5, 200_100, 5],
        instants: [{ kind: 'print', tUs: 40, text: 'start', line: 2 }],
      },
      [t1]: {
        intervals: turns(true),
        instants: [
          { kind: 'drop_request', tUs: 5100 },
          { kind: 'forced_switch', tUs: 5100.2 },
        ],
      },
      [t2]: { intervals: turns(false), instants: [{ kind: 'drop_request', tUs: 10_100 }] },
    },
    summary: {
      runId,
      strategy: 'threading',
      workers: 2,
      status: 'done',
      wallMs: 200.1,
      speedup: 0.98,
      handoffs: 40,
      forcedSwitches: 39,
      truncated: false,
      spawnMs: 52.7,
      threads: [t1, t2].map((tid, i) => ({
        tid,
        name: `Thread-${i + 1}`,
        process: 'python (threading)',
        runningMs: 100,
        onCpuMs: i === 0 ? 101.5 : null,
        waitMs: 100,
        ioMs: 0,
        blockedMs: 0,
        startingMs: 0.1,
        ioCount: 0,
        endMs: 200.1,
      })),
    },
  };
}

/** A multiprocessing run still going when it was saved: no summary yet. */
function liveMultiprocessingRun(runId: string, firstTid: number): RunRecord {
  return {
    info: {
      runId,
      strategy: 'multiprocessing',
      workers: 1,
      switchIntervalMs: 5,
      gil: 'new',
      timeScale: 0.25,
      program: 'calc-threads',
      processes: [
        { pid: 1, name: 'python (multiprocessing)', osPid: 41300 },
        { pid: 2, name: 'python (multiprocessing) Process-1', osPid: 41301 },
      ],
      threads: [
        { tid: firstTid, pid: 1, name: 'MainThread', gil: 1 },
        { tid: firstTid + 1, pid: 2, name: 'MainThread', gil: 2 },
      ],
      t0EpochMs: 1_760_000_001_000,
    },
    traces: {
      [firstTid]: { intervals: [io, 0, 50_000, 0], instants: [] },
      [firstTid + 1]: { intervals: [starting, 0, 10_000, 0, running, 10_000, 50_000, 4], instants: [] },
    },
  };
}

const request: RunRequest = {
  program: 'calc-threads',
  strategies: ['threading', 'multiprocessing'],
  workerCounts: [2],
  switchIntervalMs: 5,
  gil: 'new',
  timeScale: 0.25,
};

const savedAt = new Date('2025-06-01T10:20:30.000Z');

function validFile() {
  return toSessionFile([threadingRun('run-a', 1), liveMultiprocessingRun('run-b', 4)], request, savedAt);
}

/** The file's JSON with one change made to its parsed form. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into any field of the parsed JSON
function changed(change: (file: any) => void): string {
  const file = JSON.parse(JSON.stringify(validFile()));
  change(file);
  return JSON.stringify(file);
}

function refusal(text: string): string {
  const result = parseSessionFile(text);
  if (result.ok) throw new Error('the file was accepted');
  return result.error;
}

describe('session files', () => {
  it('round-trips a session: runs, traces, summaries and the request come back as saved', () => {
    const file = validFile();
    const result = parseSessionFile(JSON.stringify(file));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.runs).toEqual(file.runs);
    expect(result.value.request).toEqual(request);
    expect(result.value.savedAtMs).toBe(savedAt.getTime());
    // Traces are keyed by tid as numbers are: a saved file reads back by the same tids.
    expect(result.value.runs[0].traces[2].intervals.slice(0, 8)).toEqual([starting, 0, 100, 0, running, 100, 5100, 7]);
  });

  it('keeps a program given as a whole (the editor’s text), and works without a request', () => {
    const program = {
      name: 'naps',
      description: 'two threads sleep',
      file: 'naps.py',
      source: 'import threading, time\n\nfor _ in range(2):\n    threading.Thread(target=time.sleep, args=(0.1,)).start()\n',
    };
    const withProgram = parseSessionFile(
      JSON.stringify(toSessionFile([threadingRun('r', 1)], { ...request, program }, savedAt)),
    );
    expect(withProgram.ok && withProgram.value.request?.program).toEqual(program);
    const bare = parseSessionFile(JSON.stringify(toSessionFile([threadingRun('r', 1)], undefined, savedAt)));
    expect(bare.ok && bare.value.request).toBeUndefined();
  });

  it('saves a trace of a lane the run never announced with a lane of its own, so it opens again', () => {
    const [run] = validFile().runs;
    run.traces[42] = { intervals: [running, 10, 20, 3], instants: [] };
    const result = parseSessionFile(JSON.stringify(toSessionFile([run], request, savedAt)));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.runs[0].info.threads.map((t) => t.tid)).toEqual([1, 2, 3, 42]);
    expect(result.value.runs[0].traces[42].intervals).toEqual([running, 10, 20, 3]);
  });

  it('gives a lane the file has no trace for an empty one, as a live run has', () => {
    const result = parseSessionFile(changed((f) => delete f.runs[1].traces['4']));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.runs[1].traces[4]).toEqual({ intervals: [], instants: [] });
  });

  it('refuses malformed traces, naming the field and what was expected', () => {
    const shape = '([state, startUs, endUs, line, …])';
    expect(refusal(changed((f) => f.runs[0].traces['2'].intervals.push(1)))).toBe(
      `runs.0.traces.2.intervals: length must be a multiple of 4 ${shape}, got 165`,
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].intervals = [1, 0, 10, 0, 7, 10, 20])))).toBe(
      `runs.0.traces.1.intervals: length must be a multiple of 4 ${shape}, got 7`,
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].intervals[4] = 5)))).toBe(
      'runs.0.traces.1.intervals: interval 1 (items 4..7): state must be 0..4 (starting, running, waiting, io, blocked), got 5',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].intervals[3] = -1)))).toBe(
      'runs.0.traces.1.intervals: interval 0 (items 0..3): line must be a whole number of at least 0, got -1',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].intervals = [1, 50, 10, 0])))).toBe(
      'runs.0.traces.1.intervals: interval 0 (items 0..3): starts at 50 µs, after its end at 10 µs',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].intervals = [1, 0, 10, 0, 2, 5, 20, 0])))).toBe(
      'runs.0.traces.1.intervals: interval 1 (items 4..7): starts at 5 µs, before the previous interval ends at 10 µs',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].intervals[1] = '0')))).toBe(
      'runs.0.traces.1.intervals: interval 0 (items 0..3): startUs must be a finite number, got "0"',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].intervals = 'lots')))).toBe(
      'runs.0.traces.1.intervals: must be a list of numbers [state, startUs, endUs, line, …], got "lots"',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['2'].instants[1].kind = 'gil_stolen')))).toBe(
      'runs.0.traces.2.instants: 1.kind: must be one of print, drop_request, forced_switch, truncated, error, got "gil_stolen"',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['1'].instants[0].line = 'two')))).toBe(
      'runs.0.traces.1.instants: 0.line: must be a whole number of at least 0, got "two"',
    );
    // 1e400 is valid JSON but not a finite number.
    expect(refusal(JSON.stringify(validFile()).replace('"tUs":40', '"tUs":1e400'))).toBe(
      'runs.0.traces.1.instants: 0.tUs: must be a finite number, got Infinity',
    );
  });

  it('opens a version 1 file, converted: lines unknown, cpuMs as the time running, CPU time not measured', () => {
    const v2 = JSON.parse(JSON.stringify(validFile()));
    // The same session as version 1 wrote it: three numbers per interval, cpuMs, no blocked state.
    const v1 = JSON.parse(JSON.stringify(v2));
    v1.version = 1;
    for (const run of v1.runs) {
      delete run.info.source;
      delete run.info.lineMap;
      delete run.info.note;
      delete run.info.measured;
      for (const trace of Object.values(run.traces) as { intervals: number[] }[])
        trace.intervals = trace.intervals
          .filter((_, i) => i % 4 !== 3)
          .map((v, i) => (i % 3 === 0 && v === blocked ? io : v));
      for (const thread of run.summary?.threads ?? []) {
        thread.cpuMs = thread.runningMs;
        for (const field of ['runningMs', 'onCpuMs', 'blockedMs']) delete thread[field];
      }
    }
    const result = parseSessionFile(JSON.stringify(v1));
    if (!result.ok) throw new Error(result.error);
    const [threading, live] = result.value.runs;
    expect(threading.traces[2].intervals).toEqual(
      v2.runs[0].traces['2'].intervals.map((v: number, i: number) => (i % 4 === 3 ? 0 : v)),
    );
    expect(threading.traces[1].intervals).toEqual([running, 0, 80.5, 0, io, 80.5, 200_100, 0]);
    expect(live.traces[5].intervals).toEqual([starting, 0, 10_000, 0, running, 10_000, 50_000, 0]);
    expect(threading.traces[1].instants).toEqual([{ kind: 'print', tUs: 40, text: 'start\n', line: 2 }]);
    expect(threading.summary?.threads[0]).toEqual({
      tid: 2,
      name: 'Thread-1',
      process: 'python (threading)',
      runningMs: 100,
      onCpuMs: null,
      waitMs: 100,
      ioMs: 0,
      blockedMs: 0,
      startingMs: 0.1,
      ioCount: 0,
      endMs: 200.1,
    });
    // Nothing else is lost on the way: the rest of the file reads back as saved.
    expect({ ...threading.summary, threads: [] }).toEqual({ ...v2.runs[0].summary, threads: [] });
    expect(result.value.request).toEqual(request);
    // A version 1 interval in the blocked state (4) did not exist then.
    v1.runs[0].traces['1'].intervals[0] = 4;
    expect(refusal(JSON.stringify(v1))).toBe(
      'runs.0.traces.1.intervals: interval 0 (items 0..2): state must be 0..3 (starting, running, waiting, io), got 4',
    );
  });

  it('refuses a malformed plan or summary, naming the field', () => {
    expect(refusal(changed((f) => delete f.runs[0].info.workers))).toBe(
      'runs.0.info.workers: must be a whole number, got nothing',
    );
    expect(refusal(changed((f) => (f.runs[1].info.workers = 0)))).toBe(
      'runs.1.info.workers: must be a whole number between 1 and 256, got 0',
    );
    expect(refusal(changed((f) => (f.runs[0].info.strategy = 'greenlets')))).toBe(
      'runs.0.info.strategy: must be one of sequential, threading, multiprocessing, asyncio, free-threading, subinterpreters, got "greenlets"',
    );
    expect(refusal(changed((f) => (f.runs[0].info.threads[1].gil = 'yes')))).toBe(
      'runs.0.info.threads.1.gil: must be a whole number, got "yes"',
    );
    expect(refusal(changed((f) => (f.runs[0].info.processes = {})))).toBe(
      'runs.0.info.processes: must be a list, got object',
    );
    expect(refusal(changed((f) => (f.runs[0].summary.status = 'fine')))).toBe(
      'runs.0.summary.status: must be one of done, cancelled, failed, got "fine"',
    );
    expect(refusal(changed((f) => (f.runs[0].summary.wallMs = -1)))).toBe(
      'runs.0.summary.wallMs: must be a number of at least 0, got -1',
    );
    expect(refusal(changed((f) => (f.runs[0].summary.threads[1].onCpuMs = 'lots')))).toBe(
      'runs.0.summary.threads.1.onCpuMs: must be a number, got "lots"',
    );
    expect(refusal(changed((f) => (f.runs[0].info.measured = { python: 3.13 })))).toBe(
      'runs.0.info.measured.python: must be text, got 3.13',
    );
    expect(refusal(changed((f) => (f.runs = [])))).toBe('runs: must hold at least one run');
    expect(refusal(changed((f) => (f.savedAt = 'yesterday')))).toBe(
      'savedAt: must be a date and time (ISO 8601), got "yesterday"',
    );
    expect(refusal(changed((f) => (f.request.workerCounts = [0])))).toBe(
      'request.workerCounts.0: must be a whole number between 1 and 256, got 0',
    );
    expect(refusal('[1, 2, 3]')).toBe(
      'session file must be a JSON object {format, version, savedAt, runs}, got a list',
    );
  });

  it('refuses ids that do not match: a trace of no thread, a tid twice, a runId twice, a summary of another run', () => {
    expect(refusal(changed((f) => (f.runs[0].traces['12'] = { intervals: [1, 0, 1, 0, 2, 1, 2], instants: [] })))).toBe(
      'runs.0.traces.12.intervals: length must be a multiple of 4 ([state, startUs, endUs, line, …]), got 7',
    );
    expect(refusal(changed((f) => (f.runs[0].traces['12'] = { intervals: [], instants: [] })))).toBe(
      'runs.0.traces.12: no thread with tid 12 in runs.0.info.threads (tids 1, 2, 3)',
    );
    expect(refusal(changed((f) => (f.runs[0].info.threads[2].tid = 2)))).toBe(
      'runs.0.info.threads.2.tid: 2 is listed twice',
    );
    expect(refusal(changed((f) => (f.runs[1].info.runId = 'run-a')))).toBe(
      'runs.1.info.runId: "run-a" is also the runId of runs.0',
    );
    expect(refusal(changed((f) => (f.runs[0].summary.runId = 'run-b')))).toBe(
      `runs.0.summary.runId: must be the run's own runId "run-a", got "run-b"`,
    );
  });

  it('refuses a truncated file as not valid JSON', () => {
    const text = JSON.stringify(validFile());
    for (const cut of [1, Math.floor(text.length / 2), text.length - 1])
      expect(refusal(text.slice(0, cut))).toMatch(/^session file is not valid JSON \(truncated\?\): /);
    expect(refusal('')).toMatch(/^session file is not valid JSON \(truncated\?\)/);
  });

  it('refuses a file over the size limit before parsing it, with its size in the message', () => {
    expect(sessionFileTooLarge(limits.maxTraceFileBytes)).toBeNull();
    expect(sessionFileTooLarge(100 << 20)).toBe(
      `session file is too large: ${100 << 20} bytes (100 MiB), at most ${limits.maxTraceFileBytes} (64 MiB)`,
    );
    // Not JSON at all: refused for its size, not for its syntax.
    expect(refusal('x'.repeat(limits.maxTraceFileBytes + 1))).toBe(
      `session file is too large: ${limits.maxTraceFileBytes + 1} bytes (64 MiB), at most ${limits.maxTraceFileBytes} (64 MiB)`,
    );
  });

  it('refuses other files: another format, a Chrome trace, a newer version', () => {
    expect(refusal(changed((f) => (f.format = 'something-else')))).toBe(
      'format: must be "gil-lab-session", got "something-else"',
    );
    expect(refusal(JSON.stringify({ traceEvents: [], displayTimeUnit: 'ms' }))).toBe(
      'format: must be "gil-lab-session", got nothing (this is a Chrome trace for Perfetto: GIL Lab opens the session files it saves)',
    );
    expect(refusal(changed((f) => (f.version = 3)))).toBe('version: must be 1 or 2, got 3 (saved by a newer GIL Lab?)');
    expect(refusal(changed((f) => delete f.version))).toBe('version: must be 1 or 2, got nothing');
  });

  it('never throws on a near-valid file: each is accepted or refused with a field named', () => {
    const base = JSON.parse(JSON.stringify(validFile()));
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.slice(0, 8).forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
        const file = JSON.parse(JSON.stringify(base));
        let at = file;
        for (const key of path.slice(0, -1)) at = at[key];
        at[path[path.length - 1]] = value;
        const result = parseSessionFile(JSON.stringify(file));
        if (!result.ok) expect(result.error).toMatch(/^(format|version|savedAt|runs|request)\b/);
      }),
      { numRuns: 500 },
    );
  });
});
