// The main side of the bridge: one ipcMain.handle per GilLabMethods member, all
// built from `methodNames`, so adding a method to common/api.ts needs no code here.
// Every handler checks its sender before the engine sees the call.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannel, ipcPrefix, methodNames, type GilLabApi, type GilLabMethods } from '../common/api';
import { senderRefusal } from './security';

type MethodName = (typeof methodNames)[number];

/** What answers each channel: the engine's method of the same name. */
export type MethodHandlers = {
  [K in MethodName]: (...args: Parameters<GilLabMethods[K]>) => ReturnType<GilLabMethods[K]>;
};

/**
 * Binds each of `methodNames` to the engine. Typed against GilLabMethods, so an
 * engine missing a method does not compile where it is passed in.
 */
export function methodHandlers(engine: GilLabMethods): MethodHandlers {
  const bound = methodNames.map((name) => [name, (...args: unknown[]) => Reflect.apply(engine[name], engine, args)]);
  // One name, one method: the correlation is per entry, which a mapped type over a list cannot express.
  return Object.fromEntries(bound) as MethodHandlers;
}

export interface BridgeTarget {
  /** The window allowed to call the engine (null while there is none). */
  window(): BrowserWindow | null;
  /** app://gil-lab, or electron-vite's dev server origin in development. */
  trustedOrigin: string;
}

/** Throws unless the call comes from our window's main frame on our origin (main/security.ts). */
export function checkSender(event: IpcMainInvokeEvent, target: BridgeTarget): void {
  const window = target.window();
  const fromOurWindow = window !== null && !window.isDestroyed() && event.sender === window.webContents;
  const refusal = senderRefusal(event.senderFrame, fromOurWindow, target.trustedOrigin);
  if (refusal !== null) throw new Error(`refused: unknown sender (${refusal})`);
}

/** Registers every channel and forwards engine events to the window; returns the undo. */
export function registerBridge(engine: GilLabApi, target: BridgeTarget): () => void {
  const handlers = methodHandlers(engine);
  for (const name of methodNames) {
    const handler = handlers[name] as (...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(ipcPrefix + name, (event, ...args: unknown[]) => {
      checkSender(event, target);
      // The arguments are untrusted: the engine validates every request (common/validate.ts).
      return handler(...args);
    });
  }
  const unsubscribe = engine.onEvent((event) => {
    const window = target.window();
    if (window !== null && !window.isDestroyed()) window.webContents.send(eventChannel, event);
  });
  return () => {
    unsubscribe();
    for (const name of methodNames) ipcMain.removeHandler(ipcPrefix + name);
  };
}
