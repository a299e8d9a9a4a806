import { describe, expect, it } from 'vitest';
import { csvField, summaryColumns, summaryCsv } from './csv';
import { unmeasuredThread } from './totals';
import type { RunSummary, ThreadSummary } from './trace';

const thread = (name: string, runningMs: number): ThreadSummary => ({
  tid: 1,
  name,
  process: 'python (threading)',
  runningMs,
  onCpuMs: runningMs + 10,
  waitMs: 2.5,
  ioMs: 0,
  blockedMs: 12,
  startingMs: 1,
  ioCount: 3,
  endMs: 4000.123456,
});

const cell = (row: string[], column: (typeof summaryColumns)[number]) => row[summaryColumns.indexOf(column)];

const run = (overrides: Partial<RunSummary>): RunSummary => ({
  runId: 'r',
  strategy: 'threading',
  workers: 2,
  status: 'done',
  wallMs: 8000,
  speedup: 1.02,
  handoffs: 800,
  forcedSwitches: 799,
  truncated: false,
  spawnMs: 50,
  threads: [],
  ...overrides,
});

/** A small RFC 4180 reader, enough to check that a spreadsheet would see the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('summaryCsv', () => {
  it('writes a header and one row per thread per run', () => {
    const csv = summaryCsv([
      run({ threads: [thread('MainThread', 1), thread('Thread-1', 4000)] }),
      run({ strategy: 'multiprocessing', speedup: 1.9, threads: [thread('MainThread', 4000)] }),
    ]);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...summaryColumns]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r[0])).toEqual(['strategy', 'threading', 'threading', 'multiprocessing']);
    expect(rows[2]).toEqual([
      'threading',
      '2',
      'done',
      '8000',
      '1.02',
      '800',
      '799',
      'Thread-1',
      'python (threading)',
      '4000',
      '4010',
      '2.5',
      '0',
      '12',
      '1',
      '3',
      '4000.123',
      '50',
      '50.1',
      '0',
      '',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes a thread name that holds a comma or a quote, so columns stay in place', () => {
    const rows = parseCsv(summaryCsv([run({ threads: [thread('worker, "fast"', 1)] })]));
    expect(rows[1]).toHaveLength(summaryColumns.length);
    expect(rows[1][7]).toBe('worker, "fast"');
    expect(csvField('worker, "fast"')).toBe('"worker, ""fast"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('leaves what was not measured empty, never 0, and says what each percentage divides by', () => {
    const unmeasured = unmeasuredThread(1, 'Thread-1', 'python (threading)');
    const [, row] = parseCsv(summaryCsv([run({ status: 'cancelled', threads: [unmeasured] })]));
    for (const column of summaryColumns.slice(summaryColumns.indexOf('runningMs'), summaryColumns.indexOf('reason')))
      expect(cell(row, column), column).toBe('');
    const percentages = summaryColumns.filter((c) => c.includes('%'));
    expect(percentages.length).toBeGreaterThan(0);
    for (const column of percentages) expect(column).toMatch(/\(% of the run's wall time\)$/);
  });

  it('never gives a thread more than 100% of the run', () => {
    // A thread that ran from the start to the very end of the run, on a CPU the whole time.
    const busy = { ...thread('Thread-1', 8000), onCpuMs: 8000, waitMs: 0 };
    const [, row] = parseCsv(summaryCsv([run({ threads: [busy] })]));
    expect(cell(row, "running, holding the GIL (% of the run's wall time)")).toBe('100');
    expect(cell(row, "on CPU (% of the run's wall time)")).toBe('100');
  });

  it('keeps a failed run without threads, with its reason, and leaves a missing speed-up empty', () => {
    const rows = parseCsv(
      summaryCsv([run({ status: 'failed', reason: 'process 2 was killed (SIGKILL)', speedup: null })]),
    );
    expect(rows).toHaveLength(2);
    expect(rows[1][2]).toBe('failed');
    expect(rows[1][4]).toBe('');
    expect(rows[1][summaryColumns.indexOf('reason')]).toBe('process 2 was killed (SIGKILL)');
  });
});
