// How the window shows things: presenter mode, which session of the history is on screen,
// the brushed time range. Nothing here changes what runs.
import { create } from 'zustand';
import type { TimeRange } from '../timeline/stats';
import type { RunsState, SessionRecord } from './runs';

export interface ViewState {
  presenter: boolean;
  /** The Console pane (View ▸ Console in the desktop menu hides it). */
  consoleShown: boolean;
  /** A session picked from the history; null follows the current session. */
  selectedSessionId: string | null;
  /** The range selected on the timeline (Shift+drag): kept here only. */
  brushedRange: TimeRange | null;
  /** The time cursor: an instant of the shown session, and the run whose threads' lines the editor lights. */
  cursor: TimeCursor | null;
  /** The runs (runId) whose source view is open, beside each other under the timeline. */
  sourceRuns: string[];

  setPresenter(on: boolean): void;
  setConsoleShown(on: boolean): void;
  selectSession(id: string | null): void;
  setBrushedRange(range: TimeRange | null): void;
  /** Moves the cursor (null clears it); without a runId it stays on the run it was on. */
  setCursor(us: number | null, runId?: string): void;
  toggleSource(runId: string): void;
  setSourceRuns(runIds: string[]): void;
}

export interface TimeCursor {
  /** µs since the runs started (every run of a session shares the time axis). */
  us: number;
  /** null: the session's first run. */
  runId: string | null;
}

export const initialView = {
  presenter: false,
  consoleShown: true,
  selectedSessionId: null as string | null,
  brushedRange: null as TimeRange | null,
  cursor: null as TimeCursor | null,
  sourceRuns: [] as string[],
};

export const useView = create<ViewState>()((set) => ({
  ...initialView,
  setPresenter: (presenter) => set({ presenter }),
  setConsoleShown: (consoleShown) => set({ consoleShown }),
  // A brushed range and the time cursor belong to the session they were placed on.
  selectSession: (selectedSessionId) => set({ selectedSessionId, brushedRange: null, cursor: null }),
  setBrushedRange: (brushedRange) => set({ brushedRange }),
  setCursor: (us, runId) =>
    set((s) => ({ cursor: us === null ? null : { us, runId: runId ?? s.cursor?.runId ?? null } })),
  toggleSource: (runId) =>
    set((s) => ({
      sourceRuns: s.sourceRuns.includes(runId) ? s.sourceRuns.filter((id) => id !== runId) : [...s.sourceRuns, runId],
    })),
  setSourceRuns: (sourceRuns) => set({ sourceRuns }),
}));

/** The session on screen: the one picked from the history, else the current one. */
export function shownSession(
  runs: Pick<RunsState, 'sessions' | 'currentId'>,
  view: Pick<ViewState, 'selectedSessionId'>,
): SessionRecord | null {
  const id = view.selectedSessionId ?? runs.currentId;
  return runs.sessions.find((s) => s.id === id) ?? null;
}
