// The canvas rendering of labels.ts: legend items, row labels and axis ticks for the PNG export,
// laid out as timeline.css lays out their DOM rendering. Colours come from the description and
// theme.ts only.
import { ui } from '../theme';
import { swatchSize, type AxisTick, type Fill, type LabelPart, type LegendItem, type RowLabel } from './labels';
import type { Metrics, Row } from './layout';

/** The part of a canvas context the labels use (a test records these calls). */
export type LabelContext = Pick<
  CanvasRenderingContext2D,
  | 'font'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'textAlign'
  | 'fillText'
  | 'measureText'
  | 'fillRect'
  | 'strokeRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'fill'
  | 'stroke'
  | 'arc'
  | 'roundRect'
  | 'setLineDash'
  | 'createLinearGradient'
>;

export type FillResolver = (fill: Fill) => string | CanvasPattern;

export function fonts(m: Metrics) {
  return {
    normal: `400 ${m.fontPx}px ${ui.fontFamily}`,
    strong: `600 ${m.fontPx}px ${ui.fontFamily}`,
    strategy: `700 ${Math.round(m.fontPx * 1.12)}px ${ui.fontFamily}`,
    small: `400 ${m.smallFontPx}px ${ui.fontFamily}`,
    smallStrong: `600 ${m.smallFontPx}px ${ui.fontFamily}`,
    title: `700 ${Math.round(m.fontPx * 1.35)}px ${ui.fontFamily}`,
  };
}

/** The text, cut with an ellipsis to fit the width, as the labels' CSS text-overflow does. */
function fit(ctx: LabelContext, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo)}…`;
}

/** Draws a text at x on the line through yMid, cut to end before maxX; returns where it ended. */
export function paintText(
  ctx: LabelContext,
  text: string,
  x: number,
  yMid: number,
  maxX: number,
  font: string,
  color: string,
): number {
  if (x >= maxX) return x;
  ctx.font = font;
  ctx.fillStyle = color;
  const shown = fit(ctx, text, maxX - x);
  if (shown) ctx.fillText(shown, x, yMid);
  return x + ctx.measureText(text).width;
}

export function paintLegendItem(
  ctx: LabelContext,
  item: LegendItem,
  x: number,
  y: number,
  maxX: number,
  m: Metrics,
  fillOf: FillResolver,
): void {
  for (const shape of item.shapes) {
    ctx.fillStyle = fillOf(shape.fill);
    if (shape.kind === 'rect') ctx.fillRect(x + shape.x, y + shape.y, shape.w, shape.h);
    else {
      ctx.beginPath();
      shape.points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(x + px, y + py) : ctx.lineTo(x + px, y + py)));
      ctx.closePath();
      ctx.fill();
    }
  }
  paintText(ctx, item.label, x + swatchSize.w + 6, y + swatchSize.h / 2, maxX, fonts(m).small, ui.textMuted);
}

/** Gaps between a row's parts, as timeline.css's `gap` for each kind of row. */
const partGap: Record<Row['kind'], number> = { run: 12, process: 8, gil: 7, thread: 7 };

function paintPart(ctx: LabelContext, part: LabelPart, x: number, yMid: number, maxX: number, m: Metrics): number {
  const f = fonts(m);
  const small = (font: string, color: string) =>
    paintText(ctx, (part as { text: string }).text, x, yMid, maxX, font, color);
  switch (part.kind) {
    case 'strategy': {
      const dot = m.fontPx * 0.7;
      ctx.fillStyle = part.color;
      ctx.beginPath();
      ctx.arc(x + dot / 2, yMid, dot / 2, 0, Math.PI * 2);
      ctx.fill();
      return paintText(ctx, part.text, x + dot + 7, yMid, maxX, f.strategy, ui.text);
    }
    case 'fact':
      for (const piece of part.pieces)
        x = paintText(
          ctx,
          piece.text,
          x,
          yMid,
          maxX,
          piece.strong ? f.strong : f.normal,
          piece.strong ? ui.text : ui.textMuted,
        );
      return x;
    case 'status': {
      ctx.font = f.smallStrong;
      const w = ctx.measureText(part.text).width + 14;
      if (x + w > maxX) return x;
      const h = Math.round(m.smallFontPx * 1.5);
      ctx.beginPath();
      ctx.roundRect(x + 0.5, yMid - h / 2 + 0.5, w - 1, h - 1, h / 2);
      ctx.strokeStyle = part.color;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = part.color;
      ctx.fillText(part.text, x + 7, yMid);
      return x + w;
    }
    case 'reason':
      return paintText(ctx, part.text, x, yMid, maxX, f.normal, part.color);
    case 'name':
      return small(f.smallStrong, ui.text);
    case 'note':
      return small(f.small, ui.textMuted);
    case 'chip': {
      ctx.font = f.small;
      const w = ctx.measureText(part.text).width + 12;
      const h = Math.round(m.smallFontPx * 1.4);
      ctx.fillStyle = ui.chip;
      ctx.beginPath();
      ctx.roundRect(x, yMid - h / 2, w, h, 3);
      ctx.fill();
      paintText(ctx, part.text, x + 6, yMid, maxX, f.small, part.color);
      return x + w;
    }
    case 'holder': {
      const s = Math.round(m.fontPx * 0.7);
      if (part.color) {
        ctx.fillStyle = part.color;
        ctx.beginPath();
        ctx.roundRect(x, yMid - s / 2, s, s, 2);
        ctx.fill();
      } else {
        ctx.strokeStyle = ui.textMuted;
        ctx.lineWidth = 1;
        ctx.setLineDash([2, 2]);
        ctx.strokeRect(x + 0.5, yMid - s / 2 + 0.5, s - 1, s - 1);
        ctx.setLineDash([]);
      }
      return x + s;
    }
    case 'lane':
      return part.muted ? small(f.small, ui.textMuted) : small(f.normal, ui.text);
  }
}

/**
 * A row's label at `top` of the image, between `left` and `right` (the image's margins); lane
 * labels stay in the gutter.
 */
export function paintRowLabel(
  ctx: LabelContext,
  row: Row,
  label: RowLabel,
  top: number,
  left: number,
  right: number,
  m: Metrics,
): void {
  if (row.kind === 'run') {
    if (row.runIndex > 0) {
      ctx.fillStyle = ui.border;
      ctx.fillRect(left, top, right - left, 1);
    }
    const shade = ctx.createLinearGradient(0, top, 0, top + row.height);
    shade.addColorStop(0, ui.headerShade);
    shade.addColorStop(1, 'transparent');
    ctx.fillStyle = shade;
    ctx.fillRect(left, top + 1, right - left, row.height - 1);
  }
  const lane = row.kind === 'gil' || row.kind === 'thread';
  const yMid = top + (row.kind === 'gil' ? m.gilLane : row.kind === 'thread' ? m.lane : row.height) / 2;
  const maxX = lane ? left + m.gutter - 10 : right;
  let x = left + (lane ? 24 : 12);
  label.parts.forEach((part, i) => {
    x = paintPart(ctx, part, x + (i > 0 ? partGap[row.kind] : 0), yMid, maxX, m);
  });
}

/** The axis: its title in the gutter, a baseline, and each tick's mark and label above it. */
export function paintAxis(
  ctx: LabelContext,
  ticks: AxisTick[],
  title: string,
  g: { left: number; plotLeft: number; plotWidth: number; bottom: number; maxX: number },
  m: Metrics,
): void {
  const f = fonts(m);
  paintText(ctx, title, g.left + 12, g.bottom - 6 - m.smallFontPx / 2, g.plotLeft - 8, f.small, ui.textMuted);
  ctx.fillStyle = ui.border;
  ctx.fillRect(g.plotLeft, g.bottom, g.plotWidth, 1);
  ctx.font = f.small;
  ctx.textAlign = 'center';
  for (const tick of ticks) {
    const x = g.plotLeft + Math.round(tick.x) + 0.5;
    ctx.fillStyle = ui.tick;
    ctx.fillRect(x - 0.5, g.bottom - 5, 1, 5);
    ctx.fillStyle = ui.textMuted;
    // The last label stays inside the image rather than past its edge.
    const half = ctx.measureText(tick.label).width / 2;
    ctx.fillText(tick.label, Math.min(x, g.maxX - half), g.bottom - 9 - m.smallFontPx / 2);
  }
  ctx.textAlign = 'start';
}
