// Where the window opens and how small it may get, from the displays' work areas (the screen
// less the taskbar, dock or top bar, in DIPs) and the bounds it had when it last closed. Pure, so
// main/window-bounds.test.ts checks laptops at 125 % scaling without a screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What main/desktop-state.ts keeps between starts: the normal (unmaximized) bounds, and whether it was maximized. */
export interface SavedWindow extends Rect {
  maximized: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** The size it opens at the first time, where the screen has room. */
export const preferredSize: Size = { width: 1440, height: 900 };
/**
 * The smallest window that keeps the configuration panel, the run controls and a readable timeline
 * side by side. Smaller than the work area of a 1280×800 laptop at 125 % (1024×~600 DIPs) and of a
 * 1366×768 one at 125 % (1093×~566 DIPs under Windows' taskbar).
 */
export const minimumSize: Size = { width: 960, height: 540 };
/** How much of a saved window must lie on a display for it to open there again (a title bar's worth). */
const visibleEnough = { width: 120, height: 40 };

export interface WindowPlacement {
  bounds: Rect;
  minimum: Size;
  maximized: boolean;
}

function overlap(a: Rect, b: Rect): Size {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** The display a saved window is on (most of it), or null when none shows enough of it (a monitor unplugged). */
function displayOf(saved: Rect, workAreas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const shared = overlap(saved, area);
    if (shared.width < visibleEnough.width || shared.height < visibleEnough.height) continue;
    if (shared.width * shared.height > bestArea) {
      best = area;
      bestArea = shared.width * shared.height;
    }
  }
  return best;
}

/**
 * Where the window opens: on the display it was last on (else the primary, `workAreas[0]`), at its
 * saved size or the preferred one, never larger than that display's work area and never partly
 * off it; the minimum is the usable one, or the whole work area on a smaller screen.
 */
export function placeWindow(saved: SavedWindow | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...preferredSize };
  const area = (saved && displayOf(saved, workAreas)) ?? primary;
  const minimum = {
    width: Math.min(minimumSize.width, area.width),
    height: Math.min(minimumSize.height, area.height),
  };
  const wanted = saved ?? preferredSize;
  const width = Math.round(clamp(wanted.width, minimum.width, area.width));
  const height = Math.round(clamp(wanted.height, minimum.height, area.height));
  const onItsDisplay = saved !== null && displayOf(saved, [area]) !== null;
  const x = onItsDisplay ? saved.x : area.x + (area.width - width) / 2;
  const y = onItsDisplay ? saved.y : area.y + (area.height - height) / 2;
  return {
    bounds: {
      x: Math.round(clamp(x, area.x, area.x + area.width - width)),
      y: Math.round(clamp(y, area.y, area.y + area.height - height)),
      width,
      height,
    },
    minimum,
    maximized: saved?.maximized ?? false,
  };
}
