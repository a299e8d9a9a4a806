// The main window's look and size, kept apart from main/index.ts so the unit
// tests can check it (and its security flags) without the Electron binary.
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

export const windowTitle = 'GIL Lab';

/** The renderer's page background (`ui.background` in renderer/src/theme.ts): the window never flashes another colour. */
export const backgroundColor = '#101318';

export interface WindowPaths {
  /** out/preload/index.cjs */
  preload: string;
  /** assets/icon.png */
  icon: string;
}

export function mainWindowOptions(paths: WindowPaths): BrowserWindowConstructorOptions {
  return {
    title: windowTitle,
    width: 1440,
    height: 900,
    // The timeline, the configuration panel and the console must fit side by side.
    minWidth: 1100,
    minHeight: 700,
    icon: paths.icon,
    backgroundColor,
    // Shown on 'ready-to-show', once the first frame is painted.
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(paths.preload),
  };
}
