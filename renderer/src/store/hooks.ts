// Hooks that read across stores.
import { useRuns, type Session } from './runs';
import { shownSession, useView } from './view';

/** The session on screen (picked from the history, else the current one). */
export function useShownSession(): Session | null {
  const selectedSessionId = useView((s) => s.selectedSessionId);
  return useRuns((s) => shownSession(s, { selectedSessionId }));
}
