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

  setPresenter(on: boolean): void;
  setConsoleShown(on: boolean): void;
  selectSession(id: string | null): void;
  setBrushedRange(range: TimeRange | null): void;
}

export const initialView = {
  presenter: false,
  consoleShown: true,
  selectedSessionId: null as string | null,
  brushedRange: null as TimeRange | null,
};

export const useView = create<ViewState>()((set) => ({
  ...initialView,
  setPresenter: (presenter) => set({ presenter }),
  setConsoleShown: (consoleShown) => set({ consoleShown }),
  // A brushed range belongs to the session it was drawn on.
  selectSession: (selectedSessionId) => set({ selectedSessionId, brushedRange: null }),
  setBrushedRange: (brushedRange) => set({ brushedRange }),
}));

/** The session on screen: the one picked from the history, else the current one. */
export function shownSession(
  runs: Pick<RunsState, 'sessions' | 'currentId'>,
  view: Pick<ViewState, 'selectedSessionId'>,
): SessionRecord | null {
  const id = view.selectedSessionId ?? runs.currentId;
  return runs.sessions.find((s) => s.id === id) ?? null;
}
