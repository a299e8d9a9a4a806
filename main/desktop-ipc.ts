// The main side of the desktop's channels: one ipcMain.handle per name in desktopMethodNames, each
// checking its sender exactly as the engine's channels do (main/ipc.ts), then its arguments
// (main/desktop-args.ts), before the desktop's service sees the call.
import { ipcMain, type BrowserWindow } from 'electron';
import {
  commandChannel,
  desktopMethodNames,
  desktopPrefix,
  type DesktopCommand,
  type DesktopMethods,
} from '../common/desktop-api';
import { desktopArgs } from './desktop-args';
import { checkSender, type BridgeTarget } from './ipc';

type DesktopMethodName = (typeof desktopMethodNames)[number];

/** What answers each desktop channel: the service's method of the same name, with checked arguments. */
export type DesktopHandlers = {
  [K in DesktopMethodName]: (...args: Parameters<DesktopMethods[K]>) => ReturnType<DesktopMethods[K]>;
};

/** Registers every desktop channel; returns the undo. */
export function registerDesktopBridge(services: DesktopHandlers, target: BridgeTarget): () => void {
  for (const name of desktopMethodNames) {
    ipcMain.handle(desktopPrefix + name, (event, ...args: unknown[]) => {
      checkSender(event, target);
      return Reflect.apply(services[name], services, desktopArgs[name](args));
    });
  }
  return () => {
    for (const name of desktopMethodNames) ipcMain.removeHandler(desktopPrefix + name);
  };
}

/** Hands a menu command to the page (the renderer does what its own button does). */
export function sendCommand(window: BrowserWindow | null, command: DesktopCommand): void {
  if (window !== null && !window.isDestroyed()) window.webContents.send(commandChannel, command);
}
