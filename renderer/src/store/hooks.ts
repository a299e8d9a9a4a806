// Hooks that read across stores.
import { create } from 'zustand';
import type { RunRecord } from '../../../common/run-record';
import { useRuns, type SessionRecord } from './runs';
import { shownSession, useView } from './view';

/** The session on screen (picked from the history, else the current one). */
export function useShownSession(): SessionRecord | null {
  const selectedSessionId = useView((s) => s.selectedSessionId);
  return useRuns((s) => shownSession(s, { selectedSessionId }));
}

/**
 * Live redraws at most this often. Batches arrive ~15 times a second; drawing each one costs the
 * run's own workers CPU on a small machine (multiprocessing on 2 cores measured 35% slower).
 */
const liveRedrawMs = 200;

/**
 * The runs store's revision as live views follow it: at most once per liveRedrawMs, always ending
 * on the latest. One listener and one timer for every live view, so they re-render together, once
 * per interval, and not once per trace batch (a selector on the revision itself would).
 */
export const liveRevisionStore = create<{ revision: number }>(() => ({ revision: useRuns.getState().revision }));
let liveTimer: ReturnType<typeof setTimeout> | null = null;
let liveShownAt = 0;
useRuns.subscribe((s, before) => {
  if (s.revision === before.revision || liveTimer !== null) return;
  liveTimer = setTimeout(
    () => {
      liveTimer = null;
      liveShownAt = performance.now();
      liveRevisionStore.setState({ revision: useRuns.getState().revision });
    },
    Math.max(0, liveShownAt + liveRedrawMs - performance.now()),
  );
});

/** The revision live views redraw on (0 while inactive: a view that needs no redraw now is not re-rendered). */
export function useLiveRevision(active = true): number {
  return liveRevisionStore((s) => (active ? s.revision : 0));
}

/** The time cursor on the shown session: its instant and the run whose lines it shows (the first, unless one was picked). */
export function useCursorRun(): { us: number; run: RunRecord; runs: RunRecord[] } | null {
  const session = useShownSession();
  const cursor = useView((s) => s.cursor);
  const runs = session?.runs ?? [];
  if (!cursor || runs.length === 0) return null;
  const run = runs.find((r) => r.info.runId === cursor.runId) ?? runs[0];
  return { us: cursor.us, run, runs };
}
