// The web host with a real engine and a real WebSocket client: what a browser tab (or a hostile
// page elsewhere) would see.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EngineEvent, WsMessage } from '../common/api';
import { createEngine, type Engine } from '../workers/engine';
import { startWebHost, type WebHost } from './server';

let dir: string;
let engine: Engine;
let host: WebHost;
let origin: string;
let wsUrl: string;

beforeAll(async () => {
  // The engine runs the built worker entries (out/main/python-*.js).
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'ensure-built.mjs')], {
    stdio: 'inherit',
  });
  dir = mkdtempSync(join(tmpdir(), 'gil-lab-web-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>GIL Lab</title></head><body></body></html>',
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  engine = createEngine({ host: 'web' });
  host = await startWebHost({ engine, staticDir: root });
  origin = host.url.replace(/\/$/, '');
  wsUrl = `ws://127.0.0.1:${host.address.port}/api?token=${host.token}`;
}, 120_000);

afterAll(async () => {
  await host?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw HTTP request, so paths reach the server exactly as written (no client-side normalising). */
function get(path: string, method = 'GET', headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.address.port, path, method, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Tries to open the API socket; resolves with the HTTP refusal, or rejects if it opened. */
function refusal(url: string, fromOrigin: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const ws = new WebSocket(url, { origin: fromOrigin });
    ws.on('open', () => {
      ws.close();
      reject(new Error('the socket opened'));
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('error', () => {});
  });
}

/** An open API connection that collects every message it receives. */
async function connect() {
  const ws = new WebSocket(wsUrl, { origin });
  const messages: WsMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as WsMessage);
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = async (match: (m: WsMessage) => boolean): Promise<WsMessage> => {
    for (;;) {
      const found = messages.findIndex(match);
      if (found >= 0) return messages.splice(found, 1)[0];
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  const reply = (id: number | null) => next((m) => 'id' in m && m.id === id);
  const event = (match: (e: EngineEvent) => boolean) =>
    next((m) => 'event' in m && match(m.event)).then((m) => (m as { event: EngineEvent }).event);
  return { ws, reply, event };
}

describe('web host: the page', () => {
  it('binds 127.0.0.1 only', () => {
    expect(host.address.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.address.port}/`);
  });

  it("serves index.html with this start's token and a strict CSP", async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(page.body).toContain(`<meta name="gil-lab-token" content="${host.token}">`);
    expect(page.body).toContain('<title>GIL Lab</title>');
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.address.port}`);
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their type, answers 404 for unknown files and refuses other methods', async () => {
    const script = await get('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(String(script.headers['content-security-policy'])).toContain("default-src 'self'");
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    const post = await get('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.body).toContain('GET and HEAD');
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('never serves a file outside its directory', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/..\\secret.txt',
      '/%00',
    ]) {
      const res = await get(path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('SECRET-OUTSIDE-ROOT');
    }
  });

  it('refuses a page requested under a foreign host name (DNS rebinding)', async () => {
    const res = await get('/', 'GET', { Host: `evil.example:${host.address.port}` });
    expect(res.status).toBe(421);
    expect(res.body).not.toContain(host.token);
  });
});

describe('web host: the API socket', () => {
  it('refuses a foreign Origin with 403 and says why', async () => {
    const res = await refusal(wsUrl, 'http://evil.example');
    expect(res.status).toBe(403);
    expect(res.body).toContain('Origin http://evil.example is not this host');
  });

  it('refuses a missing or wrong token with 403', async () => {
    const missing = await refusal(`ws://127.0.0.1:${host.address.port}/api`, origin);
    expect(missing.status).toBe(403);
    expect(missing.body).toContain('token is missing');
    const wrong = await refusal(`ws://127.0.0.1:${host.address.port}/api?token=${'0'.repeat(64)}`, origin);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toContain('wrong token');
  });

  it('answers malformed messages with errors and keeps the connection', async () => {
    const { ws, reply } = await connect();
    ws.send('{ not json');
    const malformed = await reply(null);
    expect(malformed).toMatchObject({ ok: false });
    expect((malformed as { error: string }).error).toContain('not valid JSON');

    ws.send(JSON.stringify({ method: 'getMachine', params: [] }));
    expect((await reply(null)) as { error: string }).toMatchObject({ ok: false, error: expect.stringContaining('id') });

    ws.send(JSON.stringify({ id: 1, method: 'deleteEverything', params: [] }));
    expect(await reply(1)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown method "deleteEverything"'),
    });

    ws.send(JSON.stringify({ id: 2, method: 'parseProgram', params: [] }));
    expect(await reply(2)).toMatchObject({ ok: false, error: expect.stringContaining('params of parseProgram') });
    // What the params hold is the engine's to refuse, in its own words.
    ws.send(JSON.stringify({ id: 5, method: 'parseProgram', params: [42] }));
    expect(await reply(5)).toMatchObject({ ok: true, value: { ok: false, error: 'program file must be text' } });
    ws.send(JSON.stringify({ id: 6, method: 'startSession', params: [[1]] }));
    expect(await reply(6)).toMatchObject({
      ok: true,
      value: { ok: false, error: expect.stringContaining('must be a JSON object') },
    });

    ws.send(JSON.stringify({ id: 3, method: 'getMachine', params: [] }));
    const machine = await reply(3);
    expect(machine).toMatchObject({ ok: true, value: { host: 'web' } });
    expect((machine as { value: { cores: number } }).value.cores).toBeGreaterThanOrEqual(1);

    ws.send(JSON.stringify({ id: 4, method: 'parseProgram', params: ['import numpy\n', 'mine.py'] }));
    expect(await reply(4)).toMatchObject({ ok: true, value: { ok: false, error: expect.stringContaining('mine.py, line 1: numpy is not a module') } });
    ws.close();
  });

  it('closes an over-1-MiB message with 1009 and keeps serving new connections', async () => {
    const { ws } = await connect();
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.send(JSON.stringify({ id: 1, method: 'parseProgram', params: ['x'.repeat((1 << 20) + 16)] }));
    const { code, reason } = await closed;
    expect(code).toBe(1009);
    expect(reason).toContain('too large');

    const fresh = await connect();
    fresh.ws.send(JSON.stringify({ id: 7, method: 'listPresets', params: [] }));
    const presets = await fresh.reply(7);
    expect(presets).toMatchObject({ ok: true });
    expect((presets as { value: { name: string }[] }).value.map((p) => p.name)).toContain('calc-threads');
    fresh.ws.close();
  });

  it('streams engine events to the page and answers a second session "busy"', async () => {
    const { ws, reply, event } = await connect();
    const request = {
      program: 'calc-threads',
      strategies: ['threading'],
      workerCounts: [1],
      switchIntervalMs: 5,
      gil: 'new',
      timeScale: 0.05,
    };
    ws.send(JSON.stringify({ id: 1, method: 'startSession', params: [request] }));
    ws.send(JSON.stringify({ id: 2, method: 'startSession', params: [request] }));
    const first = (await reply(1)) as { ok: true; value: { ok: boolean } };
    const second = (await reply(2)) as { ok: true; value: { ok: boolean; error?: string } };
    expect(first.value.ok).toBe(true);
    expect(second.value).toMatchObject({ ok: false, error: expect.stringContaining('busy') });
    await event((e) => e.type === 'run-start');
    const end = await event((e) => e.type === 'session-end');
    expect(end).toMatchObject({ type: 'session-end', status: 'done' });
    ws.close();
  }, 60_000);
});
