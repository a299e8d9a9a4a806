// How the Electron e2e tests start the app: a profile of their own (--user-data-dir in a fresh
// temporary folder), so they run beside a GIL Lab the user has open (its single-instance lock
// lives in the user's userData) and never read or write the user's settings; and the sandbox
// switch `npm start` would add (scripts/electron-sandbox.mjs). Tested in test/electron-launch.test.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronArgs, sandboxDecision, type SandboxProbe } from '../scripts/electron-sandbox.mjs';

/** A fresh profile folder for one test file's app. */
export function testProfile(): string {
  return mkdtempSync(join(tmpdir(), 'gil-lab-e2e-profile-'));
}

/**
 * Electron's arguments for the tests. Where `npm start` would print the chown/chmod fix instead of
 * starting, the tests start without the OS sandbox and say so: they check the renderer's own lock-down.
 */
export function e2eLaunchArgs(profile: string, probe: SandboxProbe): { args: string[]; note: string | null } {
  const own = [`--user-data-dir=${profile}`];
  const decision = sandboxDecision(probe, own);
  if (decision.kind === 'fix')
    return {
      args: electronArgs(own, { kind: 'no-sandbox', warning: '' }),
      note: `[electron] starting without the OS sandbox: ${decision.reason}`,
    };
  return { args: electronArgs(own, decision), note: null };
}
