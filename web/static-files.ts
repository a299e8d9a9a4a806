// Serves the built renderer from one directory: no path outside it, no directory listings,
// and index.html carries the per-start token the page needs to open the API socket.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf } from '../common/content-types';
import { pathInside } from '../common/url-path';

export interface StaticOptions {
  root: string;
  token: string;
  /** Headers every response carries (CSP and friends). */
  headers: Record<string, string>;
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Maps a URL path into a file under root, or null when it would leave root or is not a plain path. */
export function resolveUnder(root: string, urlPath: string): string | null {
  const inside = pathInside(urlPath);
  return inside === null ? null : join(root, ...inside.split('/'));
}

export function injectToken(html: string, token: string): string {
  const meta = `<meta name="gil-lab-token" content="${token}">`;
  if (/<\/head>/i.test(html)) return html.replace(/<\/head>/i, `  ${meta}\n  </head>`);
  return `${meta}\n${html}`;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, options: StaticOptions): Promise<void> {
  const { headers } = options;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, `method ${req.method} is not allowed: only GET and HEAD`, { ...headers, Allow: 'GET, HEAD' });
    return;
  }
  const root = resolve(options.root);
  const pathname = new URL(req.url ?? '/', 'http://host').pathname;
  const file = resolveUnder(root, pathname);
  if (!file) {
    send(res, 403, `forbidden path: ${pathname}`, headers);
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
  } catch {
    send(res, 404, `not found: ${pathname}`, headers);
    return;
  }
  const isIndex = file === resolve(root, 'index.html');
  let body = await readFile(file);
  if (isIndex) body = Buffer.from(injectToken(body.toString('utf8'), options.token));
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeOf(file),
    'Content-Length': body.length,
    // The page holds this start's token: never reuse it from a cache after a restart.
    'Cache-Control': isIndex ? 'no-store' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
