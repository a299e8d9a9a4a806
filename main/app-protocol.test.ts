// The app:// handler Electron runs, driven with real Requests: what the window
// loads, what it must never get, and (when out/ is built) the real bundle.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from './app-protocol';
import { appEntryUrl, appOrigin, contentSecurityPolicy } from './security';

const get = (root: string, url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('app:// handler', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gil-lab-app-'));
  const root = join(scratch, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>GIL Lab</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
  // A file beside the bundle that the page must never read.
  writeFileSync(join(scratch, 'gil-lab-secret.txt'), 'secret');

  it('serves the page with the CSP, nosniff and its type', async () => {
    const response = await get(root, appEntryUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>GIL Lab</title>');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get(root, `${appOrigin}/`)).status).toBe(200);
  });

  it('serves module scripts as JavaScript (Chromium refuses them otherwise)', async () => {
    const response = await get(root, `${appOrigin}/assets/index.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files, escapes and other hosts, never their content', async () => {
    for (const url of [
      `${appOrigin}/nope.js`,
      `${appOrigin}/assets`,
      `${appOrigin}/..%2fgil-lab-secret.txt`,
      `${appOrigin}/assets/..%2f..%2fgil-lab-secret.txt`,
      'app://elsewhere/index.html',
    ]) {
      const response = await get(root, url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('refuses methods other than GET and HEAD; HEAD has no body', async () => {
    expect((await get(root, appEntryUrl, 'POST')).status).toBe(405);
    const head = await get(root, appEntryUrl, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

const builtRoot = fileURLToPath(new URL('../out/renderer/', import.meta.url));
const built = existsSync(join(builtRoot, 'index.html'));
if (!built) console.log('[app-protocol] out/renderer is not built: run `npm run build` to check the real bundle');

describe.skipIf(!built)('app:// handler on the built renderer (out/renderer)', () => {
  it('serves every script, stylesheet and icon index.html names, with the right type', async () => {
    const html = readFileSync(join(builtRoot, 'index.html'), 'utf8');
    const references = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1])
      .filter((ref) => !/^(data|https?):/.test(ref));
    expect(references.length).toBeGreaterThan(0);
    for (const ref of references) {
      const url = new URL(ref, appEntryUrl);
      expect(url.protocol + '//' + url.host, ref).toBe(appOrigin);
      const response = await get(builtRoot, url.href);
      expect(response.status, ref).toBe(200);
      if (ref.endsWith('.js')) expect(response.headers.get('content-type'), ref).toMatch(/^text\/javascript/);
      if (ref.endsWith('.css')) expect(response.headers.get('content-type'), ref).toMatch(/^text\/css/);
    }
  });
});
