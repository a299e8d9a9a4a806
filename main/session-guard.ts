// A session belongs to the page that started it. When that page goes — reloaded, navigated, or its
// renderer process crashed or was killed — the session is cancelled (the new page could not show
// or cancel it, and Run would answer "busy"), the window is shown again, and the new page is told
// why in its error banner. No 'electron' import: main/session-guard.test.ts drives it with a
// stand-in engine, and main/index.ts connects it to the window's webContents events.
import type { EngineEvent } from '../common/api';

/** The parts of Electron's RenderProcessGoneDetails a message needs. */
export interface GoneDetails {
  reason: string;
  exitCode: number;
}

export interface GuardedEngine {
  cancelSession(): Promise<void>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

/** What to do after the renderer went: load the page again, or stop trying (it keeps failing to load). */
export type AfterGone = 'reload' | 'give-up';

export interface SessionGuard {
  /** The window's main frame started a new document (a reload or a navigation). */
  navigated(): void;
  /** The renderer process is gone. */
  gone(details: GoneDetails): AfterGone;
  /** The page finished loading. */
  loaded(): void;
  /** The message for the page that just loaded, once. */
  takeNotice(): string | null;
  dispose(): void;
}

const goneReasons: Record<string, string> = {
  crashed: 'crashed',
  oom: 'ran out of memory',
  killed: 'was killed',
  'abnormal-exit': 'exited abnormally',
  'launch-failed': 'could not start',
  'integrity-failure': 'failed a code integrity check',
  'memory-eviction': 'was evicted to free memory',
};

/** The banner text after the renderer went. */
export function goneNotice(details: GoneDetails, hadSession: boolean): string {
  const what = goneReasons[details.reason] ?? `stopped (${details.reason})`;
  const code = details.exitCode ? `, exit code ${details.exitCode}` : '';
  const session = hadSession ? ' The session that was running was cancelled; nothing of it is left running.' : '';
  return `The window ${what}${code} and was opened again.${session}`;
}

export const navigationNotice =
  'The window was reloaded during a session, so the session was cancelled; nothing of it is left running.';

/** Two failures in a row with no page loaded in between: reloading again would loop. */
const maxFailuresWithoutLoad = 2;

export function createSessionGuard(engine: GuardedEngine): SessionGuard {
  let running = false;
  let notice: string | null = null;
  let failuresWithoutLoad = 0;

  const off = engine.onEvent((event) => {
    if (event.type === 'session-start') running = true;
    if (event.type === 'session-end') running = false;
  });

  /** Cancels what is running; returns whether something was. */
  const cancel = (): boolean => {
    if (!running) return false;
    running = false;
    engine.cancelSession().catch((error: unknown) => console.error('GIL Lab: cancelling the session failed:', error));
    return true;
  };

  return {
    navigated() {
      // A crash's notice is kept: the reload that follows it is ours.
      if (cancel() && notice === null) notice = navigationNotice;
    },
    gone(details) {
      const hadSession = cancel();
      notice = goneNotice(details, hadSession);
      failuresWithoutLoad += 1;
      return failuresWithoutLoad >= maxFailuresWithoutLoad ? 'give-up' : 'reload';
    },
    loaded() {
      failuresWithoutLoad = 0;
    },
    takeNotice() {
      const taken = notice;
      notice = null;
      return taken;
    },
    dispose: off,
  };
}
