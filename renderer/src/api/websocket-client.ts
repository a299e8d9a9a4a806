// GilLabApi over the web host's WebSocket: the same interface the Electron preload exposes,
// so the UI cannot tell which host it runs in.
import {
  methodNames,
  type EngineEvent,
  type GilLabApi,
  type GilLabMethods,
  type WsMessage,
  type WsRequest,
} from '../../../common/api';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string };

export function connectWebSocketApi(url: string, token: string): GilLabApi {
  const socketUrl = new URL(url);
  socketUrl.searchParams.set('token', token);
  const socket = new WebSocket(socketUrl);
  // A refused upgrade (a stale token after a host restart) closes before it opens: say what to do.
  let closedError = new Error(
    'the connection to the GIL Lab host closed before it opened (was the host restarted? reload the page)',
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('close', () => reject(closedError), { once: true });
  });
  opened.catch(() => {}); // callers see the error when they call
  // The close that follows an error says what happened; an error event adds nothing to it.
  socket.addEventListener('error', () => {});

  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextId = 1;

  socket.addEventListener('message', (message: MessageEvent) => {
    let data: WsMessage;
    try {
      data = JSON.parse(String(message.data)) as WsMessage;
    } catch {
      return;
    }
    if ('event' in data) {
      for (const listener of listeners) listener(data.event);
      return;
    }
    const call = data.id === null ? undefined : pending.get(data.id);
    if (!call) return;
    pending.delete(data.id as number);
    if (data.ok) call.resolve(data.value);
    else call.reject(new Error(data.error));
  });

  socket.addEventListener('close', (event: CloseEvent) => {
    const why = event.reason ? `: ${event.reason}` : event.code ? ` (code ${event.code})` : '';
    closedError = new Error(`the connection to the GIL Lab host closed${why}; reload the page to reconnect`);
    for (const call of pending.values()) call.reject(new Error(`${call.method} failed: ${closedError.message}`));
    pending.clear();
  });

  async function call(method: WsRequest['method'], params: unknown[]): Promise<unknown> {
    await opened;
    if (socket.readyState !== WebSocket.OPEN) throw closedError;
    const id = nextId++;
    const request: WsRequest = { id, method, params };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, method });
      socket.send(JSON.stringify(request));
    });
  }

  const methods = Object.fromEntries(
    methodNames.map((method) => [method, (...params: unknown[]) => call(method, params)]),
  ) as unknown as GilLabMethods;

  return {
    ...methods,
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
