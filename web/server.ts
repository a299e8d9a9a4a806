// The web host: serves the built renderer on 127.0.0.1 and the GilLabApi over a WebSocket.
// A web page from anywhere else must not start processes on this machine, so the socket
// needs this host's own Origin and the token that only this start's index.html carries.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GilLabApi } from '../common/api';
import { cspDirectives, serializeCsp } from '../common/csp';
import { limits } from '../common/limits';
import { answer } from './api-bridge';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  engine: GilLabApi;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer; defaults to out/renderer next to the running out/main/web.js. */
  staticDir?: string;
}

export interface WebHost {
  url: string;
  token: string;
  /** Where the server listens (always 127.0.0.1). */
  address: AddressInfo;
  close(): Promise<void>;
}

export const apiPath = '/api';
/** A client this far behind on events is dropped rather than letting its queue grow without bound. */
const maxBufferedBytes = 64 << 20;

export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

/** The shared policy (common/csp.ts), with this host's WebSocket allowed. */
function contentSecurityPolicy(port: number): string {
  return serializeCsp({ ...cspDirectives, 'connect-src': ["'self'", `ws://127.0.0.1:${port}`] });
}

/** Compares digests so neither the content nor the length of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const statusText = status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Bad Request';
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startWebHost({
  engine,
  port = 0,
  staticDir = defaultStaticDir(),
}: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex');
  let ownOrigins: string[] = [];
  let headers: Record<string, string> = {};

  const server = createServer((req, res) => {
    // A DNS-rebinding page reaches 127.0.0.1 under its own host name: answer only our own names.
    if (!ownOrigins.includes(`http://${req.headers.host}`)) {
      res.writeHead(421, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`this host answers only to ${ownOrigins.join(' or ')}\n`);
      return;
    }
    serveStatic(req, res, { root: staticDir, token, headers }).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`could not read the file: ${error.message}\n`);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const clients = new Set<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== apiPath)
      return refuseUpgrade(socket, 404, `WebSocket refused: no endpoint at ${url.pathname}, only ${apiPath}`);
    const origin = req.headers.origin;
    if (!origin || !ownOrigins.includes(origin))
      return refuseUpgrade(
        socket,
        403,
        `WebSocket refused: Origin ${origin ?? '(none)'} is not this host's (${ownOrigins[0]})`,
      );
    const given = url.searchParams.get('token');
    if (!given)
      return refuseUpgrade(socket, 403, 'WebSocket refused: the token is missing (reload the page this host served)');
    if (!sameToken(given, token))
      return refuseUpgrade(socket, 403, 'WebSocket refused: wrong token (the host was restarted? reload the page)');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    clients.add(ws);
    // ws closes an oversize message's connection with 1009 but no reason; say why.
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) =>
      close(code, code === 1009 && !reason ? `message too large: at most ${limits.maxMessageBytes} bytes` : reason);
    ws.on('error', () => {}); // the close that follows is the answer; the host keeps serving
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data, isBinary) => {
      const reply = isBinary
        ? Promise.resolve({ id: null, ok: false as const, error: 'messages must be JSON text, not binary' })
        : answer(engine, data.toString());
      void reply.then((message) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      });
    });
  });

  const unsubscribe = engine.onEvent((event) => {
    if (clients.size === 0) return;
    const text = JSON.stringify({ event });
    for (const ws of clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > maxBufferedBytes) ws.close(1013, 'client too slow to keep up with the trace');
      else ws.send(text);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    unsubscribe();
    throw error;
  });

  const address = server.address() as AddressInfo;
  const bound = address.port;
  ownOrigins = [`http://127.0.0.1:${bound}`, `http://localhost:${bound}`];
  headers = {
    'Content-Security-Policy': contentSecurityPolicy(bound),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${bound}/`,
    token,
    address,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        unsubscribe();
        for (const ws of clients) ws.close(1001, 'the host is shutting down');
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
        // Clients that do not answer the close handshake are cut off.
        setTimeout(() => clients.forEach((ws) => ws.terminate()), 1000).unref();
      })),
  };
}
