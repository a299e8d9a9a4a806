// The whole timeline as one image, for the PNG export: title, legend, axis, every run's header and
// every lane (not just the band the window shows), at the zoom on screen. Lanes come from the same
// drawFrame the window uses; labels are drawn here the way Timeline.tsx and timeline.css lay them out.
import { scaleLinear } from 'd3';
import type { RunRecord } from '../../../common/run-record';
import {
  holderPalette,
  instantColors,
  mixedColor,
  stateGlyphs,
  stateLabels,
  stateOrder,
  strategyColors,
  ui,
} from '../theme';
import { drawFrame, Patterns } from './draw';
import { formatDuration, tickFormat } from './format';
import { layoutRuns, normalMetrics, presenterMetrics, type Layout, type Metrics, type Row } from './layout';
import { LodScratch } from './lod';
import { runLengthUs } from './stats';

export interface TimelineImageView {
  /** The visible time range (the zoom on screen). */
  startUs: number;
  endUs: number;
  /** Width of the lanes, CSS pixels (the plot's width on screen). */
  plotWidth: number;
}

export interface TimelineImageOptions {
  presenter?: boolean;
  /** Device pixels per CSS pixel (default 1); lowered when the image would pass the canvas limits. */
  pixelRatio?: number;
  /** A heading above the legend, e.g. the program and the session's knobs. */
  title?: string;
  subtitle?: string;
}

/** Chromium's canvas limits: each side, and the area. */
const maxSidePx = 32_767;
const maxAreaPx = 268_435_456;
/** Below this, labels would be unreadable: refuse rather than hand out a blur. */
const minPixelRatio = 0.25;

const margin = 12;
const legendSwatch = { w: 26, h: 14 };
/** As the window shows an empty or just-started run (controller.ts). */
const minDomainUs = 1_000;

const runColors = { done: '#7fd1b0', running: ui.accent, cancelled: ui.textMuted, failed: ui.danger } as const;

interface Geometry {
  metrics: Metrics;
  layout: Layout;
  width: number;
  height: number;
  headerHeight: number;
  legendItems: {
    x: number;
    y: number;
    label: string;
    draw: (ctx: CanvasRenderingContext2D, x: number, y: number) => void;
  }[];
  legendTop: number;
  legendHeight: number;
  axisTop: number;
  axisHeight: number;
  bodyTop: number;
  plotLeft: number;
  plotWidth: number;
}

function fonts(m: Metrics) {
  return {
    normal: `400 ${m.fontPx}px ${ui.fontFamily}`,
    strong: `600 ${m.fontPx}px ${ui.fontFamily}`,
    strategy: `700 ${Math.round(m.fontPx * 1.12)}px ${ui.fontFamily}`,
    small: `400 ${m.smallFontPx}px ${ui.fontFamily}`,
    smallStrong: `600 ${m.smallFontPx}px ${ui.fontFamily}`,
    title: `700 ${Math.round(m.fontPx * 1.35)}px ${ui.fontFamily}`,
  };
}

function legendEntries(
  patterns: Patterns,
  dpr: number,
): { label: string; draw: Geometry['legendItems'][number]['draw'] }[] {
  const { w, h } = legendSwatch;
  const states = stateOrder.map((state) => ({
    label: stateLabels[state],
    draw: (ctx: CanvasRenderingContext2D, x: number, y: number) => {
      const bar = Math.max(3, Math.round(stateGlyphs[state].height * h));
      ctx.fillStyle = patterns.fill(ctx, dpr, state);
      ctx.fillRect(x, y + (h - bar) / 2, w, bar);
    },
  }));
  const marks = [
    {
      label: 'GIL holder',
      draw: (ctx: CanvasRenderingContext2D, x: number, y: number) =>
        holderPalette.slice(0, 3).forEach((color, i) => {
          ctx.fillStyle = color;
          ctx.fillRect(x + (i * w) / 3, y + 2, w / 3, h - 4);
        }),
    },
    {
      label: 'mixed',
      draw: (ctx: CanvasRenderingContext2D, x: number, y: number) => {
        ctx.fillStyle = mixedColor;
        ctx.fillRect(x, y + 2, w, h - 4);
      },
    },
    {
      label: 'print',
      draw: (ctx: CanvasRenderingContext2D, x: number, y: number) => {
        ctx.fillStyle = instantColors.print;
        ctx.beginPath();
        ctx.moveTo(x + w / 2 - 5, y);
        ctx.lineTo(x + w / 2 + 5, y);
        ctx.lineTo(x + w / 2, y + 7);
        ctx.closePath();
        ctx.fill();
        ctx.fillRect(x + w / 2 - 0.5, y, 1, h);
      },
    },
    {
      label: 'drop request',
      draw: (ctx: CanvasRenderingContext2D, x: number, y: number) => {
        ctx.fillStyle = instantColors.drop_request;
        ctx.fillRect(x + w / 2 - 1, y + h - 6, 2, 6);
      },
    },
    {
      label: 'forced switch',
      draw: (ctx: CanvasRenderingContext2D, x: number, y: number) => {
        ctx.fillStyle = instantColors.forced_switch;
        ctx.fillRect(x + w / 2 - 1, y, 2, 6);
      },
    },
  ];
  return [...states, ...marks];
}

function measureGeometry(
  runs: readonly RunRecord[],
  view: TimelineImageView,
  options: TimelineImageOptions,
  measure: CanvasRenderingContext2D,
  patterns: Patterns,
): Geometry {
  const metrics = options.presenter ? presenterMetrics : normalMetrics;
  const f = fonts(metrics);
  const layout = layoutRuns(runs, metrics);
  const plotWidth = Math.max(100, Math.round(view.plotWidth));
  const width = margin + metrics.gutter + plotWidth + margin;

  let y = margin;
  if (options.title) y += Math.round(metrics.fontPx * 1.35 * 1.5);
  if (options.subtitle) y += Math.round(metrics.smallFontPx * 1.6);
  const headerHeight = y - margin;
  if (headerHeight > 0) y += 6;

  // The legend flows in rows across the image's width, as the toolbar's legend wraps.
  measure.font = f.small;
  const rowHeight = Math.max(legendSwatch.h, metrics.smallFontPx) + 6;
  const legendTop = y;
  const legendItems: Geometry['legendItems'] = [];
  let x = margin;
  let row = 0;
  for (const entry of legendEntries(patterns, 1)) {
    const itemWidth = legendSwatch.w + 6 + measure.measureText(entry.label).width;
    if (x > margin && x + itemWidth > width - margin) {
      x = margin;
      row++;
    }
    legendItems.push({ x, y: legendTop + row * rowHeight, label: entry.label, draw: entry.draw });
    x += itemWidth + 14;
  }
  const legendHeight = (row + 1) * rowHeight;
  y += legendHeight + 8;

  const axisTop = y;
  const axisHeight = options.presenter ? 44 : 30;
  y += axisHeight;
  const bodyTop = y;
  y += layout.height + margin;
  return {
    metrics,
    layout,
    width,
    height: y,
    headerHeight,
    legendItems,
    legendTop,
    legendHeight,
    axisTop,
    axisHeight,
    bodyTop,
    plotLeft: margin + metrics.gutter,
    plotWidth,
  };
}

/** The image's size in CSS pixels and the pixel ratio it will be drawn at (the PNG is width × ratio). */
export function timelineImageSize(
  runs: readonly RunRecord[],
  view: TimelineImageView,
  options: TimelineImageOptions = {},
): { width: number; height: number; pixelRatio: number } {
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('this browser cannot draw to a canvas');
  const g = measureGeometry(runs, view, options, measure, new Patterns());
  return { width: g.width, height: g.height, pixelRatio: fitRatio(g.width, g.height, options.pixelRatio ?? 1) };
}

function fitRatio(width: number, height: number, wanted: number): number {
  return Math.min(wanted, maxSidePx / width, maxSidePx / height, Math.sqrt(maxAreaPx / (width * height)));
}

/** Draws pieces of text one after another on a line; returns where the last one ended. */
function drawPieces(
  ctx: CanvasRenderingContext2D,
  x: number,
  yMid: number,
  maxX: number,
  pieces: { text: string; font: string; color: string; gapBefore?: number }[],
): number {
  for (const piece of pieces) {
    x += piece.gapBefore ?? 0;
    if (x >= maxX) break;
    ctx.font = piece.font;
    ctx.fillStyle = piece.color;
    ctx.fillText(fit(ctx, piece.text, maxX - x), x, yMid);
    x += ctx.measureText(piece.text).width;
  }
  return x;
}

/** The text, cut with an ellipsis to fit the width, as the labels' CSS text-overflow does. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
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

/** A run's status in a rounded outline, as .tl-status draws it. */
function statusPill(
  ctx: CanvasRenderingContext2D,
  x: number,
  yMid: number,
  maxX: number,
  text: string,
  m: Metrics,
  color: string,
): number {
  ctx.font = fonts(m).smallStrong;
  const w = ctx.measureText(text).width + 14;
  if (x + w > maxX) return x;
  const h = Math.round(m.smallFontPx * 1.5);
  ctx.beginPath();
  ctx.roundRect(x + 0.5, yMid - h / 2 + 0.5, w - 1, h - 1, h / 2);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.fillText(text, x + 7, yMid);
  return x + w;
}

function drawRowLabel(ctx: CanvasRenderingContext2D, g: Geometry, row: Row, top: number): void {
  const m = g.metrics;
  const f = fonts(m);
  const left = margin;
  const right = g.width - margin;
  switch (row.kind) {
    case 'run': {
      const { info, summary } = row.run;
      const status = summary?.status ?? 'running';
      if (row.runIndex > 0) {
        ctx.fillStyle = ui.border;
        ctx.fillRect(left, top, right - left, 1);
      }
      const gradient = ctx.createLinearGradient(0, top, 0, top + row.height);
      gradient.addColorStop(0, 'rgba(255, 255, 255, 0.035)');
      gradient.addColorStop(1, 'rgba(255, 255, 255, 0)');
      ctx.fillStyle = gradient;
      ctx.fillRect(left, top + 1, right - left, row.height - 1);
      const yMid = top + row.height / 2;
      const dot = m.fontPx * 0.7;
      ctx.fillStyle = strategyColors[info.strategy];
      ctx.beginPath();
      ctx.arc(left + 12 + dot / 2, yMid, dot / 2, 0, Math.PI * 2);
      ctx.fill();
      const wall = summary ? formatDuration(summary.wallMs * 1000) : `${formatDuration(runLengthUs(row.run))} so far`;
      const fact = (value: string, rest: string) => [
        { text: value, font: f.strong, color: ui.text, gapBefore: 12 },
        { text: rest, font: f.normal, color: ui.textMuted },
      ];
      let x = drawPieces(ctx, left + 12 + dot + 7, yMid, right, [
        { text: info.strategy, font: f.strategy, color: ui.text },
        ...fact(String(info.workers), ` worker${info.workers === 1 ? '' : 's'}`),
        { text: 'wall ', font: f.normal, color: ui.textMuted, gapBefore: 12 },
        { text: wall, font: f.strong, color: ui.text },
        ...(summary && summary.speedup !== null ? fact(`${summary.speedup.toFixed(2)}×`, ' vs sequential') : []),
        ...(summary && summary.handoffs > 0 ? fact(String(summary.handoffs), ' hand-offs') : []),
      ]);
      x = statusPill(ctx, x + 12, yMid, right, status, m, runColors[status]);
      const notes = [summary?.reason, summary?.truncated ? 'trace truncated' : undefined].filter(Boolean) as string[];
      drawPieces(
        ctx,
        x,
        yMid,
        right,
        notes.map((text) => ({ text, font: f.normal, color: ui.danger, gapBefore: 12 })),
      );
      return;
    }
    case 'process': {
      const yMid = top + row.height / 2;
      const gils = row.gils.length;
      const note = gils === 0 ? 'no GIL' : gils === 1 ? 'one GIL' : `${gils} GILs, one per interpreter`;
      const x = drawPieces(ctx, left + 12, yMid, right, [
        { text: row.process.name, font: f.smallStrong, color: ui.text },
        ...(row.process.osPid > 0
          ? [{ text: `pid ${row.process.osPid}`, font: f.small, color: ui.textMuted, gapBefore: 8 }]
          : []),
      ]);
      ctx.font = f.small;
      const w = ctx.measureText(note).width + 12;
      const h = Math.round(m.smallFontPx * 1.4);
      ctx.fillStyle = 'rgba(255, 255, 255, 0.06)';
      ctx.beginPath();
      ctx.roundRect(x + 8, yMid - h / 2, w, h, 3);
      ctx.fill();
      ctx.fillStyle = gils === 0 ? '#8fd6c2' : ui.textMuted;
      ctx.fillText(note, x + 14, yMid);
      return;
    }
    case 'gil': {
      const yMid = top + m.gilLane / 2;
      drawPieces(ctx, left + 24, yMid, left + m.gutter - 10, [
        { text: 'GIL holder', font: f.small, color: ui.textMuted },
      ]);
      return;
    }
    case 'thread': {
      const yMid = top + m.lane / 2;
      const s = Math.round(m.fontPx * 0.7);
      const x = left + 24;
      if (row.holderColor) {
        ctx.fillStyle = row.holderColor;
        ctx.beginPath();
        ctx.roundRect(x, yMid - s / 2, s, s, 2);
        ctx.fill();
      } else {
        ctx.strokeStyle = ui.textMuted;
        ctx.setLineDash([2, 2]);
        ctx.strokeRect(x + 0.5, yMid - s / 2 + 0.5, s - 1, s - 1);
        ctx.setLineDash([]);
      }
      drawPieces(ctx, x + s + 7, yMid, left + m.gutter - 10, [
        { text: row.thread.name, font: f.normal, color: ui.text },
      ]);
    }
  }
}

/**
 * Draws the timeline of `runs` whole — every run header and lane, the axis, the lane labels and the
 * legend — at the given zoom, and encodes it as a PNG.
 */
export async function renderTimelinePng(
  runs: readonly RunRecord[],
  view: TimelineImageView,
  options: TimelineImageOptions = {},
): Promise<Blob> {
  if (runs.length === 0) throw new Error('there are no runs to draw');
  if (!(view.endUs > view.startUs))
    throw new Error(`the time range must not be empty, got ${view.startUs}..${view.endUs} µs`);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw to a canvas');
  const patterns = new Patterns();
  const g = measureGeometry(runs, view, options, ctx, patterns);
  const ratio = fitRatio(g.width, g.height, options.pixelRatio ?? 1);
  if (ratio < minPixelRatio)
    throw new Error(
      `the timeline is too large for one image: ${g.width} × ${g.height} px, at most ${maxSidePx} px a side (zoom in on fewer runs, or export the Chrome trace)`,
    );
  canvas.width = Math.round(g.width * ratio);
  canvas.height = Math.round(g.height * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = ui.surface;
  ctx.fillRect(0, 0, g.width, g.height);
  ctx.textBaseline = 'middle';
  const m = g.metrics;
  const f = fonts(m);

  // Heading.
  let y = margin;
  if (options.title) {
    const h = Math.round(m.fontPx * 1.35 * 1.5);
    drawPieces(ctx, margin, y + h / 2, g.width - margin, [{ text: options.title, font: f.title, color: ui.text }]);
    y += h;
  }
  if (options.subtitle) {
    const h = Math.round(m.smallFontPx * 1.6);
    drawPieces(ctx, margin, y + h / 2, g.width - margin, [
      { text: options.subtitle, font: f.small, color: ui.textMuted },
    ]);
  }

  // Legend: the same glyphs as the lanes (patterns included).
  const entries = legendEntries(patterns, ratio);
  g.legendItems.forEach((item, i) => {
    entries[i].draw(ctx, item.x, item.y + 3);
    drawPieces(ctx, item.x + legendSwatch.w + 6, item.y + 3 + legendSwatch.h / 2, g.width - margin, [
      { text: item.label, font: f.small, color: ui.textMuted },
    ]);
  });
  ctx.fillStyle = ui.border;
  ctx.fillRect(margin, g.axisTop - 4, g.width - 2 * margin, 1);

  // Axis: the scale and ticks controller.ts uses for the same width and range.
  const { startUs, endUs } = view;
  const scale = scaleLinear().domain([startUs, endUs]).range([0, g.plotWidth]);
  const ticks = scale.ticks(Math.max(2, Math.floor(g.plotWidth / (m.fontPx * 9))));
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : endUs - startUs;
  const label = tickFormat(step);
  const axisBottom = g.axisTop + g.axisHeight - 1;
  drawPieces(ctx, margin + 12, axisBottom - 6 - m.smallFontPx / 2, g.plotLeft - 8, [
    { text: 'time since run start', font: f.small, color: ui.textMuted },
  ]);
  ctx.fillStyle = ui.border;
  ctx.fillRect(g.plotLeft, axisBottom, g.plotWidth, 1);
  ctx.font = f.small;
  ctx.textAlign = 'center';
  for (const tick of ticks) {
    const x = g.plotLeft + Math.round(scale(tick)) + 0.5;
    ctx.fillStyle = 'rgba(154, 164, 178, 0.6)';
    ctx.fillRect(x - 0.5, axisBottom - 5, 1, 5);
    ctx.fillStyle = ui.textMuted;
    // The last label stays inside the image rather than past its edge.
    const text = label(tick);
    const half = ctx.measureText(text).width / 2;
    ctx.fillText(text, Math.min(x, g.width - margin / 2 - half), axisBottom - 9 - m.smallFontPx / 2);
  }
  ctx.textAlign = 'start';

  // Lanes: drawFrame on a canvas of their own covering the whole body, not just a window's band.
  const lanes = document.createElement('canvas');
  lanes.width = Math.max(1, Math.round(g.plotWidth * ratio));
  lanes.height = Math.max(1, Math.round(g.layout.height * ratio));
  const lanesCtx = lanes.getContext('2d');
  if (!lanesCtx) throw new Error('this browser cannot draw to a canvas');
  drawFrame({
    ctx: lanesCtx,
    dpr: ratio,
    width: g.plotWidth,
    bandTop: 0,
    bandHeight: g.layout.height,
    layout: g.layout,
    metrics: m,
    startUs,
    endUs,
    runLengths: runs.map(runLengthUs),
    live: runs.map((r) => !r.summary),
    ticks,
    patterns: new Patterns(),
    scratch: new LodScratch(),
  });

  // Labels first, lanes over them: a run header spans the plot, where its run has no lane.
  ctx.save();
  for (const row of g.layout.rows) drawRowLabel(ctx, g, row, g.bodyTop + row.y);
  ctx.restore();
  ctx.drawImage(lanes, g.plotLeft, g.bodyTop, g.plotWidth, g.layout.height);

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the timeline image could not be encoded'))),
      'image/png',
    ),
  );
}

/** The whole time range of the runs, as the window shows them before any zoom. */
export function fullRange(runs: readonly RunRecord[]): { startUs: number; endUs: number } {
  return { startUs: 0, endUs: Math.max(minDomainUs, ...runs.map(runLengthUs)) };
}
