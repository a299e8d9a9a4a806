// `npm start` with a stand-in Electron binary that records how it was started: the arguments after
// `npm start --` reach the app, and on Linux the sandbox decision (scripts/electron-sandbox.mjs)
// adds --no-sandbox as root, or prints the exact chown/chmod fix where user namespaces are blocked.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  electronArgs,
  probeSandbox,
  sandboxDecision,
  sandboxFixMessage,
  type SandboxProbe,
} from '../scripts/electron-sandbox.mjs';
import { startElectron } from '../scripts/start.mjs';

const root = new URL('..', import.meta.url).pathname;
const helper = '/work/app/node_modules/electron/dist/chrome-sandbox';

/** Ubuntu 24.04 as a user: AppArmor blocks user namespaces, and npm left chrome-sandbox 0755. */
const ubuntu2404: SandboxProbe = {
  platform: 'linux',
  uid: 1000,
  apparmorRestrictUserns: '1\n',
  unprivilegedUsernsClone: null,
  maxUserNamespaces: '63477\n',
  chromeSandboxPath: helper,
  chromeSandbox: { uid: 1000, mode: 0o100755 },
};

describe('sandbox decision', () => {
  it('prints the chown/chmod fix on Ubuntu 24.04 (AppArmor) and starts nothing', () => {
    const decision = sandboxDecision(ubuntu2404, []);
    expect(decision).toEqual({
      kind: 'fix',
      reason: `AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1), and Electron's sandbox helper ${helper} is not setuid root`,
      commands: [`sudo chown root:root ${helper}`, `sudo chmod 4755 ${helper}`],
    });
    expect(electronArgs([], decision)).toEqual(['.']);
  });

  it('names the other switches that turn user namespaces off', () => {
    const debian = { ...ubuntu2404, apparmorRestrictUserns: null, unprivilegedUsernsClone: '0' };
    expect(sandboxDecision(debian, [])).toMatchObject({
      kind: 'fix',
      reason: expect.stringMatching(/^unprivileged user namespaces are off \(kernel.unprivileged_userns_clone = 0\)/),
    });
    const none = { ...ubuntu2404, apparmorRestrictUserns: null, maxUserNamespaces: '0' };
    expect(sandboxDecision(none, [])).toMatchObject({
      kind: 'fix',
      reason: expect.stringMatching(/user.max_user_namespaces = 0/),
    });
  });

  it('starts sandboxed once chrome-sandbox is setuid root, or where user namespaces work', () => {
    expect(sandboxDecision({ ...ubuntu2404, chromeSandbox: { uid: 0, mode: 0o104755 } }, [])).toEqual({
      kind: 'sandboxed',
    });
    // Owned by root but not setuid, or setuid but not root's: still the fix.
    expect(sandboxDecision({ ...ubuntu2404, chromeSandbox: { uid: 0, mode: 0o100755 } }, []).kind).toBe('fix');
    expect(sandboxDecision({ ...ubuntu2404, chromeSandbox: { uid: 1000, mode: 0o104755 } }, []).kind).toBe('fix');
    expect(sandboxDecision({ ...ubuntu2404, apparmorRestrictUserns: '0\n' }, [])).toEqual({ kind: 'sandboxed' });
    expect(sandboxDecision({ ...ubuntu2404, platform: 'darwin' }, [])).toEqual({ kind: 'sandboxed' });
  });

  it('adds --no-sandbox as root, with a one-line warning, before the app and its arguments', () => {
    const decision = sandboxDecision({ ...ubuntu2404, uid: 0, apparmorRestrictUserns: '0' }, ['--x']);
    expect(decision.kind).toBe('no-sandbox');
    if (decision.kind !== 'no-sandbox') return;
    expect(decision.warning).toMatch(/^GIL Lab: running as root, .*--no-sandbox/);
    expect(decision.warning).not.toContain('\n');
    expect(electronArgs(['--x', 'y'], decision)).toEqual(['--no-sandbox', '.', '--x', 'y']);
  });

  it('leaves a --no-sandbox the user passed alone, and adds no second one', () => {
    expect(sandboxDecision(ubuntu2404, ['--no-sandbox'])).toEqual({ kind: 'sandboxed' });
    expect(sandboxDecision({ ...ubuntu2404, uid: 0 }, ['--no-sandbox'])).toEqual({ kind: 'sandboxed' });
  });

  it('quotes a helper path with spaces so the printed command can be pasted', () => {
    const spaced = { ...ubuntu2404, chromeSandboxPath: "/home/a b/it's/chrome-sandbox" };
    const decision = sandboxDecision(spaced, []);
    expect(decision.kind === 'fix' && decision.commands).toEqual([
      `sudo chown root:root '/home/a b/it'\\''s/chrome-sandbox'`,
      `sudo chmod 4755 '/home/a b/it'\\''s/chrome-sandbox'`,
    ]);
  });

  it('reads owner and mode of the helper', () => {
    const probe = probeSandbox(join(root, 'package.json'));
    expect(probe.chromeSandbox?.mode).toBeTypeOf('number');
    expect(probeSandbox('/nonexistent/chrome-sandbox').chromeSandbox).toBeNull();
  });
});

describe('npm start with a stand-in Electron', () => {
  let dist = '';
  let record = '';

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'gil-lab-electron-'));
    record = join(dist, 'started.json');
    // Records its arguments, working directory and whether ELECTRON_RUN_AS_NODE reached it.
    writeFileSync(
      join(dist, 'electron'),
      `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n`,
    );
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'chrome-sandbox'), '');
    chmodSync(join(dist, 'chrome-sandbox'), 0o755);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dist, { recursive: true, force: true });
  });

  const started = () =>
    JSON.parse(readFileSync(record, 'utf8')) as { args: string[]; cwd: string; runAsNode: string | null };

  it('`npm start -- <args>` hands the arguments to the app (and --no-sandbox as root)', () => {
    const args = ['--presenter', 'two words', '--user-data-dir=/tmp/x'];
    const result = spawnSync('npm', ['start', '--silent', '--', ...args], {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
    });
    // This machine's own case: root here; as a user on Ubuntu 24.04 the stand-in's helper needs the fix.
    const decision = sandboxDecision(probeSandbox(join(dist, 'chrome-sandbox')), args);
    if (decision.kind === 'fix') {
      expect(result.status).toBe(1);
      expect(existsSync(record)).toBe(false);
      expect(result.stderr).toContain(decision.commands.join('\n    '));
      return;
    }
    expect(result.status, result.stderr).toBe(0);
    expect(started()).toEqual({
      args: [...(decision.kind === 'no-sandbox' ? ['--no-sandbox'] : []), '.', ...args],
      cwd: root.replace(/\/$/, ''),
      runAsNode: null,
    });
    if (process.getuid?.() === 0) expect(result.stderr).toMatch(/^GIL Lab: running as root, .*adding --no-sandbox/m);
  });

  it('prints the fix and starts nothing where the sandbox cannot start', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const code = await startElectron({
      argv: ['--presenter'],
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
      probe: (path) => ({ ...ubuntu2404, chromeSandboxPath: path }),
    });
    expect(code).toBe(1);
    expect(existsSync(record)).toBe(false);
    const helperPath = join(dist, 'chrome-sandbox');
    const fix = sandboxFixMessage({
      reason: '',
      commands: [`sudo chown root:root ${helperPath}`, `sudo chmod 4755 ${helperPath}`],
    });
    expect(written.join('')).toContain(fix.split('\n').slice(1).join('\n'));
    expect(written.join('')).toContain('AppArmor restricts unprivileged user namespaces');
  });

  it('starts sandboxed, with the arguments and no extra switch, once the helper is setuid root', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await startElectron({
      argv: ['--presenter'],
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
      probe: (path) => ({ ...ubuntu2404, chromeSandboxPath: path, chromeSandbox: { uid: 0, mode: 0o104755 } }),
    });
    expect(code).toBe(0);
    expect(started().args).toEqual(['.', '--presenter']);
  });
});
