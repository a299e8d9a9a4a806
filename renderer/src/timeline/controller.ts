// The timeline's interaction and drawing, outside React: d3-zoom and d3-brush on the plot, keys
// (W/S zoom, A/D pan, Escape), hover, and one canvas frame per animation frame. The zoom
// transform lives here, so panning never re-renders React.
import {
  axisTop,
  brushX,
  scaleLinear,
  select,
  zoom,
  zoomIdentity,
  type BrushBehavior,
  type D3BrushEvent,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3';
import type { RunRecord } from '../../../common/run-record';
import { drawFrame, Patterns } from './draw';
import { formatAt, tickFormat } from './format';
import { hoverInfo } from './hover';
import { laneAt, type Layout, type Metrics } from './layout';
import { LodScratch } from './lod';
import { runLengthUs, type TimeRange } from './stats';

export interface TimelineElements {
  root: HTMLElement;
  plot: HTMLElement;
  canvas: HTMLCanvasElement;
  axis: SVGGElement;
  brush: SVGGElement;
  hoverLine: HTMLElement;
  hoverLabel: HTMLElement;
  tooltip: HTMLElement;
}

export interface TimelineModel {
  runs: readonly RunRecord[];
  layout: Layout;
  metrics: Metrics;
}

/** Detail of the `timeline-draw` event the root element receives after every frame (for the benchmark). */
export interface DrawDetail {
  /** Time spent drawing this frame (level of detail, canvas, axis), ms. */
  ms: number;
  rects: number;
  startUs: number;
  endUs: number;
}

/** The narrowest view: about 10 µs across the whole width. */
const minSpanUs = 10;
/** An empty or just-started run still gets a millisecond of axis. */
const minDomainUs = 1_000;
/** W/S: the view zooms by e^rate per second held; A/D: pans this share of the view per second. */
const keyZoomRate = 2.4;
const keyPanRate = 0.9;

const typingInputs = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

function isTyping(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return typingInputs.has(element.type);
  return (
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element as HTMLElement).isContentEditable === true
  );
}

export class TimelineController {
  private model: TimelineModel | null = null;
  /** The visible time range; null follows the whole domain as live runs grow. */
  private view: TimeRange | null = null;
  private domainUs = minDomainUs;
  private width = 0;
  private synced = { width: -1, domainUs: -1, height: -1 };
  private frame = 0;
  private readonly zoom: ZoomBehavior<HTMLElement, unknown>;
  private readonly brush: BrushBehavior<unknown>;
  private selection: TimeRange | null = null;
  private brushMode = false;
  /** Where the brush was last placed, px; the user's own brushing moves it too. */
  private brushPx: [number, number] | null = null;
  private syncing = false;
  private panning = false;
  private pointer: { x: number; y: number; clientX: number; clientY: number } | null = null;
  private readonly keys = new Set<string>();
  private keyFrame = 0;
  private lastKeyTime = 0;
  private readonly patterns = new Patterns();
  private readonly scratch = new LodScratch();
  private readonly resizeObserver: ResizeObserver;
  private band = { top: -1, height: -1, dpr: 0 };
  private firstRunId: string | undefined;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly els: TimelineElements,
    private readonly onSelection: (range: TimeRange | null) => void,
  ) {
    const plot = select(els.plot);
    this.zoom = zoom<HTMLElement, unknown>()
      .filter((event: Event) => this.zoomAccepts(event))
      .on('start', (event: { sourceEvent: Event | null }) => {
        if (event.sourceEvent?.type === 'mousedown') {
          this.panning = true;
          els.plot.classList.add('is-panning');
          this.hideTooltip();
        }
      })
      .on('zoom', (event: { transform: ZoomTransform }) => this.onZoom(event.transform))
      .on('end', () => {
        this.panning = false;
        els.plot.classList.remove('is-panning');
      });
    plot.call(this.zoom).on('dblclick.zoom', null);

    this.brush = brushX()
      .filter((event: MouseEvent) => (this.brushMode || event.shiftKey) && !event.button)
      .on('end', (event: D3BrushEvent<unknown>) => this.onBrushEnd(event));
    select(els.brush).call(this.brush);

    this.listen(els.plot, 'pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.listen(els.plot, 'pointerleave', () => this.onPointerLeave());
    this.listen(els.plot, 'wheel', (e) => this.onHorizontalWheel(e as WheelEvent), { passive: false });
    this.listen(window, 'keydown', (e) => this.onKeyDown(e as KeyboardEvent));
    this.listen(window, 'keyup', (e) => this.onKeyUp(e as KeyboardEvent));
    this.listen(window, 'blur', () => this.keys.clear());
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
      this.firstRunId = firstRunId;
      this.view = null;
      this.synced.domainUs = -1;
      if (this.selection) this.setSelection(null);
    }
    this.model = model;
    this.requestDraw();
  }

  requestDraw(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw());
  }

  resetZoom(): void {
    select(this.els.plot).call(this.zoom.transform, zoomIdentity);
  }

  setBrushMode(on: boolean): void {
    this.brushMode = on;
    this.els.root.classList.toggle('is-brush-mode', on);
  }

  clearSelection(): void {
    this.setSelection(null);
    this.requestDraw();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.keyFrame);
    this.resizeObserver.disconnect();
    for (const undo of this.cleanup) undo();
    select(this.els.plot).on('.zoom', null);
    select(this.els.brush).on('.brush', null);
    this.hideTooltip();
  }

  // ---- view ----

  private visible(): TimeRange {
    return this.view ?? { startUs: 0, endUs: this.domainUs };
  }

  private baseScale() {
    return scaleLinear()
      .domain([0, this.domainUs])
      .range([0, Math.max(1, this.width)]);
  }

  private transformFor(view: TimeRange): ZoomTransform {
    const span = view.endUs - view.startUs;
    const k = this.domainUs / span;
    return zoomIdentity.translate((-view.startUs * this.width) / span, 0).scale(k);
  }

  private zoomAccepts(event: Event): boolean {
    if (event.type === 'wheel') {
      const wheel = event as WheelEvent;
      return Math.abs(wheel.deltaY) >= Math.abs(wheel.deltaX);
    }
    const mouse = event as MouseEvent;
    if (mouse.shiftKey || this.brushMode) return false;
    return !mouse.ctrlKey && !mouse.button;
  }

  private onZoom(transform: ZoomTransform): void {
    if (this.syncing) return;
    if (transform.k <= 1 + 1e-9) this.view = null;
    else {
      const [startUs, endUs] = transform.rescaleX(this.baseScale()).domain();
      this.view = { startUs, endUs };
    }
    this.requestDraw();
  }

  /** Keeps d3-zoom's transform meaning the same time range after the width or the domain changed. */
  private syncZoom(height: number): void {
    const w = Math.max(1, this.width);
    this.zoom
      .scaleExtent([1, Math.max(1, this.domainUs / minSpanUs)])
      .extent([
        [0, 0],
        [w, Math.max(1, height)],
      ])
      .translateExtent([
        [0, -Infinity],
        [w, Infinity],
      ]);
    if (this.view) {
      const span = Math.max(minSpanUs, Math.min(this.domainUs, this.view.endUs - this.view.startUs));
      const startUs = Math.min(Math.max(0, this.view.startUs), this.domainUs - span);
      this.view = span >= this.domainUs ? null : { startUs, endUs: startUs + span };
    }
    this.syncing = true;
    select(this.els.plot).call(this.zoom.transform, this.view ? this.transformFor(this.view) : zoomIdentity);
    this.syncing = false;
    this.brush.extent([
      [0, 0],
      [w, Math.max(1, height)],
    ]);
    select(this.els.brush).call(this.brush);
  }

  // ---- drawing ----

  private draw(): void {
    this.frame = 0;
    const model = this.model;
    if (!model) return;
    const began = performance.now();
    const { layout, metrics, runs } = model;
    const { plot, canvas, root } = this.els;
    this.width = plot.clientWidth;
    const runLengths = runs.map(runLengthUs);
    this.domainUs = Math.max(minDomainUs, ...runLengths);
    if (
      this.width !== this.synced.width ||
      this.domainUs !== this.synced.domainUs ||
      layout.height !== this.synced.height
    ) {
      this.synced = { width: this.width, domainUs: this.domainUs, height: layout.height };
      this.syncZoom(layout.height);
    }
    const { startUs, endUs } = this.visible();
    const scale = scaleLinear().domain([startUs, endUs]).range([0, this.width]);
    const tickCount = Math.max(2, Math.floor(this.width / (metrics.fontPx * 9)));
    const ticks = scale.ticks(tickCount);
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : endUs - startUs;

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
        ticks,
        patterns: this.patterns,
        scratch: this.scratch,
      }).rects;
    }

    const axis = axisTop(scale)
      .tickValues(ticks)
      .tickFormat((d) => tickFormat(step)(Number(d)))
      .tickSizeOuter(0)
      .tickSizeInner(5)
      .tickPadding(4);
    select(this.els.axis).call(axis);
    this.placeBrush(scale);
    this.showHover();

    root.dataset.visibleStartUs = String(Math.round(startUs));
    root.dataset.visibleEndUs = String(Math.round(endUs));
    const detail: DrawDetail = { ms: performance.now() - began, rects, startUs, endUs };
    root.dispatchEvent(new CustomEvent('timeline-draw', { detail, bubbles: true }));
  }

  /** The canvas covers the part of the lanes inside the window, not all of them. */
  private placeCanvas(height: number): { top: number; height: number; dpr: number } {
    const { canvas, plot } = this.els;
    const dpr = window.devicePixelRatio || 1;
    const visibleHeight = Math.max(1, Math.min(height, window.innerHeight));
    const top = Math.floor(
      Math.min(Math.max(0, -plot.getBoundingClientRect().top), Math.max(0, height - visibleHeight)),
    );
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
    const model = this.model;
    if (!model) return;
    const visibleHeight = Math.max(1, Math.min(model.layout.height, window.innerHeight));
    const top = Math.floor(
      Math.min(
        Math.max(0, -this.els.plot.getBoundingClientRect().top),
        Math.max(0, model.layout.height - visibleHeight),
      ),
    );
    if (top !== this.band.top || visibleHeight !== this.band.height) this.requestDraw();
  }

  // ---- brush ----

  private onBrushEnd(event: D3BrushEvent<unknown>): void {
    if (!event.sourceEvent) return; // moved by placeBrush, not by the user
    const px = event.selection as [number, number] | null;
    this.brushPx = px;
    if (!px || px[1] - px[0] < 1) {
      this.setSelection(null);
      return;
    }
    const scale = scaleLinear().domain([this.visible().startUs, this.visible().endUs]).range([0, this.width]);
    this.setSelection({ startUs: Math.max(0, scale.invert(px[0])), endUs: scale.invert(px[1]) });
  }

  private setSelection(range: TimeRange | null): void {
    this.selection = range;
    this.onSelection(range);
  }

  private placeBrush(scale: (us: number) => number): void {
    let px: [number, number] | null = null;
    if (this.selection) {
      const x0 = Math.max(0, scale(this.selection.startUs));
      const x1 = Math.min(this.width, scale(this.selection.endUs));
      if (x1 - x0 >= 0.5) px = [x0, x1];
    }
    const same =
      px === null
        ? this.brushPx === null
        : this.brushPx !== null && px[0] === this.brushPx[0] && px[1] === this.brushPx[1];
    if (same) return;
    this.brushPx = px;
    this.brush.move(select(this.els.brush), px);
  }

  // ---- hover ----

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

  private onPointerLeave(): void {
    this.pointer = null;
    this.showHover();
  }

  private showHover(): void {
    const { hoverLine, hoverLabel } = this.els;
    const p = this.pointer;
    if (!p || !this.model || p.x < 0 || p.x > this.width) {
      hoverLine.style.display = 'none';
      hoverLabel.style.display = 'none';
      this.hideTooltip();
      return;
    }
    const { startUs, endUs } = this.visible();
    const usPerPx = (endUs - startUs) / Math.max(1, this.width);
    const us = startUs + p.x * usPerPx;
    hoverLine.style.display = 'block';
    hoverLine.style.transform = `translateX(${Math.round(p.x)}px)`;
    hoverLabel.style.display = 'block';
    hoverLabel.textContent = formatAt(us, usPerPx);
    const labelWidth = hoverLabel.offsetWidth;
    hoverLabel.style.transform = `translateX(${Math.round(Math.min(Math.max(p.x - labelWidth / 2, 0), this.width - labelWidth))}px)`;
    const lane = this.panning ? null : laneAt(this.model.layout, p.y);
    const info = lane ? hoverInfo(lane, us, usPerPx) : null;
    if (!info) {
      this.hideTooltip();
      return;
    }
    const { tooltip } = this.els;
    const title = document.createElement('div');
    title.className = 'tl-tooltip-title';
    const swatch = document.createElement('span');
    swatch.className = 'tl-tooltip-swatch';
    swatch.style.background = info.color;
    title.append(swatch, info.title);
    const list = document.createElement('dl');
    for (const [label, value] of info.lines) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    tooltip.replaceChildren(title, list);
    tooltip.style.display = 'block';
    const margin = 14;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const left = p.clientX + margin + w > window.innerWidth ? p.clientX - margin - w : p.clientX + margin;
    const top = p.clientY + margin + h > window.innerHeight ? p.clientY - margin - h : p.clientY + margin;
    tooltip.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
  }

  private hideTooltip(): void {
    this.els.tooltip.style.display = 'none';
  }

  // ---- keys and wheel ----

  private onHorizontalWheel(event: WheelEvent): void {
    if (Math.abs(event.deltaX) <= Math.abs(event.deltaY)) return;
    event.preventDefault();
    const k = this.domainUs / (this.visible().endUs - this.visible().startUs);
    select(this.els.plot).call(this.zoom.translateBy, -event.deltaX / k, 0);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Shift') this.els.root.classList.add('is-shift');
    if (
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      isTyping(document.activeElement) ||
      !this.els.root.isConnected
    )
      return;
    const key = event.key.toLowerCase();
    if (key === 'escape') {
      if (this.selection) this.clearSelection();
      return;
    }
    if (key !== 'w' && key !== 'a' && key !== 's' && key !== 'd') return;
    event.preventDefault();
    if (this.keys.has(key)) return;
    this.keys.add(key);
    // A tap moves a step at once; holding the key goes on smoothly.
    this.keyStep(1 / 12);
    if (this.keyFrame === 0) {
      this.lastKeyTime = performance.now();
      this.keyFrame = requestAnimationFrame((now) => this.keyLoop(now));
    }
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (event.key === 'Shift') this.els.root.classList.remove('is-shift');
    this.keys.delete(event.key.toLowerCase());
  }

  private keyLoop(now: number): void {
    const dt = Math.min(0.05, Math.max(0, (now - this.lastKeyTime) / 1000));
    this.lastKeyTime = now;
    if (this.keys.size === 0) {
      this.keyFrame = 0;
      return;
    }
    this.keyStep(dt);
    this.keyFrame = requestAnimationFrame((t) => this.keyLoop(t));
  }

  private keyStep(seconds: number): void {
    const zoomDirection = (this.keys.has('w') ? 1 : 0) - (this.keys.has('s') ? 1 : 0);
    const panDirection = (this.keys.has('d') ? 1 : 0) - (this.keys.has('a') ? 1 : 0);
    const plot = select(this.els.plot);
    if (zoomDirection !== 0) {
      const anchor =
        this.pointer && this.pointer.x >= 0 && this.pointer.x <= this.width ? this.pointer.x : this.width / 2;
      plot.call(this.zoom.scaleBy, Math.exp(zoomDirection * keyZoomRate * seconds), [anchor, 0]);
    }
    if (panDirection !== 0) {
      const k = this.domainUs / (this.visible().endUs - this.visible().startUs);
      plot.call(this.zoom.translateBy, (-panDirection * keyPanRate * this.width * seconds) / k, 0);
    }
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
