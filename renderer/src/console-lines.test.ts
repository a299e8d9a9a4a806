import { describe, expect, it } from 'vitest';
import { newRunRecord } from '../../common/run-record';
import { consoleLines, joinWrites, timeScaleNote } from './console-lines';
import { runInfo } from './store/fixtures';

describe('console lines', () => {
  it('joins writes into lines as a terminal does: end="" continues the line, one write may hold several', () => {
    const lines = joinWrites([
      { tUs: 1, text: 'part 0' },
      { tUs: 2, text: ' done\n' },
      { tUs: 3, text: 'a\nb\n' },
      { tUs: 4, text: '\n' },
      { tUs: 5, text: 'tail' },
    ]);
    expect(lines).toEqual([
      { tUs: 1, text: 'part 0 done', open: false },
      { tUs: 3, text: 'a', open: false },
      { tUs: 3, text: 'b', open: false },
      { tUs: 4, text: '', open: false },
      { tUs: 5, text: 'tail', open: true },
    ]);
  });

  it('merges every thread’s lines in time order, joined per thread, naming the process where thread names repeat', () => {
    const record = newRunRecord(runInfo('r', 'multiprocessing', 2, 1));
    record.traces[1].instants.push(
      { kind: 'print', tUs: 10, text: 'MainThread\n' },
      { kind: 'print', tUs: 900, text: 'done\n' },
    );
    // Two threads writing halves of their lines in turn: each line stays whole, as CPython's per-thread print would.
    record.traces[2].instants.push(
      { kind: 'print', tUs: 300, text: 'car', line: 5 },
      { kind: 'drop_request', tUs: 350 },
      { kind: 'print', tUs: 420, text: ' 1\n' },
    );
    record.traces[3].instants.push(
      { kind: 'print', tUs: 200, text: 'truck' },
      { kind: 'print', tUs: 400, text: ' 1\n' },
    );
    const lines = consoleLines(record);
    expect(lines.map((l) => `${l.tUs} ${l.thread}: ${l.text}`)).toEqual([
      '10 main/MainThread: MainThread',
      '200 Process-2/MainThread: truck 1',
      '300 Process-1/MainThread: car 1',
      '900 main/MainThread: done',
    ]);
    expect(new Set(lines.map((l) => l.color)).size).toBe(3);
  });

  it('keeps stderr apart: a traceback is its own lines, marked stderr, and does not join a half-written stdout line', () => {
    const record = newRunRecord(runInfo('r', 'threading', 1, 1));
    record.traces[2].instants.push(
      { kind: 'print', tUs: 100, text: 'working', line: 4 },
      {
        kind: 'error',
        tUs: 200,
        text: 'Exception in thread Thread-1:\nTraceback (most recent call last):\nValueError: boom\n',
        line: 7,
      },
    );
    const lines = consoleLines(record);
    expect(lines.map((l) => [l.stream, l.text, l.open, l.continues])).toEqual([
      ['stdout', 'working', true, false],
      ['stderr', 'Exception in thread Thread-1:', false, false],
      ['stderr', 'Traceback (most recent call last):', false, true],
      ['stderr', 'ValueError: boom', false, true],
    ]);
  });

  it('notes a time scale below 1, and says nothing at 1', () => {
    const record = newRunRecord({ ...runInfo('r', 'threading', 1, 1), timeScale: 0.25 });
    expect(timeScaleNote(record)).toBe('time scale 0.25: sleeps and long loops were scaled');
    expect(timeScaleNote(newRunRecord({ ...runInfo('r', 'threading', 1, 1), timeScale: 1 }))).toBeNull();
  });
});
