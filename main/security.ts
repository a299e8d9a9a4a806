// What the desktop shell allows, as plain data and pure functions: the renderer's
// web preferences, its Content-Security-Policy, which IPC sender and which
// navigation to trust, and which file an app:// URL may name. Nothing here imports
// 'electron' at runtime, so main/security.test.ts checks it without the binary.
import { join, resolve } from 'node:path';
import type { WebPreferences } from 'electron';
import { contentTypeOf } from '../common/content-types';
import { cspDirectives, serializeCsp } from '../common/csp';
import { pathInside } from '../common/url-path';

/**
 * The renderer's own scheme. Not file://: a standard scheme gives the page a real
 * origin (app://gil-lab), so CSP 'self' means "our bundle" and not "any file on
 * the disk", and its handler serves out/renderer only (see resolveAppPath).
 */
export const appScheme = 'app';
export const appHost = 'gil-lab';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Privileges of app://: standard (origin, relative URLs) and secure (a secure context). No CSP bypass. */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true } as const;

/** The renderer runs as an untrusted web page: no Node, its own JS world, Chromium's sandbox. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click (auxclick) could otherwise open a link in a new window.
    disableBlinkFeatures: 'Auxclick',
  };
}

// The policy every renderer response carries: common/csp.ts, shared with the web host.
export { cspDirectives, serializeCsp };

export const contentSecurityPolicy = serializeCsp(cspDirectives);

/**
 * The inline module script @vitejs/plugin-react adds to index.html in dev (React
 * Fast Refresh). Its hash lets the dev server's page run under script-src without
 * 'unsafe-inline'; security.test.ts fails if the plugin's preamble changes.
 */
export const reactRefreshPreambleHash = "'sha256-Z2/iFzh9VMlVkEOar1f/oSHWwQk3ve1qk/C2WdsC4Xk='";

/** Dev (electron-vite's server): the same policy plus the Fast Refresh preamble. Never used by a packaged app. */
export const devContentSecurityPolicy = serializeCsp({
  ...cspDirectives,
  'script-src': [...cspDirectives['script-src'], reactRefreshPreambleHash],
});

/**
 * `scheme://host[:port]` of a URL. WHATWG URL gives "null" as the origin of a
 * non-special scheme such as app:, so build it from its parts.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Why an IPC message must be refused, or null when it comes from the main frame of
 * our own window showing our own origin. Subframes, other windows and pages that
 * navigated elsewhere get nothing from the engine.
 */
export function senderRefusal(frame: SenderFrame | null, fromOurWindow: boolean, trustedOrigin: string): string | null {
  if (!fromOurWindow) return 'not the GIL Lab window';
  if (frame === null) return 'its frame is gone';
  if (frame.parent !== null) return 'a subframe';
  const origin = originOf(frame.url);
  if (origin !== trustedOrigin) return `origin ${origin ?? JSON.stringify(frame.url)} is not ${trustedOrigin}`;
  return null;
}

/** The renderer is one page: the only navigation it may make is to the URL it already shows (a reload). */
export function isNavigationAllowed(target: string, current: string): boolean {
  return target === current;
}

/**
 * The file an app:// request names inside `root` (out/renderer), or null when the
 * URL is for another host, cannot be decoded, or would leave `root`.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  // The same containment as the web host's (common/url-path.ts), joined under root.
  const inside = pathInside(url.pathname);
  return inside === null ? null : join(resolve(root), inside);
}

/** The Content-Type of a file the app:// handler serves (with nosniff, a wrong one would break the page). */
export function contentTypeFor(file: string): string {
  return contentTypeOf(file);
}

/** Headers on every app:// response. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(file),
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
