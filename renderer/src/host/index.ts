// Host services of the window: what differs between Electron's window and a browser tab on the web
// host — settings kept between starts, the desktop menu, native dialogs (files.ts) — behind one start.
import { connectDesktop } from './commands';
import { desktopApi } from './desktop';
import { desktopOrBrowserStorage, keepSettings, type SettingsPersistence } from './settings-file';

let settings: SettingsPersistence | null = null;

/** The defaults back on screen and no settings kept (File ▸ Reset Settings, the panel's Reset settings). */
export function resetSettings(): Promise<void> {
  return settings?.reset() ?? Promise.resolve();
}

/** Starts the host services once, at the window's start; returns the stop. */
export function startHost(): () => void {
  settings = keepSettings(desktopOrBrowserStorage());
  const kept = settings;
  const flush = () => void kept.flush();
  window.addEventListener('pagehide', flush);
  const desktop = desktopApi();
  const disconnect = desktop ? connectDesktop(desktop, { resetSettings }) : () => {};
  return () => {
    window.removeEventListener('pagehide', flush);
    disconnect();
    kept.stop();
  };
}
