// The renderer's only door to the engine and the desktop: window.gilLab, a GilLabApi built from
// `methodNames`, with the desktop's services (common/desktop-api.ts) as its `desktop` member, built
// from `desktopMethodNames`. Sandboxed, so it may import only 'electron'; common/ is bundled in
// (out/preload/index.cjs is one file). Nothing of Electron crosses the bridge: no ipcRenderer, no
// IpcRendererEvent.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiGlobal, eventChannel, ipcPrefix, methodNames, type EngineEvent, type GilLabMethods } from '../common/api';
import {
  commandChannel,
  desktopMethodNames,
  desktopPrefix,
  type DesktopApi,
  type DesktopCommand,
  type DesktopGlobal,
  type DesktopMethods,
} from '../common/desktop-api';

type MethodName = (typeof methodNames)[number];
type DesktopMethodName = (typeof desktopMethodNames)[number];

function invoker<K extends MethodName>(name: K): GilLabMethods[K] {
  // ipcRenderer.invoke is untyped; the main side answers channel K with GilLabMethods[K].
  return ((...args: unknown[]) => ipcRenderer.invoke(ipcPrefix + name, ...args)) as GilLabMethods[K];
}

function desktopInvoker<K extends DesktopMethodName>(name: K): DesktopMethods[K] {
  // The main side (main/desktop-ipc.ts) answers channel K with DesktopMethods[K].
  return ((...args: unknown[]) => ipcRenderer.invoke(desktopPrefix + name, ...args)) as DesktopMethods[K];
}

/** Relays one channel's messages to a listener; returns the unsubscribe. */
function subscribe<T>(channel: string, listener: (message: T) => void, what: string): () => void {
  if (typeof listener !== 'function') throw new TypeError(`${what} needs a function, got ${typeof listener}`);
  const relay = (_event: IpcRendererEvent, message: T) => listener(message);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

// fromEntries forgets which name holds which method; invoker() typed each one.
const methods = Object.fromEntries(methodNames.map((name) => [name, invoker(name)])) as unknown as GilLabMethods;
const desktopMethods = Object.fromEntries(
  desktopMethodNames.map((name) => [name, desktopInvoker(name)]),
) as unknown as DesktopMethods;

const desktop = {
  ...desktopMethods,
  onCommand: (listener: (command: DesktopCommand) => void) => subscribe(commandChannel, listener, 'onCommand'),
} satisfies DesktopApi;

const api = {
  ...methods,
  onEvent: (listener: (event: EngineEvent) => void) => subscribe(eventChannel, listener, 'onEvent'),
  desktop,
} satisfies DesktopGlobal;

/** The type window.gilLab has in the renderer (test/api-contract.test.ts). */
export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld(apiGlobal, api);
