// The sessions of this window, fed by engine events. Trace arrays grow in place (a run can hold
// 10^6 intervals: copying them per batch would stall the window); `revision` tells readers to redraw.
import { create } from 'zustand';
import type { EngineEvent, Result, RunRequest, SessionProgress } from '../../../common/api';
import { applyEvent, type RunRecord } from '../../../common/run-record';
import type { OpenedSession } from '../../../common/session-file';

export type SessionStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface SessionRecord {
  id: string;
  request: RunRequest;
  /** Runs the session will hold (strategies × worker counts). */
  total: number;
  /** Mutated in place by applyEvent; a new Session object marks every other change. */
  runs: RunRecord[];
  status: SessionStatus;
  reason?: string;
  /** Epoch ms, for the history list. */
  startedAt: number;
  /** The file a saved session was opened from; such a session is read-only and never runs. */
  fromFile?: string;
}

export interface RunsState {
  /** Oldest first. */
  sessions: SessionRecord[];
  currentId: string | null;
  /** A start was asked for and the engine has not answered yet. */
  starting: boolean;
  /** Bumped whenever a run's records change, so the timeline and charts redraw. */
  revision: number;
  /**
   * How far the running session is (the engine says so four times a second): kept apart from the
   * session, so a tick re-renders the progress bar and the running bar, not every view of the session.
   */
  progress: SessionProgress | null;
  /** The engine's last refusal or failure, shown until dismissed or the next start. */
  error: string | null;
  /** Why the last session file was refused, shown beside "Open session"; the history stays as it was. */
  sessionFileError: string | null;
  /** What the engine is calibrating, while it does (the first session waits for it). */
  calibrating: string | null;

  startRequested(): void;
  startRefused(error: string): void;
  /** The start call itself failed (the connection to the engine, not the engine's answer). */
  startFailed(error: string): void;
  apply(event: EngineEvent): void;
  reportError(error: string): void;
  dismissError(): void;
  /**
   * Takes the result of parsing a session file: a valid one joins the history (it does not become
   * the engine's current session); a refusal changes nothing but sessionFileError. Returns the new
   * session's id, or null.
   */
  openSession(result: Result<OpenedSession>, fileName: string): string | null;
}

export const initialRuns = {
  sessions: [] as SessionRecord[],
  currentId: null as string | null,
  starting: false,
  revision: 0,
  progress: null as SessionProgress | null,
  error: null as string | null,
  sessionFileError: null as string | null,
  calibrating: null as string | null,
};

/** The request a session file without one stands for: its runs' own knobs. */
function requestOfRuns(runs: RunRecord[]): RunRequest {
  const first = runs[0].info;
  return {
    program: first.program,
    strategies: [...new Set(runs.map((r) => r.info.strategy))],
    workerCounts: [...new Set(runs.map((r) => r.info.workers))],
    switchIntervalMs: first.switchIntervalMs,
    gil: first.gil,
    timeScale: first.timeScale,
  };
}

/** A saved session's state, from its runs: a failed run fails it; a run missing or unfinished leaves it cancelled. */
function statusOfRuns(runs: RunRecord[], total: number): { status: SessionStatus; reason?: string } {
  const failed = runs.find((r) => r.summary?.status === 'failed');
  if (failed) return { status: 'failed', reason: failed.summary?.reason };
  if (runs.length < total || runs.some((r) => r.summary?.status !== 'done')) return { status: 'cancelled' };
  return { status: 'done' };
}

let openedCount = 0;

function replaceSession(
  sessions: SessionRecord[],
  id: string,
  change: (s: SessionRecord) => Partial<SessionRecord>,
): SessionRecord[] {
  return sessions.map((s) => (s.id === id ? { ...s, ...change(s) } : s));
}

export const useRuns = create<RunsState>()((set, get) => ({
  ...initialRuns,

  startRequested: () => set({ starting: true, error: null }),
  startRefused: (error) => set({ starting: false, error: `The engine refused to start: ${error}` }),
  startFailed: (error) => set({ starting: false, error: `Could not start the session: ${error}` }),
  reportError: (error) => set({ error }),
  dismissError: () => set({ error: null }),

  openSession: (result, fileName) => {
    if (!result.ok) {
      set({ sessionFileError: `${fileName}: ${result.error}` });
      return null;
    }
    const { runs, request, savedAtMs } = result.value;
    const state = get();
    let id: string;
    do id = `file-${++openedCount}`;
    while (state.sessions.some((s) => s.id === id));
    const planned = request ?? requestOfRuns(runs);
    const total = Math.max(runs.length, planned.strategies.length * planned.workerCounts.length);
    const session: SessionRecord = {
      id,
      request: planned,
      total,
      runs,
      ...statusOfRuns(runs, total),
      // When it ran, not when it was saved: the history is in the order things happened.
      startedAt: runs[0]?.info.t0EpochMs ?? savedAtMs,
      fromFile: fileName,
    };
    set({ sessions: [...state.sessions, session], sessionFileError: null, revision: state.revision + 1 });
    return id;
  },

  apply: (event) => {
    const state = get();
    if (event.type === 'session-start') {
      const session: SessionRecord = {
        id: event.sessionId,
        request: event.request,
        total: event.total,
        runs: [],
        status: 'running',
        startedAt: Date.now(),
      };
      set({
        sessions: [...state.sessions, session],
        currentId: session.id,
        starting: false,
        revision: state.revision + 1,
        progress: null,
      });
      return;
    }
    if (event.type === 'progress') {
      const { progress } = event;
      if (!state.sessions.some((s) => s.id === progress.sessionId)) return;
      set({ progress });
      return;
    }
    if (event.type === 'calibrating') {
      set({ calibrating: event.text });
      return;
    }
    if (event.type === 'machine') {
      set({ calibrating: null });
      return;
    }
    const session = state.sessions.find((s) => s.id === event.sessionId);
    if (!session) return;
    if (event.type === 'session-end') {
      set({
        sessions: replaceSession(state.sessions, session.id, () => ({
          status: event.status,
          reason: event.reason,
        })),
        progress: state.progress?.sessionId === session.id ? null : state.progress,
        starting: false,
        revision: state.revision + 1,
        error: event.status === 'failed' ? `The session failed: ${event.reason ?? 'no reason given'}` : state.error,
      });
      return;
    }
    applyEvent(session.runs, event);
    // Trace batches only bump the revision; a run starting or ending is also a new Session for the charts.
    if (event.type === 'trace') set({ revision: state.revision + 1 });
    else set({ sessions: replaceSession(state.sessions, session.id, () => ({})), revision: state.revision + 1 });
  },
}));

// ---- selectors ----

export const selectCurrentSession = (s: RunsState): SessionRecord | null =>
  s.sessions.find((x) => x.id === s.currentId) ?? null;

/** The progress of a session while it runs (null once it ended, or for another session). */
export const selectProgress = (s: RunsState, session: SessionRecord | null): SessionProgress | null =>
  session?.status === 'running' && s.progress?.sessionId === session.id ? s.progress : null;

export const selectIsRunning = (s: RunsState): boolean => s.starting || selectCurrentSession(s)?.status === 'running';

/** The run-status line: "ready", "starting…", "running threading (1/2)…", "Session: done", "Session: failed: <reason>". */
export function selectStatusText(s: RunsState): string {
  if (s.starting) return s.calibrating ? `${s.calibrating}…` : 'starting…';
  const session = selectCurrentSession(s);
  if (!session) return 'ready';
  if (session.status === 'running') {
    const p = selectProgress(s, session);
    if (!p) return s.calibrating ? `${s.calibrating}…` : 'starting…';
    const sweep = session.request.workerCounts.length > 1 ? `, ${p.workers} worker${p.workers === 1 ? '' : 's'}` : '';
    return `running ${p.strategy}${sweep} (${p.index + 1}/${p.total})…`;
  }
  if (session.status === 'failed') return `Session: failed: ${session.reason ?? 'no reason given'}`;
  return `Session: ${session.status}`;
}

/** How far the current run is, 0..1, from the engine's estimate (null when idle). */
export function selectRunFraction(s: RunsState): number | null {
  const session = selectCurrentSession(s);
  const p = session && selectProgress(s, session);
  if (!p) return null;
  if (!(p.estimateMs > 0)) return null;
  return Math.min(1, Math.max(0, p.elapsedMs / p.estimateMs));
}
