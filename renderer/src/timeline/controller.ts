// The timeline outside React: one canvas frame per animation frame, the axis, and the hover,
// wired to the zoom (zoom.ts), the keys (keys.ts) and the brush (brush.ts). The zoom lives here
// so panning never re-renders React; the selection does not: its owner passes it in with the model.
import { axisTop, select } from 'd3';
import type { RunRecord } from '../../../common/run-record';
import { BrushControl } from './brush';
import { drawFrame, Patterns } from './draw';
import { hoverInfo } from './hover';
import { KeyControl } from './keys';
import { axisTicks } from './labels';
import { formatAt } from './format';
import { laneAt, type Layout, type Metrics } from './layout';
import { LodScratch } from './lod';
import { minDomainUs, runLengthUs, type TimelineView, type TimeRange } from './stats';
import { HoverView } from './tooltip';
import { ZoomControl } from './zoom';

export interface TimelineElements {
  root: HTMLElement;
  plot: HTMLElement;
  canvas: HTMLCanvasElement;
  axis: SVGGElement;
  brush: SVGGElement;
  hoverLine: HTMLElement;
  hoverLabel: HTMLElement;
  tooltip: HTMLElement;
  /** The axis's plot part: a click or drag there places the time cursor. */
  axisPlot: HTMLElement;
  cursorLine: HTMLElement;
  cursorLabel: HTMLElement;
}

/** What the timeline tells its owner. */
export interface TimelineCallbacks {
  onSelect(range: TimeRange | null): void;
  /** The time cursor moved to `us` (null: cleared); `runId`: the run clicked on, when the click was on one. */
  onCursor(us: number | null, runId?: string): void;
}

export interface TimelineModel {
  runs: readonly RunRecord[];
  layout: Layout;
  metrics: Metrics;
  /** The selected range, held by the timeline's owner. */
  selection: TimeRange | null;
  /** The time cursor, µs since the runs started, held by the timeline's owner (null: none). */
  cursorUs: number | null;
}

/** Detail of the `timeline-draw` event the root element receives after every frame (benchmark, tests). */
export interface DrawDetail {
  /** Time spent drawing this frame (level of detail, canvas, axis), ms. */
  ms: number;
  rects: number;
  startUs: number;
  endUs: number;
}

/** The rows of the layout the canvas covers: those inside the window (the canvas scrolls with them). */
export function canvasBand(
  layoutHeight: number,
  plotTop: number,
  viewportHeight: number,
): { top: number; height: number } {
  const height = Math.max(1, Math.min(layoutHeight, viewportHeight));
  const top = Math.floor(Math.min(Math.max(0, -plotTop), Math.max(0, layoutHeight - height)));
  return { top, height };
}

/** The run whose rows cover a y coordinate (layout space), if any. */
export function runAt(model: Pick<TimelineModel, 'runs' | 'layout'>, y: number): RunRecord | null {
  const i = model.layout.runSpans.findIndex((span) => y >= span.y0 && y < span.y1);
  return i >= 0 ? (model.runs[i] ?? null) : null;
}

export class TimelineController {
  private model: TimelineModel | null = null;
  private width = 0;
  private synced = { width: -1, domainUs: -1, height: -1 };
  private frame = 0;
  private panning = false;
  private pointer: { x: number; y: number; clientX: number; clientY: number } | null = null;
  private band = { top: -1, height: -1, dpr: 0 };
  private firstRunId: string | undefined;
  private readonly zoom: ZoomControl;
  private readonly brush: BrushControl;
  private readonly keys: KeyControl;
  private readonly hover: HoverView;
  private readonly patterns = new Patterns();
  private readonly scratch = new LodScratch();
  private readonly resizeObserver: ResizeObserver;
  private readonly cleanup: (() => void)[] = [];

  private draggingCursor: number | null = null;
  private readonly onSelect: (range: TimeRange | null) => void;

  constructor(
    private readonly els: TimelineElements,
    private readonly callbacks: TimelineCallbacks,
  ) {
    const onSelect = (range: TimeRange | null) => callbacks.onSelect(range);
    this.onSelect = onSelect;
    this.hover = new HoverView(els);
    this.zoom = new ZoomControl(els.plot, {
      accepts: (event) => this.zoomAccepts(event),
      onPanStart: () => {
        this.panning = true;
        els.plot.classList.add('is-panning');
        this.hover.hideTooltip();
      },
      onPanEnd: () => {
        this.panning = false;
        els.plot.classList.remove('is-panning');
      },
      onChange: () => this.requestDraw(),
    });
    this.brush = new BrushControl(els.brush, onSelect);
    this.keys = new KeyControl(els.root, {
      zoom: (factor) => {
        const p = this.pointer;
        this.zoom.zoomBy(factor, p && p.x >= 0 && p.x <= this.width ? p.x : this.width / 2);
      },
      pan: (share) => this.zoom.panBy(share * this.width),
      escape: () => {
        if (this.model?.selection) this.onSelect(null);
        else if (this.model?.cursorUs !== null) this.callbacks.onCursor(null);
      },
      nudgeCursor: (direction, fine) => this.nudgeCursor(direction, fine),
    });
    // The time cursor: press or drag on the axis, or click (without dragging) on the lanes.
    this.listen(els.axisPlot, 'pointerdown', (e) => this.onAxisPointer(e as PointerEvent, 'down'));
    this.listen(els.axisPlot, 'pointermove', (e) => this.onAxisPointer(e as PointerEvent, 'move'));
    this.listen(els.axisPlot, 'pointerup', (e) => this.onAxisPointer(e as PointerEvent, 'up'));
    this.listen(els.axisPlot, 'pointercancel', (e) => this.onAxisPointer(e as PointerEvent, 'up'));
    this.listen(els.plot, 'click', (e) => this.onPlotClick(e as MouseEvent));
    this.listen(els.plot, 'pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.listen(els.plot, 'pointerleave', () => {
      this.pointer = null;
      this.showHover();
    });
    this.listen(els.plot, 'wheel', (e) => this.onHorizontalWheel(e as WheelEvent), { passive: false });
    // The canvas covers only the visible part of the lanes: scrolling moves it.
    this.listen(window, 'scroll', () => this.onScroll(), { capture: true, passive: true });
    this.listen(window, 'resize', () => this.requestDraw());
    this.resizeObserver = new ResizeObserver(() => this.requestDraw());
    this.resizeObserver.observe(els.plot);
  }

  update(model: TimelineModel): void {
    const firstRunId = model.runs[0]?.info.runId;
    // A new session starts from the whole view and no selection.
    if (firstRunId !== this.firstRunId) {
      const wasShowing = this.firstRunId !== undefined;
      this.firstRunId = firstRunId;
      this.zoom.forget();
      this.synced.domainUs = -1;
      if (wasShowing && model.selection) this.onSelect(null);
      if (wasShowing && model.cursorUs !== null) this.callbacks.onCursor(null);
    }
    this.model = model;
    this.requestDraw();
  }

  /** The visible time range and the plot's width, as on screen now. */
  view(): TimelineView {
    return { ...this.zoom.visible(), plotWidth: this.els.plot.clientWidth };
  }

  resetZoom(): void {
    this.zoom.reset();
  }

  setBrushMode(on: boolean): void {
    this.brush.brushMode = on;
    this.els.root.classList.toggle('is-brush-mode', on);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    for (const undo of this.cleanup) undo();
    this.keys.destroy();
    this.zoom.destroy();
    this.brush.destroy();
    this.hover.hideTooltip();
  }

  private requestDraw(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw());
  }

  private zoomAccepts(event: Event): boolean {
    if (event.type === 'wheel') {
      const wheel = event as WheelEvent;
      return Math.abs(wheel.deltaY) >= Math.abs(wheel.deltaX);
    }
    const mouse = event as MouseEvent;
    if (mouse.shiftKey || this.brush.brushMode) return false;
    return !mouse.ctrlKey && !mouse.button;
  }

  private draw(): void {
    this.frame = 0;
    const model = this.model;
    if (!model) return;
    const began = performance.now();
    const { layout, metrics, runs } = model;
    const { plot, canvas, root } = this.els;
    this.width = plot.clientWidth;
    const runLengths = runs.map(runLengthUs);
    const domainUs = Math.max(minDomainUs, ...runLengths);
    if (this.width !== this.synced.width || domainUs !== this.synced.domainUs || layout.height !== this.synced.height) {
      this.synced = { width: this.width, domainUs, height: layout.height };
      this.zoom.sync(this.width, domainUs, layout.height);
      this.brush.resize(this.width, layout.height);
    }
    const { startUs, endUs } = this.zoom.visible();
    const scale = this.zoom.scale();
    const ticks = axisTicks(startUs, endUs, this.width, metrics.fontPx);

    const band = this.placeCanvas(layout.height);
    const ctx = canvas.getContext('2d');
    let rects = 0;
    if (ctx && band.height > 0 && this.width > 0) {
      rects = drawFrame({
        ctx,
        dpr: band.dpr,
        width: this.width,
        bandTop: band.top,
        bandHeight: band.height,
        layout,
        metrics,
        startUs,
        endUs,
        runLengths,
        live: runs.map((r) => !r.summary),
        ticks: ticks.map((t) => t.us),
        patterns: this.patterns,
        scratch: this.scratch,
      }).rects;
    }

    const axis = axisTop(scale)
      .tickValues(ticks.map((t) => t.us))
      .tickFormat((_, i) => ticks[i].label)
      .tickSizeOuter(0)
      .tickSizeInner(5)
      .tickPadding(4);
    select(this.els.axis).call(axis);
    this.brush.show(model.selection, scale, this.width);
    this.showCursor(startUs, endUs);
    this.showHover();

    const detail: DrawDetail = { ms: performance.now() - began, rects, startUs, endUs };
    root.dispatchEvent(new CustomEvent('timeline-draw', { detail, bubbles: true }));
  }

  private currentBand(height: number): { top: number; height: number } {
    return canvasBand(height, this.els.plot.getBoundingClientRect().top, window.innerHeight);
  }

  private placeCanvas(height: number): { top: number; height: number; dpr: number } {
    const { canvas } = this.els;
    const dpr = window.devicePixelRatio || 1;
    const { top, height: visibleHeight } = this.currentBand(height);
    const w = Math.max(1, Math.round(this.width * dpr));
    const h = Math.max(1, Math.round(visibleHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${this.width}px`;
      canvas.style.height = `${visibleHeight}px`;
    }
    if (this.band.top !== top) canvas.style.transform = `translateY(${top}px)`;
    this.band = { top, height: visibleHeight, dpr };
    return this.band;
  }

  private onScroll(): void {
    if (!this.model) return;
    const { top, height } = this.currentBand(this.model.layout.height);
    if (top !== this.band.top || height !== this.band.height) this.requestDraw();
  }

  private onPointerMove(event: PointerEvent): void {
    const rect = this.els.plot.getBoundingClientRect();
    this.pointer = {
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
      clientX: event.clientX,
      clientY: event.clientY,
    };
    this.showHover();
  }

  private showHover(): void {
    const p = this.pointer;
    if (!p || !this.model || p.x < 0 || p.x > this.width) return this.hover.hide();
    const { startUs, endUs } = this.zoom.visible();
    const usPerPx = (endUs - startUs) / Math.max(1, this.width);
    const us = startUs + p.x * usPerPx;
    this.hover.showLine(p.x, this.width, us, usPerPx);
    const lane = this.panning ? null : laneAt(this.model.layout, p.y);
    const info = lane ? hoverInfo(lane, us, usPerPx) : null;
    if (info) this.hover.showTooltip(info, p.clientX, p.clientY);
    else this.hover.hideTooltip();
  }

  /** Microseconds at `clientX` over the plot, within the runs' time range. */
  private usAtClientX(clientX: number): number {
    const { startUs, endUs } = this.zoom.visible();
    const x = clientX - this.els.plot.getBoundingClientRect().left;
    const us = startUs + (x / Math.max(1, this.width)) * (endUs - startUs);
    return Math.min(Math.max(0, us), this.synced.domainUs > 0 ? this.synced.domainUs : us);
  }

  private onAxisPointer(event: PointerEvent, phase: 'down' | 'move' | 'up'): void {
    const axis = this.els.axisPlot;
    if (phase === 'down') {
      if (event.button !== 0 || !this.model) return;
      event.preventDefault();
      axis.setPointerCapture?.(event.pointerId);
      this.draggingCursor = event.pointerId;
      axis.classList.add('is-dragging');
    } else if (this.draggingCursor !== event.pointerId) return;
    if (phase === 'up') {
      this.draggingCursor = null;
      axis.classList.remove('is-dragging');
      if (axis.hasPointerCapture?.(event.pointerId)) axis.releasePointerCapture(event.pointerId);
      return;
    }
    this.callbacks.onCursor(this.usAtClientX(event.clientX));
  }

  private onPlotClick(event: MouseEvent): void {
    // Shift and the brush mode select a range; a drag that panned is not a click (d3-zoom swallows it).
    if (!this.model || event.shiftKey || this.brush.brushMode || event.button !== 0) return;
    const y = event.clientY - this.els.plot.getBoundingClientRect().top;
    const run = runAt(this.model, y);
    this.callbacks.onCursor(this.usAtClientX(event.clientX), run?.info.runId);
  }

  private nudgeCursor(direction: -1 | 1, fine: boolean): boolean {
    const cursor = this.model?.cursorUs;
    if (cursor === null || cursor === undefined) return false;
    const { startUs, endUs } = this.zoom.visible();
    const step = fine ? (endUs - startUs) / Math.max(1, this.width) : (endUs - startUs) / 100;
    this.callbacks.onCursor(Math.min(Math.max(0, cursor + direction * step), this.synced.domainUs));
    return true;
  }

  /** The cursor's line across the lanes and its time on the axis, where it is in view. */
  private showCursor(startUs: number, endUs: number): void {
    const { cursorLine, cursorLabel } = this.els;
    const us = this.model?.cursorUs ?? null;
    const x = us === null ? -1 : ((us - startUs) / Math.max(1e-9, endUs - startUs)) * this.width;
    if (us === null || x < 0 || x > this.width) {
      cursorLine.style.display = 'none';
      cursorLabel.style.display = 'none';
      return;
    }
    cursorLine.style.display = 'block';
    cursorLine.style.transform = `translateX(${Math.round(x)}px)`;
    cursorLabel.style.display = 'block';
    cursorLabel.textContent = formatAt(us, (endUs - startUs) / Math.max(1, this.width));
    const w = cursorLabel.offsetWidth;
    cursorLabel.style.transform = `translateX(${Math.round(Math.min(Math.max(x - w / 2, 0), this.width - w))}px)`;
  }

  private onHorizontalWheel(event: WheelEvent): void {
    if (Math.abs(event.deltaX) <= Math.abs(event.deltaY)) return;
    event.preventDefault();
    this.zoom.panBy(event.deltaX);
  }

  private listen(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, options);
    this.cleanup.push(() => target.removeEventListener(type, handler, options));
  }
}
