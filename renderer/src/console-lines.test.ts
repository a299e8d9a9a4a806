import { describe, expect, it } from 'vitest';
import { newRunRecord } from '../../common/run-record';
import { printedLines } from './console-lines';
import { runInfo } from './store/fixtures';

describe('console lines', () => {
  it('merges every thread’s prints in time order, naming the process where thread names repeat', () => {
    const record = newRunRecord(runInfo('r', 'multiprocessing', 2, 1));
    record.traces[1].instants.push(
      { kind: 'print', tUs: 10, text: 'MainThread' },
      { kind: 'print', tUs: 900, text: 'done' },
    );
    record.traces[2].instants.push({ kind: 'print', tUs: 300, text: 'car' }, { kind: 'drop_request', tUs: 350 });
    record.traces[3].instants.push({ kind: 'print', tUs: 200, text: 'truck' });
    const lines = printedLines(record);
    expect(lines.map((l) => `${l.tUs} ${l.thread}: ${l.text}`)).toEqual([
      '10 main/MainThread: MainThread',
      '200 Process-2/MainThread: truck',
      '300 Process-1/MainThread: car',
      '900 main/MainThread: done',
    ]);
    expect(new Set(lines.map((l) => l.color)).size).toBe(3);
  });
});
