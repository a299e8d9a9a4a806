// One frame of the lanes on the canvas. What it draws depends only on (runs, layout, view, visible
// band); the buffers it fills (rectangle lists here, the caller's LodScratch and Patterns) are kept
// between frames so a frame allocates little, and are cleared before each use. Rectangles come from
// the level-of-detail merge and are filled batched by colour.
import { STATE_COUNT, stateCode, threadStates, type Instant, type InstantKind } from '../../../common/trace';
import {
  instantColors,
  mixedColor,
  patternTiles,
  stateColors,
  stateGlyphs,
  tileSize,
  ui,
  type GlyphPattern,
} from '../theme';
import { type GilRow, type Layout, type Metrics, type ThreadRow } from './layout';
import { laneRects, newLaneRects, type LaneRects, type LodScratch, type LodSource } from './lod';

export interface FrameInput {
  ctx: CanvasRenderingContext2D;
  dpr: number;
  /** CSS pixels of the plot (the canvas's width). */
  width: number;
  /** The part of the layout the canvas shows (it covers only what is on screen). */
  bandTop: number;
  bandHeight: number;
  layout: Layout;
  metrics: Metrics;
  startUs: number;
  endUs: number;
  /** Per run (by index): how long it lasted, µs. */
  runLengths: number[];
  /** Per run: still running (its end line is the accent-coloured "now"). */
  live: boolean[];
  /** Axis ticks, µs: faint grid lines. */
  ticks: number[];
  patterns: Patterns;
  scratch: LodScratch;
}

export interface FrameStats {
  rects: number;
  lanes: number;
}

/** Hatching and stripes, made once per canvas and pixel ratio. */
export class Patterns {
  private made = new Map<string, CanvasPattern | string>();

  fill(ctx: CanvasRenderingContext2D, dpr: number, state: (typeof threadStates)[number]): CanvasPattern | string {
    const glyph = stateGlyphs[state];
    if (glyph.pattern === 'solid') return stateColors[state];
    const key = `${state}@${dpr}`;
    let pattern = this.made.get(key);
    if (!pattern) {
      pattern = makePattern(ctx, dpr, stateColors[state], glyph.pattern) ?? stateColors[state];
      this.made.set(key, pattern);
    }
    return pattern;
  }
}

/** A state's pattern tile (patternTiles, theme.ts) drawn in device pixels. */
function makePattern(
  ctx: CanvasRenderingContext2D,
  dpr: number,
  color: string,
  kind: Exclude<GlyphPattern, 'solid'>,
): CanvasPattern | null {
  const tile = patternTiles[kind];
  const size = Math.max(4, Math.round(tileSize * dpr));
  const k = size / tileSize;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const t = canvas.getContext('2d');
  if (!t) return null;
  t.fillStyle = color;
  t.globalAlpha = tile.alpha;
  t.fillRect(0, 0, size, size);
  t.globalAlpha = 1;
  if (tile.lines.length > 0) {
    t.strokeStyle = color;
    t.lineWidth = Math.max(1, tile.lineWidth * k);
    t.beginPath();
    for (const [x0, y0, x1, y1] of tile.lines) {
      t.moveTo(x0 * k, y0 * k);
      t.lineTo(x1 * k, y1 * k);
    }
    t.stroke();
  }
  for (const [cx, cy, r] of tile.dots) {
    t.beginPath();
    t.arc(cx * k, cy * k, r * k, 0, Math.PI * 2);
    t.fill();
  }
  const pattern = ctx.createPattern(canvas, 'repeat');
  // Tiles are drawn in device pixels; the context draws in CSS pixels.
  pattern?.setTransform(new DOMMatrix().scale(1 / dpr));
  return pattern;
}

/** Bars narrower than this are filled solid: a pattern would not show on them. */
const patternMinPx = 6;

const threadRects = newLaneRects(STATE_COUNT);
const gilRects = new Map<number, LaneRects>();
const threadSource: LodSource[] = [{ intervals: [] }];

export function drawFrame(f: FrameInput): FrameStats {
  const { ctx, dpr, width, bandTop, bandHeight, layout, metrics, startUs, endUs } = f;
  const pxPerUs = width / (endUs - startUs);
  const xOf = (us: number) => (us - startUs) * pxPerUs;
  ctx.setTransform(dpr, 0, 0, dpr, 0, -bandTop * dpr);
  ctx.clearRect(0, bandTop, width, bandHeight);
  const bandBottom = bandTop + bandHeight;
  const view = { startUs, endUs, widthPx: width };
  let rects = 0;
  let lanes = 0;

  // Each lane's own time: a longer wall time is a longer band.
  ctx.fillStyle = ui.laneActive;
  for (const lane of layout.lanes) {
    if (lane.y + lane.height < bandTop || lane.y > bandBottom) continue;
    const x1 = Math.min(width, xOf(f.runLengths[lane.runIndex] ?? 0));
    const h = lane.kind === 'gil' ? metrics.gilLane : metrics.lane;
    if (x1 > 0) ctx.fillRect(0, lane.y, x1, h);
  }

  ctx.fillStyle = ui.grid;
  for (const tick of f.ticks) ctx.fillRect(Math.round(xOf(tick)), bandTop, 1, bandHeight);

  for (const lane of layout.lanes) {
    if (lane.y + lane.height < bandTop) continue;
    if (lane.y > bandBottom) break;
    lanes++;
    if (lane.kind === 'thread') rects += drawThreadLane(f, lane, view);
    else rects += drawGilLane(f, lane, view);
  }

  // Where each run ended, across its lanes; a live run's "now".
  layout.runSpans.forEach((span, i) => {
    const x = xOf(f.runLengths[i] ?? 0);
    if (x < 0 || x > width || span.y1 < bandTop || span.y0 > bandBottom) return;
    const top = span.y0 + metrics.runHeader;
    ctx.fillStyle = f.live[i] ? ui.accent : ui.runEnd;
    ctx.fillRect(Math.min(Math.round(x), width - 1), top, 1, span.y1 - top);
  });
  return { rects, lanes };
}

function drawThreadLane(
  f: FrameInput,
  lane: ThreadRow,
  view: { startUs: number; endUs: number; widthPx: number },
): number {
  const { ctx, metrics } = f;
  const trace = lane.run.traces[lane.thread.tid];
  if (!trace) return 0;
  threadSource[0].intervals = trace.intervals;
  laneRects(threadSource, view, threadRects, f.scratch);
  const h = metrics.lane;
  let count = 0;
  for (const layer of [threadRects.columns, threadRects.exact]) {
    for (let key = 0; key <= STATE_COUNT; key++) {
      const list = layer[key];
      if (list.length === 0) continue;
      const mixed = key === STATE_COUNT;
      const state = threadStates[key];
      const height = Math.max(2, Math.round((mixed ? 0.75 : stateGlyphs[state].height) * h));
      const y = lane.y + (h - height) / 2;
      count += list.length / 2;
      if (mixed || stateGlyphs[state].pattern === 'solid') {
        ctx.fillStyle = mixed ? mixedColor : stateColors[state];
        for (let i = 0; i < list.length; i += 2) ctx.fillRect(list[i], y, list[i + 1], height);
        continue;
      }
      // A pattern shows only on a wide bar, and costs the rasteriser far more than a solid fill.
      ctx.fillStyle = stateColors[state];
      for (let i = 0; i < list.length; i += 2)
        if (list[i + 1] < patternMinPx) ctx.fillRect(list[i], y, list[i + 1], height);
      ctx.fillStyle = f.patterns.fill(ctx, f.dpr, state);
      for (let i = 0; i < list.length; i += 2)
        if (list[i + 1] >= patternMinPx) ctx.fillRect(list[i], y, list[i + 1], height);
    }
  }
  drawInstants(f, lane, trace.instants);
  return count;
}

function drawGilLane(f: FrameInput, lane: GilRow, view: { startUs: number; endUs: number; widthPx: number }): number {
  const { ctx, metrics } = f;
  const keys = lane.holders.length;
  let out = gilRects.get(keys);
  if (!out) {
    out = newLaneRects(keys);
    gilRects.set(keys, out);
  }
  const sources: LodSource[] = lane.holders.map((thread, key) => ({
    intervals: lane.run.traces[thread.tid]?.intervals ?? [],
    onlyState: stateCode.running,
    key,
  }));
  laneRects(sources, view, out, f.scratch);
  const h = metrics.gilLane;
  let count = 0;
  for (const layer of [out.columns, out.exact]) {
    for (let key = 0; key <= keys; key++) {
      const list = layer[key];
      if (list.length === 0) continue;
      ctx.fillStyle = key === keys ? mixedColor : lane.colors[key];
      for (let i = 0; i < list.length; i += 2) ctx.fillRect(list[i], lane.y, list[i + 1], h);
      count += list.length / 2;
    }
  }
  return count;
}

/** First instant at or after `us` (a thread's instants are in time order). */
function firstInstant(instants: readonly Instant[], us: number): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (instants[mid].tUs < us) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const tickKinds: InstantKind[] = ['drop_request', 'forced_switch'];
/** Instants a viewer must never miss, indexed apart from the (possibly millions of) ticks. */
const rareKinds = new Set<InstantKind>(['print', 'error', 'truncated']);
/** At most this many ticks are looked at per pixel before jumping to the next pixel. */
const ticksPerPixel = 8;

/**
 * Per instants array, its prints and flags. Traces only grow by appending, so the index is
 * extended from where it stopped; a new array gets a new index.
 */
const rareIndex = new WeakMap<readonly Instant[], { scanned: number; rare: Instant[] }>();

export function rareInstants(instants: readonly Instant[]): Instant[] {
  let index = rareIndex.get(instants);
  if (!index || index.scanned > instants.length) {
    index = { scanned: 0, rare: [] };
    rareIndex.set(instants, index);
  }
  for (let i = index.scanned; i < instants.length; i++)
    if (rareKinds.has(instants[i].kind)) index.rare.push(instants[i]);
  index.scanned = instants.length;
  return index.rare;
}

function drawInstants(f: FrameInput, lane: ThreadRow, instants: readonly Instant[]): void {
  if (instants.length === 0) return;
  const { ctx, metrics, startUs, endUs, width } = f;
  const usPerPx = (endUs - startUs) / width;
  const xOf = (us: number) => (us - startUs) / usPerPx;
  const h = metrics.lane;

  // Drop requests and forced switches: one tick per kind per pixel, and none at all while they
  // would be closer than a few pixels apart (a comb of ticks hides the lane).
  const ticks: Record<string, number[]> = { drop_request: [], forced_switch: [] };
  let i = firstInstant(instants, startUs);
  const dense = firstInstant(instants, endUs) - i > width / 6;
  while (!dense && i < instants.length && instants[i].tUs <= endUs) {
    const column = Math.floor(xOf(instants[i].tUs));
    const columnEndUs = startUs + (column + 1) * usPerPx;
    let seen = 0;
    let sawDrop = false;
    let sawForced = false;
    while (i < instants.length && instants[i].tUs < columnEndUs && seen < ticksPerPixel) {
      const kind = instants[i].kind;
      if (kind === 'drop_request') sawDrop = true;
      else if (kind === 'forced_switch') sawForced = true;
      seen++;
      i++;
    }
    if (seen === 0) i++; // rounding put it past its own pixel's end: still move on
    if (sawDrop) ticks.drop_request.push(column + 0.5);
    if (sawForced) ticks.forced_switch.push(column + 0.5);
    if (i < instants.length && instants[i].tUs < columnEndUs) i = firstInstant(instants, columnEndUs);
  }
  const tickH = Math.max(3, Math.round(h * 0.32));
  for (const kind of tickKinds) {
    const xs = ticks[kind];
    if (xs.length === 0) continue;
    ctx.fillStyle = instantColors[kind];
    const y = kind === 'forced_switch' ? lane.y : lane.y + h - tickH;
    for (const x of xs) ctx.fillRect(x - 0.5, y, 1, tickH);
  }

  const rare = rareInstants(instants);
  const prints: number[] = [];
  const flags: Instant[] = [];
  let lastPrintColumn = -1;
  for (let j = firstInstant(rare, startUs); j < rare.length && rare[j].tUs <= endUs; j++) {
    const instant = rare[j];
    const x = xOf(instant.tUs);
    if (instant.kind !== 'print') flags.push(instant);
    else if (Math.floor(x) !== lastPrintColumn) {
      lastPrintColumn = Math.floor(x);
      prints.push(x);
    }
  }
  if (prints.length > 0) {
    const s = Math.max(4, Math.round(h * 0.3));
    ctx.fillStyle = instantColors.print;
    for (const x of prints) ctx.fillRect(x - 0.5, lane.y, 1, h);
    ctx.beginPath();
    for (const x of prints) {
      ctx.moveTo(x - s, lane.y - 1);
      ctx.lineTo(x + s, lane.y - 1);
      ctx.lineTo(x, lane.y + s * 1.2);
      ctx.closePath();
    }
    ctx.fill();
  }
  for (const flag of flags) drawFlag(f, lane, flag);
}

function drawFlag(f: FrameInput, lane: ThreadRow, flag: Instant): void {
  const { ctx, metrics, startUs, endUs, width } = f;
  const x = ((flag.tUs - startUs) / (endUs - startUs)) * width;
  const color = instantColors[flag.kind];
  const h = metrics.lane;
  ctx.fillStyle = color;
  ctx.fillRect(Math.round(x) - 1, lane.y - 2, 2, h + 4);
  const text = (flag.kind === 'error' ? '⚠ ' : '✂ ') + (flag.text ?? flag.kind);
  ctx.font = `600 ${metrics.smallFontPx}px ${ui.fontFamily}`;
  const shown = text.length > 90 ? `${text.slice(0, 89)}…` : text;
  const textWidth = ctx.measureText(shown).width;
  const pad = 4;
  // Flags near the right edge put their label on the left of the line.
  const left = x + 3 + textWidth + pad * 2 > width ? x - 3 - textWidth - pad * 2 : x + 3;
  ctx.fillStyle = ui.flagBackground;
  ctx.fillRect(left, lane.y, textWidth + pad * 2, h);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.strokeRect(left + 0.5, lane.y + 0.5, textWidth + pad * 2 - 1, h - 1);
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.fillText(shown, left + pad, lane.y + h / 2 + 0.5);
}
