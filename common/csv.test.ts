import { describe, expect, it } from 'vitest';
import { csvField, summaryColumns, summaryCsv } from './csv';
import type { RunSummary, ThreadSummary } from './trace';

const thread = (name: string, cpuMs: number): ThreadSummary => ({
  tid: 1,
  name,
  process: 'python (threading)',
  cpuMs,
  waitMs: 2.5,
  ioMs: 0,
  startingMs: 1,
  ioCount: 3,
  endMs: 4000.123456,
});

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
      '2.5',
      '0',
      '3',
      '4000.123',
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
