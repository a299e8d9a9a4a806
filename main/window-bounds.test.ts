// The window on the screens people have: small laptops at 125 % scaling, a second monitor that
// was unplugged, a window saved larger than today's screen.
import { describe, expect, it } from 'vitest';
import { minimumSize, placeWindow, preferredSize, type Rect } from './window-bounds';

/** Work areas in DIPs: the screen divided by the scale factor, less the taskbar (48 DIPs on Windows) or top bar. */
const laptop1366at125: Rect = { x: 0, y: 0, width: 1093, height: 566 };
const laptop1280at125: Rect = { x: 0, y: 0, width: 1024, height: 592 };
const desktop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const secondMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

describe('window placement', () => {
  it('opens within the work area of 1366×768 and 1280×800 laptops at 125 %, minimum included', () => {
    for (const area of [laptop1366at125, laptop1280at125]) {
      const { bounds, minimum } = placeWindow(null, [area]);
      expect(inside(bounds, area), JSON.stringify(bounds)).toBe(true);
      expect(minimum.width).toBeLessThanOrEqual(area.width);
      expect(minimum.height).toBeLessThanOrEqual(area.height);
      // It fills the small screen rather than opening tiny.
      expect(bounds).toEqual(area);
    }
  });

  it('opens at the preferred size, centred, where the screen has room', () => {
    const { bounds, minimum, maximized } = placeWindow(null, [desktop]);
    expect(bounds).toEqual({ x: 240, y: 70, ...preferredSize });
    expect(minimum).toEqual(minimumSize);
    expect(maximized).toBe(false);
  });

  it('keeps a usable minimum, and never one larger than the screen', () => {
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [desktop]).bounds).toMatchObject(
      minimumSize,
    );
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(placeWindow(null, [tiny])).toMatchObject({ bounds: tiny, minimum: { width: 800, height: 540 } });
  });

  it('comes back where it was closed, maximized or not', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: true };
    expect(placeWindow(saved, [desktop])).toEqual({
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      minimum: minimumSize,
      maximized: true,
    });
    const onSecond = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(onSecond, [desktop, secondMonitor]).bounds).toEqual({
      x: 2200,
      y: 100,
      width: 1600,
      height: 1000,
    });
  });

  it('opens on the primary display when the one it was on is gone', () => {
    const onSecond = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
    const { bounds } = placeWindow(onSecond, [laptop1366at125]);
    expect(inside(bounds, laptop1366at125)).toBe(true);
    expect(bounds).toEqual(laptop1366at125);
  });

  it('shrinks and moves a saved window that no longer fits, rather than leaving it partly off-screen', () => {
    const big = { x: 300, y: 200, width: 1440, height: 900, maximized: false };
    const { bounds } = placeWindow(big, [laptop1280at125]);
    expect(bounds).toEqual(laptop1280at125);
    const hanging = { x: 1700, y: 900, width: 1000, height: 700, maximized: false };
    const moved = placeWindow(hanging, [desktop]).bounds;
    expect(moved).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
  });

  it('keeps it off a top bar or taskbar at the top or left (work areas that do not start at 0)', () => {
    const withTopBar: Rect = { x: 0, y: 32, width: 1024, height: 608 };
    const saved = { x: 0, y: 0, width: 1000, height: 600, maximized: false };
    expect(placeWindow(saved, [withTopBar]).bounds).toEqual({ x: 0, y: 32, width: 1000, height: 600 });
  });
});
