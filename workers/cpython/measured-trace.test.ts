// A measured run's lanes from hand-made tracer events and sampler readings: which lanes appear,
// with which names and tids, and what each lane and summary says.
import { describe, expect, it } from 'vitest';
import { MeasuredTrace } from './measured-trace';
import type { SampleBatch } from './sampler-protocol';
import { parseLeadingInt, parsePidList, parseStat } from './sampler-protocol';
import { StderrText } from './stderr-text';
import { LineSplitter, parseTracerEvent, type TracerEvent } from './tracer-events';
import { stateCode as S } from '../../common/trace';

const MS = 1_000_000;
const T0 = 1_000 * MS;
const ROOT = 500;

function ev(line: unknown[]): TracerEvent {
  const e = parseTracerEvent(JSON.stringify(line));
  if (!e) throw new Error(`not an event: ${JSON.stringify(line)}`);
  return e;
}

/** Readings of one thread every ms over [fromMs, toMs]: its cumulative CPU (ms) and state R at each ms since T0. */
function readings(
  pid: number,
  tid: number,
  fromMs: number,
  toMs: number,
  cpu: (ms: number) => number,
  running: (ms: number) => boolean,
): SampleBatch {
  const n = toMs - fromMs + 1;
  const batch: SampleBatch = {
    length: n,
    pid: new Int32Array(n).fill(pid),
    tid: new Int32Array(n).fill(tid),
    tNs: new Float64Array(n),
    cpuNs: new Float64Array(n),
    running: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    batch.tNs[i] = T0 + (fromMs + i) * MS;
    batch.cpuNs[i] = cpu(fromMs + i) * MS;
    batch.running[i] = running(fromMs + i) ? 1 : 0;
  }
  return batch;
}

const at = (ms: number) => T0 + ms * MS;

function threadingRun(): MeasuredTrace {
  const trace = new MeasuredTrace({
    runId: 'r',
    strategy: 'threading',
    firstTid: 40,
    pythonName: 'python3.11',
    freeThreaded: false,
    cpuKnown: true,
    maxIntervalsPerRun: 1000,
  });
  const events: unknown[][] = [
    [
      'sync',
      at(-5),
      ROOT,
      ROOT,
      'MainThread',
      0,
      at(-5),
      0,
      '3.11.7',
      '/usr/bin/python3',
      true,
      'clock_gettime(CLOCK_MONOTONIC)',
    ],
    ['run', at(0), ROOT, ROOT, 'MainThread', 0, '/tmp/p.py'],
    ['rename', at(0.5), ROOT, ROOT, 'primary', 2, ROOT, 'primary'],
    ['tstart', at(1.1), ROOT, 501, 'Thread-1 (Car)', 0, 1],
    ['tspawn', at(1), ROOT, ROOT, 'primary', 10, 501, 'Thread-1 (Car)'],
    ['b', at(1.2), ROOT, ROOT, 'primary', 12, 'blocked', 'Thread.join'],
    ['print', at(2), ROOT, 501, 'Thread-1 (Car)', 5, 'car', 'stdout'],
    ['b', at(3), ROOT, 501, 'Thread-1 (Car)', 6, 'io', 'time.sleep'],
    ['e', at(13), ROOT, 501, 'Thread-1 (Car)', 6],
    ['tend', at(15), ROOT, 501, 'Thread-1 (Car)', 0],
    ['e', at(15.2), ROOT, ROOT, 'primary', 12],
    ['b', at(16), ROOT, ROOT, 'primary', 0, 'blocked', 'threading._shutdown'],
    ['e', at(16.5), ROOT, ROOT, 'primary', 0],
    ['exit', at(16.5), ROOT, ROOT, 'primary', 0, 0],
  ];
  for (const e of events) trace.addEvent(ev(e));
  // MainThread computes (start-up, then its code) until 1.2 ms, then joins; Car computes 1-3 and 13-15 ms.
  trace.addSamples(
    readings(
      ROOT,
      ROOT,
      -3,
      20,
      (ms) => 3 + Math.min(ms, 1.2),
      (ms) => ms < 1.2,
    ),
  );
  trace.addSamples(
    readings(
      ROOT,
      501,
      2,
      20,
      (ms) => Math.min(ms, 3) - 1 + Math.max(0, Math.min(ms, 15) - 13),
      (ms) => ms < 3 || (ms >= 13 && ms < 15),
    ),
  );
  return trace;
}

describe('MeasuredTrace: the lanes of a measured run', () => {
  it('numbers lanes from firstTid, one GIL per process, names as CPython has them (renames included)', () => {
    const trace = threadingRun();
    expect(trace.t0Ns).toBe(T0);
    expect(trace.allProcesses()).toEqual([{ pid: 1, name: 'python3.11 (threading, measured)', osPid: ROOT }]);
    expect(trace.allThreads()).toEqual([
      { tid: 40, pid: 1, name: 'primary', gil: 1 },
      { tid: 41, pid: 1, name: 'Thread-1 (Car)', gil: 1 },
    ]);
    expect(trace.tidsUsed).toBe(2);
    // Before the first flush the rename is part of the new lanes, not a second announcement.
    expect(trace.takeNewLanes().threads.map((t) => t.name)).toEqual(['primary', 'Thread-1 (Car)']);
  });

  it('draws each lane from the events and readings: starting, running, io, blocked, the prints', () => {
    const trace = threadingRun();
    const batches = trace.finish(at(16.5));
    const car = batches.find((b) => b.tid === 41)!;
    expect(car.intervals).toEqual(
      [
        [S.starting, 1000, 1100, 10],
        [S.running, 1100, 3000, 0],
        [S.io, 3000, 13000, 6],
        [S.running, 13000, 15000, 6],
      ].flat(),
    );
    expect(car.instants).toEqual([{ kind: 'print', tUs: 2000, text: 'car', line: 5 }]);
    const main = batches.find((b) => b.tid === 40)!;
    expect(main.intervals).toEqual(
      [
        [S.running, 0, 1200, 0],
        [S.blocked, 1200, 15200, 12],
        [S.waiting, 15200, 16000, 12],
        [S.blocked, 16000, 16500, 0],
      ].flat(),
    );
  });

  it('sums each thread up, null where it was not measured', () => {
    const trace = threadingRun();
    trace.finish(at(16.5));
    const [main, car] = trace.summaries();
    expect(car).toEqual({
      tid: 41,
      name: 'Thread-1 (Car)',
      process: 'python3.11 (threading, measured)',
      runningMs: 3.9,
      onCpuMs: 3.9,
      waitMs: 0,
      ioMs: 10,
      blockedMs: 0,
      startingMs: 0.1,
      ioCount: 1,
      endMs: 15,
    });
    expect(main.endMs).toBe(16.5);
    expect(main.blockedMs).toBeCloseTo(14.5, 6);

    const blind = new MeasuredTrace({
      runId: 'r',
      strategy: 'threading',
      firstTid: 1,
      pythonName: 'python3.11',
      freeThreaded: false,
      cpuKnown: false,
      maxIntervalsPerRun: 10,
    });
    blind.addEvent(ev(['run', at(0), ROOT, ROOT, 'MainThread', 0, '/tmp/p.py']));
    blind.finish(at(1));
    expect(blind.summaries()[0]).toMatchObject({ runningMs: null, onCpuMs: null, waitMs: null, ioMs: 0 });
  });

  it('a multiprocessing child is a process of its own with its MainThread lane and its own GIL', () => {
    const trace = new MeasuredTrace({
      runId: 'r',
      strategy: 'multiprocessing',
      firstTid: 1,
      pythonName: 'python3.11',
      freeThreaded: false,
      cpuKnown: true,
      maxIntervalsPerRun: 1000,
    });
    trace.addEvent(ev(['run', at(0), ROOT, ROOT, 'MainThread', 0, '/tmp/p.py']));
    trace.takeNewLanes();
    trace.addEvent(ev(['pbegin', at(4), 777, 777, 'MainThread', 0, 'Process-1', ROOT]));
    trace.addEvent(ev(['pspawn', at(1), ROOT, ROOT, 'MainThread', 20, 777, 'Process-1']));
    trace.addEvent(
      ev([
        'exc',
        at(6),
        777,
        777,
        'MainThread',
        5,
        'process',
        'Process Process-1:\nTraceback...\nValueError: bad\n',
        'ValueError: bad',
      ]),
    );
    trace.addEvent(ev(['pend', at(7), 777, 777, 'MainThread', 0, 1]));
    expect(trace.takeNewLanes()).toEqual({
      processes: [{ pid: 2, name: 'Process-1 (multiprocessing, measured)', osPid: 777 }],
      threads: [{ tid: 2, pid: 2, name: 'MainThread', gil: 2 }],
    });
    expect(trace.exceptions).toMatchObject([
      {
        where: 'process',
        thread: 'MainThread',
        process: 'Process-1 (multiprocessing, measured)',
        osPid: 777,
        lastLine: 'ValueError: bad',
      },
    ]);
    const child = trace.finish(at(8)).find((b) => b.tid === 2)!;
    expect(child.intervals.slice(0, 4)).toEqual([S.starting, 1000, 4000, 20]);
    expect(child.instants[0]).toMatchObject({ kind: 'error', tUs: 6000, line: 5 });
  });

  it('a free-threaded build has no GIL', () => {
    const trace = new MeasuredTrace({
      runId: 'r',
      strategy: 'free-threading',
      firstTid: 1,
      pythonName: 'python3.13t',
      freeThreaded: true,
      cpuKnown: true,
      maxIntervalsPerRun: 10,
    });
    trace.addEvent(ev(['run', at(0), ROOT, ROOT, 'MainThread', 0, '/tmp/p.py']));
    expect(trace.allThreads()[0].gil).toBeNull();
    expect(trace.allProcesses()[0].name).toBe('python3.13t (free-threading, measured)');
  });
});

describe('the pipes: event lines, /proc text, stderr', () => {
  it('parses the tracer lines and refuses what is not one', () => {
    expect(ev(['b', 5, 1, 2, 'T', 3, 'blocked', 'Lock.acquire', 1])).toMatchObject({ state: 'blocked', forever: true });
    expect(ev(['b', 5, 1, 2, 'T', 3, 'io', 'time.sleep'])).toEqual({
      kind: 'b',
      tNs: 5,
      pid: 1,
      tid: 2,
      threadName: 'T',
      line: 3,
      state: 'io',
      call: 'time.sleep',
      forever: false,
    });
    expect(parseTracerEvent('["print",1,2,3,"T",4,"cut')).toBeNull();
    expect(parseTracerEvent('["nonsense",1,2,3,"T",4]')).toBeNull();
    expect(parseTracerEvent('{"kind":"b"}')).toBeNull();
  });

  it('splits chunks into lines, a partial line waiting for the rest', () => {
    const s = new LineSplitter();
    expect(s.push('a\nb')).toEqual(['a']);
    expect(s.push('c\nd\n')).toEqual(['bc', 'd']);
    expect(s.push('e')).toEqual([]);
    expect(s.end()).toEqual(['e']);
  });

  it('reads schedstat, stat and children files without strings', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const schedstat = bytes('123456789012 3456 78\n');
    expect(parseLeadingInt(schedstat, schedstat.length)).toBe(123456789012);
    const stat = bytes('4711 (a (b) c) R 1 4711 4711 0 -1 4194560 1 0 0 0 12 3 0 0 20 0 7 0 8 9\n');
    expect(parseStat(stat, stat.length)).toEqual({ running: true, threads: 7 });
    const asleep = bytes('4712 (python3) S 1 2 3 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0');
    expect(parseStat(asleep, asleep.length)).toEqual({ running: false, threads: 1 });
    const children = bytes('4711 4712 ');
    expect(parsePidList(children, children.length)).toEqual([4711, 4712]);
    expect(parsePidList(bytes(''), 0)).toEqual([]);
  });

  it('keeps the stderr text no event explains', () => {
    const s = new StderrText();
    s.expect('Exception in thread T:\nTraceback...\nZeroDivisionError: division by zero\n');
    s.expect('a print to stderr');
    const text =
      'p.py:3: DeprecationWarning: getName() is deprecated\n' +
      'Exception in thread T:\nTraceback...\nZeroDivisionError: division by zero\n' +
      'a print to stderr\n';
    expect(s.unexplained(text)).toBe('p.py:3: DeprecationWarning: getName() is deprecated');
    expect(s.unexplained('a print to stderr\n')).toBe('a print to stderr');
  });
});
