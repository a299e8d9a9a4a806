// The main window's look and size, kept apart from main/index.ts so the unit
// tests can check it (and its security flags) without the Electron binary.
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';
import { placeWindow, type WindowPlacement } from './window-bounds';

export const windowTitle = 'GIL Lab';

/** The renderer's page background (`ui.background` in renderer/src/theme.ts): the window never flashes another colour. */
export const backgroundColor = '#101318';

export interface WindowSetup {
  /** out/preload/index.cjs */
  preload: string;
  /** assets/icon.png */
  icon: string;
  /** Bounds and minimum from the displays and the saved state (main/window-bounds.ts); a 1440×900 screen's by default. */
  placement?: WindowPlacement;
  /** A packaged app's window has no DevTools at all (nor a menu item for them, main/menu-template.ts). */
  packaged?: boolean;
}

export function mainWindowOptions(setup: WindowSetup): BrowserWindowConstructorOptions {
  const { bounds, minimum } = setup.placement ?? placeWindow(null, []);
  return {
    title: windowTitle,
    ...bounds,
    // The configuration panel, the run controls and the timeline fit side by side down to this.
    minWidth: minimum.width,
    minHeight: minimum.height,
    icon: setup.icon,
    backgroundColor,
    // Shown on 'ready-to-show', once the first frame is painted.
    show: false,
    webPreferences: { ...secureWebPreferences(setup.preload), devTools: !setup.packaged },
  };
}
