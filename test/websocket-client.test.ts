// The renderer's WebSocket client against the real web host and engine: the API a browser tab uses.
// It lives in test/ because it joins two layers that may not import each other (renderer/ and web/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WS from 'ws';
import type { EngineEvent, GilLabApi } from '../common/api';
import { connectWebSocketApi } from '../renderer/src/api/websocket-client';
import { createEngine, type Engine } from '../workers/engine';
import { startWebHost, type WebHost } from '../web/server';

let dir: string;
let engine: Engine;
let host: WebHost;
let wsUrl: string;

beforeAll(async () => {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'ensure-built.mjs')], {
    stdio: 'inherit',
  });
  dir = mkdtempSync(join(tmpdir(), 'gil-lab-client-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>GIL Lab</title>');
  engine = createEngine({ host: 'web' });
  host = await startWebHost({ engine, staticDir: dir });
  wsUrl = `ws://127.0.0.1:${host.address.port}/api`;
  // Node 20 has no WebSocket global: a `ws` socket that sends the page's Origin, as a browser would.
  const origin = `http://127.0.0.1:${host.address.port}`;
  class BrowserWebSocket extends WS {
    constructor(url: string | URL) {
      super(url, { origin });
    }
  }
  (globalThis as { WebSocket?: unknown }).WebSocket = BrowserWebSocket;
}, 120_000);

afterAll(async () => {
  await host?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('connectWebSocketApi', () => {
  let api: GilLabApi;

  it('calls every method and gets the engine answers', async () => {
    api = connectWebSocketApi(wsUrl, host.token);
    const machine = await api.getMachine();
    expect(machine.host).toBe('web');
    const presets = await api.listPresets();
    expect(presets.map((p) => p.name)).toContain('car-truck');
    expect(await api.parseProgram('{ nope')).toMatchObject({
      ok: false,
      error: expect.stringContaining('program.py, line 1: SyntaxError'),
    });
    await expect(api.cancelSession()).resolves.toBeNull();
  });

  it('rejects a call the host refuses, with the host reason', async () => {
    const parseProgram = api.parseProgram as (...args: unknown[]) => Promise<unknown>;
    await expect(parseProgram()).rejects.toThrow(/params of parseProgram must be a list of 1 to 2 values, got 0/);
  });

  it('delivers engine events to subscribers until they unsubscribe', async () => {
    const seen: EngineEvent['type'][] = [];
    let unsubscribedSaw = 0;
    const unsubscribe = api.onEvent(() => (unsubscribedSaw += 1));
    unsubscribe();
    const ended = new Promise<EngineEvent>((resolve) =>
      api.onEvent((event) => {
        seen.push(event.type);
        if (event.type === 'session-end') resolve(event);
      }),
    );
    const started = await api.startSession({
      program: 'car-truck',
      strategies: ['threading'],
      workerCounts: [2],
      switchIntervalMs: 5,
      gil: 'new',
      timeScale: 0.02,
    });
    expect(started.ok).toBe(true);
    expect(await ended).toMatchObject({ type: 'session-end', status: 'done' });
    expect(seen).toEqual(expect.arrayContaining(['session-start', 'run-start', 'trace', 'run-end', 'session-end']));
    expect(unsubscribedSaw).toBe(0);
  }, 30_000);

  it('fails calls with a clear error when the token is wrong', async () => {
    const stale = connectWebSocketApi(wsUrl, 'not-the-token');
    await expect(stale.getMachine()).rejects.toThrow(/closed before it opened.*reload the page/);
  });

  it('fails calls with a clear error once the host has gone', async () => {
    await host.close();
    await expect(api.getMachine()).rejects.toThrow(/connection to the GIL Lab host closed.*reload the page/);
  });
});
