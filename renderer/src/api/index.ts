// The renderer's one way to reach the engine: the Electron preload's global when present,
// otherwise the web host's WebSocket, authorised by the token the host put into index.html.
import { apiGlobal, type GilLabApi } from '../../../common/api';
import type { DesktopGlobal } from '../../../common/desktop-api';
import { connectWebSocketApi } from './websocket-client';

declare global {
  interface Window {
    /** The Electron preload's global; absent in the web host's page. */
    gilLab?: DesktopGlobal;
  }
}

let webSocketApi: GilLabApi | undefined;

export function getApi(): GilLabApi {
  const preload = window[apiGlobal];
  if (preload) return preload;
  if (!webSocketApi) {
    const token = document.querySelector<HTMLMetaElement>('meta[name="gil-lab-token"]')?.content ?? '';
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    webSocketApi = connectWebSocketApi(`${scheme}://${location.host}/api`, token);
  }
  return webSocketApi;
}

export { connectWebSocketApi };
