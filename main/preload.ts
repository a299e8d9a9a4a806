// The renderer's only door to the engine: window.gilLab, a GilLabApi built from
// `methodNames`. Sandboxed, so it may import only 'electron'; common/api.ts is
// bundled in (out/preload/index.cjs is one file). Nothing of Electron crosses the
// bridge: no ipcRenderer, no IpcRendererEvent.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  apiGlobal,
  eventChannel,
  ipcPrefix,
  methodNames,
  type EngineEvent,
  type GilLabApi,
  type GilLabMethods,
} from '../common/api';

type MethodName = (typeof methodNames)[number];

function invoker<K extends MethodName>(name: K): GilLabMethods[K] {
  // ipcRenderer.invoke is untyped; the main side answers channel K with GilLabMethods[K].
  return ((...args: unknown[]) => ipcRenderer.invoke(ipcPrefix + name, ...args)) as GilLabMethods[K];
}

// fromEntries forgets which name holds which method; invoker() typed each one.
const methods = Object.fromEntries(methodNames.map((name) => [name, invoker(name)])) as unknown as GilLabMethods;

const api = {
  ...methods,
  onEvent(listener: (event: EngineEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function, got ' + typeof listener);
    const relay = (_event: IpcRendererEvent, engineEvent: EngineEvent) => listener(engineEvent);
    ipcRenderer.on(eventChannel, relay);
    return () => {
      ipcRenderer.removeListener(eventChannel, relay);
    };
  },
} satisfies GilLabApi;

/** The type window.gilLab has in the renderer (test/api-contract.test.ts). */
export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld(apiGlobal, api);
