// The pages' own <meta> policy (for a page opened without our headers) says what common/csp.ts says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspDirectives, serializeCsp } from './csp';

const root = join(import.meta.dirname, '..');

function metaPolicy(page: string): string {
  const html = readFileSync(join(root, 'renderer', page), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  if (!policy) throw new Error(`${page} has no Content-Security-Policy meta tag`);
  return policy;
}

/** A <meta> policy cannot say frame-ancestors (browsers ignore it there, with a warning). */
const { 'frame-ancestors': _frames, ...metaDirectives } = cspDirectives;

describe('the Content-Security-Policy', () => {
  it("in index.html is the shared policy, with the web host's WebSocket on any port", () => {
    expect(metaPolicy('index.html')).toBe(
      serializeCsp({ ...metaDirectives, 'connect-src': ["'self'", 'ws://127.0.0.1:*'] }),
    );
  });

  it('runs only our own scripts, no eval, and lets the editor (CodeMirror) add its <style> element', () => {
    expect(cspDirectives['script-src']).toEqual(["'self'"]);
    expect(serializeCsp(cspDirectives)).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(cspDirectives['style-src']).toContain("'unsafe-inline'");
  });

  it('in bench.html is the shared policy', () => {
    expect(metaPolicy('bench.html')).toBe(serializeCsp(metaDirectives));
  });
});
