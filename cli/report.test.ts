import { describe, expect, it } from 'vitest';
import { newRunRecord } from '../common/run-record';
import { stateCode, type RunInfo } from '../common/trace';
import { cpuShare, gilWaitShare, interruptedSummary, jsonReport, summaryTable } from './report';

const info: RunInfo = {
  runId: 'r1',
  strategy: 'threading',
  workers: 2,
  switchIntervalMs: 5,
  gil: 'new',
  timeScale: 1,
  program: 'demo',
  processes: [{ pid: 1, name: 'MainProcess', osPid: 10 }],
  threads: [
    { tid: 1, pid: 1, name: 'MainThread', gil: 1 },
    { tid: 2, pid: 1, name: 'Thread-1', gil: 1 },
  ],
  t0EpochMs: 0,
  source: 'import threading\n',
  measured: { python: 'CPython 3.13.1', executable: '/usr/bin/python3' },
};
const machine = { cores: 2, platform: 'linux', arch: 'x64', node: '20', host: 'cli' as const };
const settings = { program: 'demo', switchIntervalMs: 5, gil: 'new', timeScale: 1 };

describe('the CLI report of an interrupted run', () => {
  const record = newRunRecord(info);
  record.traces[2].intervals.push(stateCode.running, 0, 250_000, 3);
  const summary = interruptedSummary(record);

  it('is cancelled, lasted as far as its trace reached, and measured nothing', () => {
    expect(summary).toMatchObject({ status: 'cancelled', wallMs: 250, speedup: null });
    expect(summary.threads.map((t) => [t.name, t.process, t.runningMs, t.onCpuMs, t.ioCount])).toEqual([
      ['MainThread', 'MainProcess', null, null, null],
      ['Thread-1', 'MainProcess', null, null, null],
    ]);
  });

  it('writes nulls as nulls and carries the run’s source and CPython measurement', () => {
    const [run] = jsonReport(machine, settings, [summary], [record]).runs;
    expect(run).toMatchObject({ status: 'cancelled', source: info.source, measured: info.measured });
    expect(run.threads[0]).toMatchObject({ runningMs: null, onCpuMs: null, waitMs: null, endMs: null });
  });

  it('shows what was not measured as —, never a percentage of nothing', () => {
    expect(cpuShare(summary, 2)).toBeNull();
    expect(gilWaitShare(summary)).toBeNull();
    const table = summaryTable([summary], 2);
    expect(table).toMatch(/^threading\s+2\s+250 ms\s+—\s+—\s+—/m);
    expect(table).toContain("on CPU % = CPU time of the run's threads / (wall time × 2 cores)");
  });
});
