// The sessions of this window, fed by engine events. Trace arrays grow in place (a run can hold
// 10^6 intervals: copying them per batch would stall the window); `revision` tells readers to redraw.
import { create } from 'zustand';
import type { EngineEvent, RunRequest, SessionProgress } from '../../../common/api';
import { applyEvent, type RunRecord } from '../../../common/run-record';

export type SessionStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface Session {
  id: string;
  request: RunRequest;
  /** Runs the session will hold (strategies × worker counts). */
  total: number;
  /** Mutated in place by applyEvent; a new Session object marks every other change. */
  runs: RunRecord[];
  status: SessionStatus;
  reason?: string;
  progress: SessionProgress | null;
  /** Epoch ms, for the history list. */
  startedAt: number;
}

export interface RunsState {
  /** Oldest first. */
  sessions: Session[];
  currentId: string | null;
  /** A start was asked for and the engine has not answered yet. */
  starting: boolean;
  /** Bumped whenever a run's records change, so the timeline and charts redraw. */
  revision: number;
  /** The engine's last refusal or failure, shown until dismissed or the next start. */
  error: string | null;

  startRequested(): void;
  startRefused(error: string): void;
  /** The start call itself failed (the connection to the engine, not the engine's answer). */
  startFailed(error: string): void;
  apply(event: EngineEvent): void;
  reportError(error: string): void;
  dismissError(): void;
}

export const initialRuns = {
  sessions: [] as Session[],
  currentId: null as string | null,
  starting: false,
  revision: 0,
  error: null as string | null,
};

function replaceSession(sessions: Session[], id: string, change: (s: Session) => Partial<Session>): Session[] {
  return sessions.map((s) => (s.id === id ? { ...s, ...change(s) } : s));
}

export const useRuns = create<RunsState>()((set, get) => ({
  ...initialRuns,

  startRequested: () => set({ starting: true, error: null }),
  startRefused: (error) => set({ starting: false, error: `The engine refused to start: ${error}` }),
  startFailed: (error) => set({ starting: false, error: `Could not start the session: ${error}` }),
  reportError: (error) => set({ error }),
  dismissError: () => set({ error: null }),

  apply: (event) => {
    const state = get();
    if (event.type === 'session-start') {
      const session: Session = {
        id: event.sessionId,
        request: event.request,
        total: event.total,
        runs: [],
        status: 'running',
        progress: null,
        startedAt: Date.now(),
      };
      set({
        sessions: [...state.sessions, session],
        currentId: session.id,
        starting: false,
        revision: state.revision + 1,
      });
      return;
    }
    if (event.type === 'progress') {
      const { progress } = event;
      if (!state.sessions.some((s) => s.id === progress.sessionId)) return;
      set({ sessions: replaceSession(state.sessions, progress.sessionId, () => ({ progress })) });
      return;
    }
    const session = state.sessions.find((s) => s.id === event.sessionId);
    if (!session) return;
    if (event.type === 'session-end') {
      set({
        sessions: replaceSession(state.sessions, session.id, () => ({
          status: event.status,
          reason: event.reason,
          progress: null,
        })),
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

export const selectCurrentSession = (s: RunsState): Session | null =>
  s.sessions.find((x) => x.id === s.currentId) ?? null;

export const selectIsRunning = (s: RunsState): boolean => s.starting || selectCurrentSession(s)?.status === 'running';

/** The run-status line: "ready", "starting…", "running threading (1/2)…", "Session: done", "Session: failed: <reason>". */
export function selectStatusText(s: RunsState): string {
  if (s.starting) return 'starting…';
  const session = selectCurrentSession(s);
  if (!session) return 'ready';
  if (session.status === 'running') {
    const p = session.progress;
    if (!p) return 'starting…';
    const sweep = session.request.workerCounts.length > 1 ? `, ${p.workers} worker${p.workers === 1 ? '' : 's'}` : '';
    return `running ${p.strategy}${sweep} (${p.index + 1}/${p.total})…`;
  }
  if (session.status === 'failed') return `Session: failed: ${session.reason ?? 'no reason given'}`;
  return `Session: ${session.status}`;
}

/** How far the current run is, 0..1, from the engine's estimate (null when idle). */
export function selectRunFraction(s: RunsState): number | null {
  const p = selectCurrentSession(s)?.progress;
  if (!p || selectCurrentSession(s)?.status !== 'running') return null;
  if (!(p.estimateMs > 0)) return null;
  return Math.min(1, Math.max(0, p.elapsedMs / p.estimateMs));
}
