// Whether Chromium's OS sandbox can start for `npm start` on Linux, and what to do when it cannot.
// Chromium sandboxes its renderers with unprivileged user namespaces, or else with the setuid
// helper chrome-sandbox. npm never makes that helper setuid root, so where user namespaces are
// blocked (Ubuntu 24.04+: AppArmor's kernel.apparmor_restrict_unprivileged_userns) Chromium aborts
// ("The SUID sandbox helper binary was found, but is not configured correctly"). As root it always
// refuses ("Running as root without --no-sandbox is not supported"). The decision is a pure
// function of what probeSandbox reads, so test/electron-start.test.ts covers every case.
import { readFileSync, statSync } from 'node:fs';

/**
 * @typedef {object} SandboxProbe
 * @property {string} platform process.platform
 * @property {number | null} uid process.getuid(), null where there is none
 * @property {string | null} apparmorRestrictUserns /proc/sys/kernel/apparmor_restrict_unprivileged_userns
 * @property {string | null} unprivilegedUsernsClone /proc/sys/kernel/unprivileged_userns_clone (Debian's patch)
 * @property {string | null} maxUserNamespaces /proc/sys/user/max_user_namespaces
 * @property {string} chromeSandboxPath
 * @property {{ uid: number, mode: number } | null} chromeSandbox owner and mode, null when the file is missing
 */

/**
 * @typedef {{ kind: 'sandboxed' }
 *   | { kind: 'no-sandbox', warning: string }
 *   | { kind: 'fix', reason: string, commands: string[] }} SandboxDecision
 */

const noSandbox = '--no-sandbox';

/** @param {SandboxProbe} probe @returns {string | null} why user namespaces are unavailable, or null */
function usernsBlocked(probe) {
  if (probe.apparmorRestrictUserns?.trim() === '1')
    return 'AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)';
  if (probe.unprivilegedUsernsClone?.trim() === '0')
    return 'unprivileged user namespaces are off (kernel.unprivileged_userns_clone = 0)';
  if (probe.maxUserNamespaces?.trim() === '0') return 'user namespaces are off (user.max_user_namespaces = 0)';
  return null;
}

/** @param {SandboxProbe['chromeSandbox']} helper */
function isSetuidRoot(helper) {
  return helper !== null && helper.uid === 0 && (helper.mode & 0o4000) !== 0 && (helper.mode & 0o001) !== 0;
}

/** Shell-quotes a path for a command the user copies. @param {string} path */
function quote(path) {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/**
 * What `npm start` does about the sandbox.
 * - not Linux, or the user passed --no-sandbox: nothing;
 * - root: --no-sandbox with a one-line warning (no permission change makes root's sandbox start);
 * - user namespaces blocked and chrome-sandbox not setuid root: the exact chown/chmod that fixes it
 *   for good (the sandbox stays on), and nothing is started;
 * - otherwise the sandbox starts: nothing.
 * @param {SandboxProbe} probe
 * @param {readonly string[]} forwarded arguments given to `npm start -- …`
 * @returns {SandboxDecision}
 */
export function sandboxDecision(probe, forwarded) {
  if (probe.platform !== 'linux' || forwarded.includes(noSandbox)) return { kind: 'sandboxed' };
  if (probe.uid === 0)
    return {
      kind: 'no-sandbox',
      warning:
        "GIL Lab: running as root, where Chromium's sandbox cannot start: adding --no-sandbox (the window still has no Node and loads only its own pages; run `npm start` as your own user to keep the sandbox).",
    };
  const blocked = usernsBlocked(probe);
  if (blocked === null || isSetuidRoot(probe.chromeSandbox)) return { kind: 'sandboxed' };
  const helper = quote(probe.chromeSandboxPath);
  return {
    kind: 'fix',
    reason: `${blocked}, and Electron's sandbox helper ${probe.chromeSandboxPath} is not setuid root`,
    commands: [`sudo chown root:root ${helper}`, `sudo chmod 4755 ${helper}`],
  };
}

/** The lines `npm start` prints for a 'fix' decision. @param {{ reason: string, commands: string[] }} fix */
export function sandboxFixMessage(fix) {
  return [
    `GIL Lab cannot start Chromium's sandbox: ${fix.reason}.`,
    'Make the helper setuid root once (again after each reinstall of Electron), then run `npm start` again:',
    '',
    ...fix.commands.map((command) => `    ${command}`),
    '',
    'Or start this once without the OS sandbox: npm start -- --no-sandbox',
  ].join('\n');
}

/**
 * Electron's arguments: the switch first, then the app, then what the user passed.
 * @param {readonly string[]} forwarded @param {SandboxDecision} decision
 */
export function electronArgs(forwarded, decision) {
  return [...(decision.kind === 'no-sandbox' ? [noSandbox] : []), '.', ...forwarded];
}

/** @param {string} file */
function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Reads this machine's facts. @param {string} chromeSandboxPath
 * @returns {SandboxProbe}
 */
export function probeSandbox(chromeSandboxPath) {
  let chromeSandbox = null;
  try {
    const stat = statSync(chromeSandboxPath);
    chromeSandbox = { uid: stat.uid, mode: stat.mode };
  } catch {
    // Missing: only the namespace sandbox is left.
  }
  return {
    platform: process.platform,
    uid: process.getuid?.() ?? null,
    apparmorRestrictUserns: readOrNull('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    unprivilegedUsernsClone: readOrNull('/proc/sys/kernel/unprivileged_userns_clone'),
    maxUserNamespaces: readOrNull('/proc/sys/user/max_user_namespaces'),
    chromeSandboxPath,
    chromeSandbox,
  };
}
