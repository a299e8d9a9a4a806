import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvent, type RunRecord } from '../../../common/run-record';
import { parseSessionFile, toSessionFile } from '../../../common/session-file';
import { INTERVAL_STRIDE, stateCode } from '../../../common/trace';
import { consoleLines } from '../console-lines';
import { layoutRuns, normalMetrics } from '../timeline/layout';
import { request, sessionEvents } from './fixtures';
import {
  initialRuns,
  selectCurrentSession,
  selectIsRunning,
  selectRunFraction,
  selectStatusText,
  useRuns,
} from './runs';
import { initialView, shownSession, useView } from './view';

const apply = (events: ReturnType<typeof sessionEvents>) => events.forEach((e) => useRuns.getState().apply(e));

beforeEach(() => {
  useRuns.setState(initialRuns);
  useView.setState(initialView);
});

describe('runs store', () => {
  it('folds a realistic session into three run records with whole traces and summaries', () => {
    apply(sessionEvents('s1'));
    const session = selectCurrentSession(useRuns.getState());
    expect(session?.status).toBe('done');
    expect(session?.runs.map((r) => r.info.strategy)).toEqual(['sequential', 'threading', 'multiprocessing']);
    const threading = session!.runs[1];
    // Both halves of the worker thread's trace, in order: starting, running, waiting, running.
    expect(threading.traces[5].intervals.filter((_, i) => i % INTERVAL_STRIDE === 0)).toEqual([
      stateCode.starting,
      stateCode.running,
      stateCode.waiting,
      stateCode.running,
    ]);
    expect(threading.traces[5].instants).toEqual([{ kind: 'print', tUs: 1000, text: 'go' }]);
    expect(threading.summary?.wallMs).toBe(2050);
    expect(selectStatusText(useRuns.getState())).toBe('Session: done');
    expect(selectIsRunning(useRuns.getState())).toBe(false);
  });

  it('says which strategy runs and how far, while running', () => {
    const events = sessionEvents('s1');
    const secondProgress = events.findIndex((e) => e.type === 'progress' && e.progress.index === 1);
    apply(events.slice(0, secondProgress + 1));
    const state = useRuns.getState();
    expect(selectStatusText(state)).toBe('running threading (2/3)…');
    expect(selectIsRunning(state)).toBe(true);
    expect(selectRunFraction(state)).toBe(0.25);
  });

  it('grows trace arrays in place and bumps the revision per batch', () => {
    const events = sessionEvents('s1');
    apply(events.slice(0, 3));
    const record = selectCurrentSession(useRuns.getState())!.runs[0];
    const before = useRuns.getState().revision;
    apply(events.slice(3, 4));
    const intervals = record.traces[2].intervals;
    apply(events.slice(4, 5));
    expect(record.traces[2].intervals).toBe(intervals);
    expect(intervals).toHaveLength(4 * INTERVAL_STRIDE);
    expect(useRuns.getState().revision).toBe(before + 2);
  });

  it('keeps earlier sessions in the history and can show one of them', () => {
    apply(sessionEvents('s1'));
    apply(sessionEvents('s2', 100));
    const state = useRuns.getState();
    expect(state.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(state.currentId).toBe('s2');
    expect(state.sessions[0].runs).toHaveLength(3);
    expect(shownSession(state, useView.getState())?.id).toBe('s2');
    useView.getState().selectSession('s1');
    expect(shownSession(state, useView.getState())?.id).toBe('s1');
  });

  it('ends a cancelled session as cancelled and a failed one with its reason, shown as an error', () => {
    const events = sessionEvents('s1');
    apply(events.slice(0, 4));
    useRuns.getState().apply({ type: 'session-end', sessionId: 's1', status: 'cancelled' });
    expect(selectStatusText(useRuns.getState())).toBe('Session: cancelled');
    expect(useRuns.getState().error).toBeNull();

    apply(sessionEvents('s2', 100).slice(0, 4));
    useRuns.getState().apply({
      type: 'session-end',
      sessionId: 's2',
      status: 'failed',
      reason: 'process python (Process-1) was killed',
    });
    expect(selectStatusText(useRuns.getState())).toBe('Session: failed: process python (Process-1) was killed');
    expect(useRuns.getState().error).toContain('process python (Process-1) was killed');
  });

  it('shows a refused start as an error and stays ready', () => {
    useRuns.getState().startRequested();
    expect(selectStatusText(useRuns.getState())).toBe('starting…');
    useRuns.getState().startRefused('busy: a session is running');
    expect(useRuns.getState().error).toBe('The engine refused to start: busy: a session is running');
    expect(selectStatusText(useRuns.getState())).toBe('ready');
  });

  it('lays out a lane that appears mid-run, with its trace and its prints', () => {
    const events = sessionEvents('s1');
    const firstBatch = events.findIndex((e) => e.type === 'trace');
    apply(events.slice(0, firstBatch + 1));
    const run = selectCurrentSession(useRuns.getState())!.runs[0];
    const lanesBefore = layoutRuns([run], normalMetrics).lanes.filter((l) => l.kind === 'thread');
    expect(lanesBefore.map((l) => l.kind === 'thread' && l.thread.name)).toEqual([
      'MainThread',
      'Thread-1',
      'Thread-2',
    ]);

    // A Python program starts a thread of its own in a process of its own, halfway through.
    const thread = { tid: 99, pid: 7, name: 'Thread-3 (late)', gil: 7 };
    const process = { pid: 7, name: 'Process-7', osPid: 4007 };
    useRuns
      .getState()
      .apply({ type: 'threads', sessionId: 's1', runId: run.info.runId, processes: [process], threads: [thread] });
    // Sent twice (a relay repeats itself): still one lane.
    useRuns
      .getState()
      .apply({ type: 'threads', sessionId: 's1', runId: run.info.runId, processes: [process], threads: [thread] });
    useRuns.getState().apply({
      type: 'trace',
      sessionId: 's1',
      batches: [
        {
          runId: run.info.runId,
          tid: 99,
          intervals: [stateCode.running, 600_000, 700_000, 21],
          instants: [{ kind: 'print', tUs: 650_000, text: 'late hello\n', line: 22 }],
        },
      ],
    });

    const shown = selectCurrentSession(useRuns.getState())!.runs[0];
    const layout = layoutRuns([shown], normalMetrics);
    expect(layout.rows.filter((r) => r.kind === 'process').map((r) => r.kind === 'process' && r.process.name)).toEqual([
      'python (sequential)',
      'Process-7',
    ]);
    const late = layout.lanes.find((l) => l.kind === 'thread' && l.thread.tid === 99);
    expect(late?.kind === 'thread' && late.thread.name).toBe('Thread-3 (late)');
    expect(shown.traces[99].intervals).toEqual([stateCode.running, 600_000, 700_000, 21]);
    expect(consoleLines(shown).map((l) => `${l.thread}: ${l.text}`)).toContain('Thread-3 (late): late hello');
    // The lane joined the record's own list, not the run-start event's.
    const runStart = events.find((e) => e.type === 'run-start');
    expect(runStart?.type === 'run-start' && runStart.run.threads.map((t) => t.tid)).not.toContain(99);
  });

  it('shows a trace whose lane was never announced, in a lane of its own', () => {
    const events = sessionEvents('s1');
    apply(events.slice(0, 3));
    const run = selectCurrentSession(useRuns.getState())!.runs[0];
    useRuns.getState().apply({
      type: 'trace',
      sessionId: 's1',
      batches: [{ runId: run.info.runId, tid: 77, intervals: [stateCode.io, 0, 10, 0], instants: [] }],
    });
    const lane = layoutRuns([run], normalMetrics).lanes.find((l) => l.kind === 'thread' && l.thread.tid === 77);
    expect(lane?.kind === 'thread' && lane.thread.name).toBe('thread 77');
  });

  it('ignores events of sessions it never saw start', () => {
    useRuns.getState().apply({ type: 'session-end', sessionId: 'other', status: 'done' });
    expect(useRuns.getState().sessions).toEqual([]);
  });
});

describe('opening a session file', () => {
  /** A finished session's runs, saved and parsed back as "Open session" does. */
  function savedSession(sessionId: string, change?: (runs: RunRecord[]) => void, withRequest = true) {
    const records: RunRecord[] = [];
    for (const event of sessionEvents(sessionId)) applyEvent(records, event);
    change?.(records);
    return parseSessionFile(JSON.stringify(toSessionFile(records, withRequest ? request : undefined)));
  }

  it('adds a valid file to the history as a finished session, without taking over the current one', () => {
    apply(sessionEvents('s1'));
    const id = useRuns.getState().openSession(savedSession('old'), 'lesson.gillab.json');
    const state = useRuns.getState();
    expect(state.sessions.map((s) => s.id)).toEqual(['s1', id]);
    expect(state.currentId).toBe('s1');
    const opened = state.sessions[1];
    expect(opened).toMatchObject({ status: 'done', total: 3, fromFile: 'lesson.gillab.json', request });
    expect(opened.runs.map((r) => r.info.strategy)).toEqual(['sequential', 'threading', 'multiprocessing']);
    expect(opened.runs[1].traces[5].intervals).toHaveLength(4 * INTERVAL_STRIDE);
    expect(opened.runs[2].summary?.wallMs).toBe(1050);
    // The engine's status line still speaks of the engine's session.
    expect(selectStatusText(state)).toBe('Session: done');
    useView.getState().selectSession(id);
    expect(shownSession(state, useView.getState())?.id).toBe(id);
  });

  it('gives each opening its own id, and later engine events never touch an opened session', () => {
    const first = useRuns.getState().openSession(savedSession('old'), 'a.gillab.json');
    const second = useRuns.getState().openSession(savedSession('old'), 'a.gillab.json');
    expect(first).not.toBe(second);
    apply(sessionEvents('old'));
    const [a, b, live] = useRuns.getState().sessions;
    expect(live.id).toBe('old');
    expect(a.runs[0].traces[2].intervals).toHaveLength(4 * INTERVAL_STRIDE);
    expect(b.runs[0].traces[2].intervals).toHaveLength(4 * INTERVAL_STRIDE);
    expect(useRuns.getState().currentId).toBe('old');
  });

  it('describes a file without a request by its runs, and a failed run fails the session with its reason', () => {
    const bare = useRuns.getState().openSession(savedSession('x', undefined, false), 'bare.gillab.json');
    expect(useRuns.getState().sessions.find((s) => s.id === bare)?.request).toEqual(request);

    const failing = savedSession('y', (runs) => {
      runs[2].summary = { ...runs[2].summary!, status: 'failed', reason: 'process Process-1 was killed' };
    });
    const failed = useRuns.getState().openSession(failing, 'failed.gillab.json');
    expect(useRuns.getState().sessions.find((s) => s.id === failed)).toMatchObject({
      status: 'failed',
      reason: 'process Process-1 was killed',
    });
    // An opened file's failure is part of what it shows, not a new error of this window.
    expect(useRuns.getState().error).toBeNull();

    const partial = savedSession('z', (runs) => runs.pop());
    const cancelled = useRuns.getState().openSession(partial, 'partial.gillab.json');
    expect(useRuns.getState().sessions.find((s) => s.id === cancelled)).toMatchObject({
      status: 'cancelled',
      total: 3,
    });
  });

  it('refuses an invalid file with its name and reason, and changes nothing else', () => {
    apply(sessionEvents('s1'));
    const before = useRuns.getState();
    const id = useRuns
      .getState()
      .openSession(parseSessionFile('{"format": "gil-lab-session", "ver'), 'cut.gillab.json');
    const after = useRuns.getState();
    expect(id).toBeNull();
    expect(after.sessionFileError).toMatch(/^cut\.gillab\.json: session file is not valid JSON \(truncated\?\)/);
    expect(after.sessions).toBe(before.sessions);
    expect(after.currentId).toBe(before.currentId);
    expect(after.revision).toBe(before.revision);
    expect(after.error).toBe(before.error);

    // A valid file afterwards clears the message.
    useRuns.getState().openSession(savedSession('old'), 'good.gillab.json');
    expect(useRuns.getState().sessionFileError).toBeNull();
    expect(useRuns.getState().sessions).toHaveLength(2);
  });
});
