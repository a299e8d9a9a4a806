// The whole timeline as one image, for the PNG export: title, legend, axis, every run's header and
// every lane (not just the band the window shows), at the zoom on screen. Lanes come from the same
// drawFrame the window uses; legend, axis and row labels from the same descriptions (labels.ts),
// painted by paint-labels.ts.
import type { RunRecord } from '../../../common/run-record';
import { ui } from '../theme';
import { drawFrame, Patterns } from './draw';
import { axisTicks, axisTitle, legendItems, rowLabel, swatchSize, type LegendItem } from './labels';
import { layoutRuns, normalMetrics, presenterMetrics, type Layout, type Metrics } from './layout';
import { LodScratch } from './lod';
import {
  fonts,
  paintAxis,
  paintLegendItem,
  paintRowLabel,
  paintText,
  type FillResolver,
  type LabelContext,
} from './paint-labels';
import { runLengthUs, type TimelineView } from './stats';

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

export interface Geometry {
  metrics: Metrics;
  layout: Layout;
  width: number;
  height: number;
  headerHeight: number;
  legend: { x: number; y: number; item: LegendItem }[];
  axisTop: number;
  axisHeight: number;
  bodyTop: number;
  plotLeft: number;
  plotWidth: number;
}

export function measureGeometry(
  runs: readonly RunRecord[],
  view: TimelineView,
  options: TimelineImageOptions,
  measure: LabelContext,
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
  const rowHeight = Math.max(swatchSize.h, metrics.smallFontPx) + 6;
  const legendTop = y;
  const legend: Geometry['legend'] = [];
  let x = margin;
  let row = 0;
  for (const item of legendItems()) {
    const itemWidth = swatchSize.w + 6 + measure.measureText(item.label).width;
    if (x > margin && x + itemWidth > width - margin) {
      x = margin;
      row++;
    }
    legend.push({ x, y: legendTop + row * rowHeight, item });
    x += itemWidth + 14;
  }
  y += (row + 1) * rowHeight + 8;

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
    legend,
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
  view: TimelineView,
  options: TimelineImageOptions = {},
): { width: number; height: number; pixelRatio: number } {
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('this browser cannot draw to a canvas');
  const g = measureGeometry(runs, view, options, measure);
  return { width: g.width, height: g.height, pixelRatio: fitRatio(g.width, g.height, options.pixelRatio ?? 1) };
}

function fitRatio(width: number, height: number, wanted: number): number {
  return Math.min(wanted, maxSidePx / width, maxSidePx / height, Math.sqrt(maxAreaPx / (width * height)));
}

/**
 * Everything of the image but the lanes: heading, legend, axis and row labels, from the same
 * descriptions the window renders (labels.ts). Separate from the lanes so a test can record it.
 */
export function paintImageLabels(
  ctx: LabelContext,
  g: Geometry,
  view: { startUs: number; endUs: number },
  options: TimelineImageOptions,
  fillOf: FillResolver,
): void {
  const m = g.metrics;
  const f = fonts(m);
  const right = g.width - margin;
  let y = margin;
  if (options.title) {
    const h = Math.round(m.fontPx * 1.35 * 1.5);
    paintText(ctx, options.title, margin, y + h / 2, right, f.title, ui.text);
    y += h;
  }
  if (options.subtitle)
    paintText(ctx, options.subtitle, margin, y + Math.round(m.smallFontPx * 1.6) / 2, right, f.small, ui.textMuted);

  for (const { x, y: top, item } of g.legend) paintLegendItem(ctx, item, x, top + 3, right, m, fillOf);
  ctx.fillStyle = ui.border;
  ctx.fillRect(margin, g.axisTop - 4, g.width - 2 * margin, 1);

  const ticks = axisTicks(view.startUs, view.endUs, g.plotWidth, m.fontPx);
  const bottom = g.axisTop + g.axisHeight - 1;
  paintAxis(
    ctx,
    ticks,
    axisTitle,
    { left: margin, plotLeft: g.plotLeft, plotWidth: g.plotWidth, bottom, maxX: g.width - margin / 2 },
    m,
  );

  for (const row of g.layout.rows) paintRowLabel(ctx, row, rowLabel(row), g.bodyTop + row.y, margin, right, m);
}

/**
 * Draws the timeline of `runs` whole — every run header and lane, the axis, the lane labels and the
 * legend — at the given zoom, and encodes it as a PNG.
 */
export async function renderTimelinePng(
  runs: readonly RunRecord[],
  view: TimelineView,
  options: TimelineImageOptions = {},
): Promise<Blob> {
  if (runs.length === 0) throw new Error('there are no runs to draw');
  if (!(view.endUs > view.startUs))
    throw new Error(`the time range must not be empty, got ${view.startUs}..${view.endUs} µs`);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw to a canvas');
  const g = measureGeometry(runs, view, options, ctx);
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
  const patterns = new Patterns();
  // Labels first, lanes over them: a run header spans the plot, where its run has no lane.
  ctx.save();
  paintImageLabels(ctx, g, view, options, (fill) =>
    'color' in fill ? fill.color : patterns.fill(ctx, ratio, fill.state),
  );
  ctx.restore();

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
    metrics: g.metrics,
    startUs: view.startUs,
    endUs: view.endUs,
    runLengths: runs.map(runLengthUs),
    live: runs.map((r) => !r.summary),
    ticks: axisTicks(view.startUs, view.endUs, g.plotWidth, g.metrics.fontPx).map((t) => t.us),
    patterns: new Patterns(),
    scratch: new LodScratch(),
  });
  ctx.drawImage(lanes, g.plotLeft, g.bodyTop, g.plotWidth, g.layout.height);

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the timeline image could not be encoded'))),
      'image/png',
    ),
  );
}
