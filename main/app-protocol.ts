// The app:// handler: answers the renderer's requests from out/renderer, with the
// CSP on every response. No 'electron' import, so main/app-protocol.test.ts drives
// this very function with real Requests against the built renderer.
import { readFile } from 'node:fs/promises';
import { appResponseHeaders, resolveAppPath } from './security';

export async function serveAppRequest(rendererRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
  const file = resolveAppPath(rendererRoot, request.url);
  if (file === null) return new Response('not found', { status: 404 });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response('not found', { status: 404 });
  }
  const headers = appResponseHeaders(file);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers });
}
