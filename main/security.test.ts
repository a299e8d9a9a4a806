// The desktop shell's rules, checked without the Electron binary: if one of these
// breaks, the renderer gets Node, runs foreign scripts, answers foreign frames or
// serves files from outside its bundle.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import reactPlugin from '@vitejs/plugin-react';
import { unpackedPath } from './asar';
import {
  appEntryUrl,
  appOrigin,
  appResponseHeaders,
  contentSecurityPolicy,
  contentTypeFor,
  cspDirectives,
  devContentSecurityPolicy,
  isNavigationAllowed,
  originOf,
  reactRefreshPreambleHash,
  resolveAppPath,
  secureWebPreferences,
  senderRefusal,
} from './security';
import { placeWindow } from './window-bounds';
import { backgroundColor, mainWindowOptions, windowTitle } from './window-options';

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (
    csp: unknown,
    version: unknown,
  ) => {
    evaluate(): { severity: number; directive: string; value: string; description: string }[];
  };
  Version: { CSP3: unknown };
  severities: Record<'MEDIUM_MAYBE', number>;
}

function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('window options', () => {
  const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', icon: '/app/assets/icon.png' });

  it('gives the renderer no Node and its own sandboxed, isolated world', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    // The window takes the shell's preferences as they are (only devTools is its own: see below).
    expect(options.webPreferences).toEqual({ ...prefs, devTools: true });
    // Each guard is on and each opening off, stated: Electron's defaults have changed between versions.
    const guards = ['contextIsolation', 'sandbox', 'webSecurity'] as const;
    const openings = [
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'webviewTag',
    ] as const;
    for (const guard of guards) expect(prefs[guard], guard).toBe(true);
    for (const opening of openings) expect(prefs[opening], opening).toBe(false);
    // A middle click (auxclick) would open a link in a new window.
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('names nothing that loosens Chromium', () => {
    const prefs = secureWebPreferences('/p.cjs') as Record<string, unknown>;
    for (const loosening of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'javascript']) {
      expect(prefs).not.toHaveProperty(loosening);
    }
  });

  it('is titled GIL Lab, placed and limited as main/window-bounds.ts says, shown only once painted', () => {
    expect(options.title).toBe(windowTitle);
    expect(windowTitle).toBe('GIL Lab');
    const placement = placeWindow(null, [{ x: 0, y: 0, width: 1093, height: 566 }]);
    const placed = mainWindowOptions({ preload: '/p.cjs', icon: '/i.png', placement });
    expect(placed).toMatchObject({ ...placement.bounds, minWidth: placement.minimum.width, minHeight: 540 });
    expect(options.show).toBe(false);
    expect(options.icon).toBe('/app/assets/icon.png');
  });

  it('has DevTools while developing and none when packaged', () => {
    expect(options.webPreferences?.devTools).toBe(true);
    const packaged = mainWindowOptions({ preload: '/p.cjs', icon: '/i.png', packaged: true });
    expect(packaged.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });
  });

  it("paints the renderer's own background, so opening the window does not flash", () => {
    const theme = readFileSync(new URL('../renderer/src/theme.ts', import.meta.url), 'utf8');
    expect(theme).toMatch(new RegExp(`background:\\s*'${backgroundColor}'`, 'i'));
    expect(options.backgroundColor).toBe(backgroundColor);
  });
});

describe('Content-Security-Policy', () => {
  const csp = parseCsp(contentSecurityPolicy);

  it('lets only our own bundle run and load', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('refuses plugins, <base> rewrites and being framed', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows eval or inline scripts', () => {
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(parseCsp(devContentSecurityPolicy).get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is on every app:// response, with nosniff', () => {
    const headers = appResponseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it("passes Google's CSP Evaluator (as Electronegativity runs it) with nothing worse than a 'self' caveat", () => {
    // Electronegativity cannot read our policy from main/index.ts (it is not a literal there), so evaluate it here.
    const evaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;
    for (const policy of [contentSecurityPolicy, devContentSecurityPolicy]) {
      const findings = new evaluator.CspEvaluator(
        new evaluator.CspParser(policy).csp,
        evaluator.Version.CSP3,
      ).evaluate();
      const serious = findings.filter((f) => f.severity < evaluator.severities.MEDIUM_MAYBE);
      expect(serious.map((f) => `${f.directive}: ${f.description}`)).toEqual([]);
      // The one caveat left: 'self' would be risky if the origin hosted JSONP or uploads; app:// serves only our bundle.
      expect(findings.every((f) => f.directive === 'script-src' && f.value === "'self'")).toBe(true);
    }
  });

  it("allows in dev exactly @vitejs/plugin-react's Fast Refresh preamble, by hash", () => {
    const preamble = reactPlugin.preambleCode.replace('__BASE__', '/');
    const hash = `'sha256-${createHash('sha256').update(preamble).digest('base64')}'`;
    expect(reactRefreshPreambleHash).toBe(hash);
    const dev = parseCsp(devContentSecurityPolicy);
    expect(dev.get('script-src')).toEqual(["'self'", hash]);
    expect([...dev.keys()]).toEqual(Object.keys(cspDirectives));
  });
});

describe('IPC sender check', () => {
  const main = (url: string) => ({ url, parent: null });

  it('answers the main frame of our window on our origin', () => {
    expect(senderRefusal(main(appEntryUrl), true, appOrigin)).toBeNull();
    expect(senderRefusal(main('http://localhost:5173/'), true, 'http://localhost:5173')).toBeNull();
  });

  it('refuses a subframe, even one on our origin', () => {
    expect(senderRefusal({ url: appEntryUrl, parent: main(appEntryUrl) }, true, appOrigin)).toBe('a subframe');
  });

  it('refuses foreign origins and look-alikes', () => {
    for (const url of [
      'https://example.com/',
      'app://evil/index.html',
      'app://gil-lab.evil.com/',
      'http://gil-lab/',
      'file:///work/main/out/renderer/index.html',
      'http://localhost:5174/',
      'about:blank',
      'data:text/html,hi',
    ]) {
      expect(senderRefusal(main(url), true, appOrigin), url).toMatch(/^origin .* is not app:\/\/gil-lab$/);
    }
    expect(senderRefusal(main('http://localhost:5174/'), true, 'http://localhost:5173')).not.toBeNull();
  });

  it('refuses other windows and frames that are gone', () => {
    expect(senderRefusal(main(appEntryUrl), false, appOrigin)).toBe('not the GIL Lab window');
    expect(senderRefusal(null, true, appOrigin)).toBe('its frame is gone');
  });

  it('reads the origin of app: URLs, which WHATWG URL calls "null"', () => {
    expect(new URL(appEntryUrl).origin).toBe('null');
    expect(originOf(appEntryUrl)).toBe(appOrigin);
    expect(originOf('http://localhost:5173/index.html?x#y')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeNull();
  });
});

describe('navigation', () => {
  it('allows only a reload of the page the window shows', () => {
    expect(isNavigationAllowed(appEntryUrl, appEntryUrl)).toBe(true);
    expect(isNavigationAllowed('https://example.com/', appEntryUrl)).toBe(false);
    expect(isNavigationAllowed(`${appOrigin}/other.html`, appEntryUrl)).toBe(false);
  });
});

describe('app:// files', () => {
  const root = mkdtempSync(join(tmpdir(), 'gil-lab-renderer-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves files inside out/renderer, index.html for the root', () => {
    expect(resolveAppPath(root, `${appOrigin}/`)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${appOrigin}/index.html`)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${appOrigin}/assets/index-abc.js?v=1#x`)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, `${appOrigin}/assets/a%20b.css`)).toBe(join(root, 'assets', 'a b.css'));
  });

  it('refuses every way out of it', () => {
    for (const url of [
      `${appOrigin}/../../etc/passwd`,
      `${appOrigin}/%2e%2e/%2e%2e/etc/passwd`,
      `${appOrigin}/..%2f..%2fetc%2fpasswd`,
      `${appOrigin}/assets/..%2f..%2f..%2fetc/passwd`,
      `${appOrigin}/..%5c..%5cwindows%5cwin.ini`,
      `${appOrigin}/%2fetc%2fpasswd`,
      `${appOrigin}/index.html%00.png`,
      `${appOrigin}/%E0%A4%A`,
    ]) {
      const file = resolveAppPath(root, url);
      if (file !== null) expect(file.startsWith(root + sep), `${url} -> ${file}`).toBe(true);
    }
    expect(resolveAppPath(root, `${appOrigin}/..%2f..%2fetc%2fpasswd`)).toBeNull();
    expect(resolveAppPath(root, `${appOrigin}/%E0%A4%A`)).toBeNull();
    expect(resolveAppPath(root, `${appOrigin}/index.html%00.png`)).toBeNull();
  });

  it('answers only its own host and scheme', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'nonsense')).toBeNull();
  });

  it('labels what it serves', () => {
    expect(contentTypeFor('/r/assets/index.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/icon.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/blob.bin')).toBe('application/octet-stream');
  });
});

describe('packaged process entries', () => {
  it('start outside app.asar, where worker threads can load them', () => {
    expect(unpackedPath('/opt/GIL Lab/resources/app.asar/out/main/python-process.js')).toBe(
      '/opt/GIL Lab/resources/app.asar.unpacked/out/main/python-process.js',
    );
    expect(unpackedPath('C:\\GIL Lab\\resources\\app.asar\\out\\main\\python-process.js')).toBe(
      'C:\\GIL Lab\\resources\\app.asar.unpacked\\out\\main\\python-process.js',
    );
    expect(unpackedPath('/work/main/out/main/python-process.js')).toBe('/work/main/out/main/python-process.js');
  });
});
