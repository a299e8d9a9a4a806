import { beforeEach, describe, expect, it } from 'vitest';
import { stateCode } from '../../../common/trace';
import { sessionEvents } from './fixtures';
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
    expect(threading.traces[5].intervals.filter((_, i) => i % 3 === 0)).toEqual([
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
    expect(intervals).toHaveLength(12);
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

  it('ignores events of sessions it never saw start', () => {
    useRuns.getState().apply({ type: 'session-end', sessionId: 'other', status: 'done' });
    expect(useRuns.getState().sessions).toEqual([]);
  });
});
