import { describe, expect, it } from 'vitest';
import { newRunRecord } from '../../common/run-record';
import { stateCode } from '../../common/trace';
import { intervalIndexAt, linesAt, programLine, sourceLineText } from './source-lines';
import { runInfo } from './store/fixtures';

const { starting, running, waiting, io, blocked } = stateCode;

/** A multiprocessing run of the calc() cell: its variant added `import multiprocessing` as line 5. */
function calcRun() {
  const source = [
    'import os, math',
    'import threading',
    'import time',
    '',
    'import multiprocessing',
    'def calc():',
    '    for i in range(9):',
    '        math.sqrt(i)',
  ].join('\n');
  const record = newRunRecord({ ...runInfo('r', 'multiprocessing', 2, 1), source, lineMap: [1, 2, 3, 4, 0, 5, 6, 7] });
  // MainThread: line 7 of the variant until 100 µs, then blocked in join at line 8 (a gap after 500).
  record.traces[1].intervals.push(running, 0, 100, 7, blocked, 100, 500, 8);
  // Process-1's MainThread: starting (no line), then computing at line 8.
  record.traces[2].intervals.push(starting, 0, 50, 0, running, 50, 400, 8);
  // Process-2's MainThread: waiting at line 8, then at the import the variant added.
  record.traces[3].intervals.push(waiting, 20, 200, 8, running, 200, 300, 5);
  return record;
}

describe('lines in the trace', () => {
  it('finds the interval holding an instant: start inclusive, end exclusive, gaps hold none', () => {
    const intervals = [running, 0, 100, 1, io, 150, 200, 2];
    expect(intervalIndexAt(intervals, 0)).toBe(0);
    expect(intervalIndexAt(intervals, 99.9)).toBe(0);
    expect(intervalIndexAt(intervals, 100)).toBe(-1);
    expect(intervalIndexAt(intervals, 150)).toBe(1);
    expect(intervalIndexAt(intervals, 200)).toBe(-1);
    expect(intervalIndexAt(intervals, -1)).toBe(-1);
    expect(intervalIndexAt([], 5)).toBe(-1);
  });

  it('says which program line each thread is on at an instant, through the run’s line map', () => {
    const record = calcRun();
    expect(linesAt(record, 60)).toEqual([
      { tid: 1, line: 6, sourceLine: 7, state: 'running' },
      { tid: 2, line: 7, sourceLine: 8, state: 'running' },
      { tid: 3, line: 7, sourceLine: 8, state: 'waiting' },
    ]);
    // A line the variant added has no program line (0); a thread in a gap or with no line is left out.
    expect(linesAt(record, 250)).toEqual([
      { tid: 1, line: 7, sourceLine: 8, state: 'blocked' },
      { tid: 2, line: 7, sourceLine: 8, state: 'running' },
      { tid: 3, line: 0, sourceLine: 5, state: 'running' },
    ]);
    expect(linesAt(record, 10)).toEqual([{ tid: 1, line: 6, sourceLine: 7, state: 'running' }]);
    expect(linesAt(record, 600)).toEqual([]);
  });

  it('maps lines and reads their text; a run without a map or a source keeps its lines and says no text', () => {
    const record = calcRun();
    expect(programLine(record, 8)).toBe(7);
    expect(programLine(record, 5)).toBe(0);
    expect(programLine(record, 99)).toBe(0);
    expect(sourceLineText(record, 8)).toBe('        math.sqrt(i)');
    const plain = newRunRecord(runInfo('p', 'threading', 1, 1));
    expect(programLine(plain, 12)).toBe(12);
    expect(sourceLineText(plain, 12)).toBeNull();
  });
});
