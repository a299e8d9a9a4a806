// Hooks that read across stores.
import type { RunRecord } from '../../../common/run-record';
import { useRuns, type SessionRecord } from './runs';
import { useThrottled } from './use-throttled';
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

/** The runs store's revision as live views should follow it: throttled, always ending on the latest. */
export function useLiveRevision(active = true): number {
  return useThrottled(
    // Inactive: a constant, so a view that needs no redraw now is not re-rendered per batch.
    useRuns((s) => (active ? s.revision : 0)),
    liveRedrawMs,
  );
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
