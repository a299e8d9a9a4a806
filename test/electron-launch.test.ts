// The Electron e2e tests run in a profile of their own, so they start while the user's GIL Lab is
// open (its single-instance lock is on the user's userData) and never touch the user's settings.
import { rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { e2eLaunchArgs, testProfile } from '../e2e/electron-launch';
import type { SandboxProbe } from '../scripts/electron-sandbox.mjs';

const user: SandboxProbe = {
  platform: 'linux',
  uid: 1000,
  apparmorRestrictUserns: null,
  unprivilegedUsernsClone: null,
  maxUserNamespaces: '1000',
  chromeSandboxPath: '/x/chrome-sandbox',
  chromeSandbox: null,
};

describe('Electron e2e launch', () => {
  it('gives every launch a fresh profile outside the user’s', () => {
    const [a, b] = [testProfile(), testProfile()];
    try {
      expect(a).not.toBe(b);
      for (const profile of [a, b]) expect(profile.startsWith(homedir() + '/.config')).toBe(false);
      const { args } = e2eLaunchArgs(a, user);
      expect(args).toEqual(['.', `--user-data-dir=${a}`]);
    } finally {
      for (const dir of [a, b]) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds --no-sandbox as root, and where npm start would print the fix, saying why', () => {
    expect(e2eLaunchArgs('/p', { ...user, uid: 0 })).toEqual({
      args: ['--no-sandbox', '.', '--user-data-dir=/p'],
      note: null,
    });
    const blocked = e2eLaunchArgs('/p', { ...user, apparmorRestrictUserns: '1' });
    expect(blocked.args).toEqual(['--no-sandbox', '.', '--user-data-dir=/p']);
    expect(blocked.note).toMatch(/^\[electron\] starting without the OS sandbox: AppArmor restricts/);
  });
});
