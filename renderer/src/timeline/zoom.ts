// The timeline's time axis under d3-zoom: which time range is visible, kept out of React so
// panning never re-renders it. Wheel zooms, drag pans, a horizontal wheel pans; keys go through
// zoomBy and panBy.
import { scaleLinear, select, zoom, zoomIdentity, type ScaleLinear, type ZoomBehavior, type ZoomTransform } from 'd3';
import { minDomainUs, type TimeRange } from './stats';

/** The narrowest view: about 10 µs across the whole width. */
const minSpanUs = 10;

export class ZoomControl {
  /** The visible range; null follows the whole domain as live runs grow. */
  private view: TimeRange | null = null;
  private domainUs = minDomainUs;
  private width = 0;
  private syncing = false;
  private readonly behavior: ZoomBehavior<HTMLElement, unknown>;

  constructor(
    private readonly plot: HTMLElement,
    callbacks: {
      /** Whether a mouse or wheel event is the zoom's (Shift and the brush mode take drags). */
      accepts(event: Event): boolean;
      onPanStart(): void;
      onPanEnd(): void;
      onChange(): void;
    },
  ) {
    this.behavior = zoom<HTMLElement, unknown>()
      .filter((event: Event) => callbacks.accepts(event))
      .on('start', (event: { sourceEvent: Event | null }) => {
        if (event.sourceEvent?.type === 'mousedown') callbacks.onPanStart();
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        if (this.syncing) return;
        this.view = event.transform.k <= 1 + 1e-9 ? null : this.rangeOf(event.transform);
        callbacks.onChange();
      })
      .on('end', () => callbacks.onPanEnd());
    select(plot).call(this.behavior).on('dblclick.zoom', null);
  }

  /** The time range on screen. */
  visible(): TimeRange {
    return this.view ?? { startUs: 0, endUs: this.domainUs };
  }

  /** Time → CSS pixels across the plot, for the visible range. */
  scale(): ScaleLinear<number, number> {
    const { startUs, endUs } = this.visible();
    return scaleLinear().domain([startUs, endUs]).range([0, this.width]);
  }

  /** Back to the whole domain (and following it again). */
  reset(): void {
    select(this.plot).call(this.behavior.transform, zoomIdentity);
  }

  /** Forgets the zoom: a new session starts from the whole view. */
  forget(): void {
    this.view = null;
  }

  zoomBy(factor: number, anchorPx: number): void {
    select(this.plot).call(this.behavior.scaleBy, factor, [anchorPx, 0]);
  }

  /** Moves the view by `px` CSS pixels of the current zoom (positive: later). */
  panBy(px: number): void {
    const k = this.domainUs / (this.visible().endUs - this.visible().startUs);
    select(this.plot).call(this.behavior.translateBy, -px / k, 0);
  }

  /** Keeps d3-zoom's transform meaning the same time range after the width, the domain or the height changed. */
  sync(width: number, domainUs: number, height: number): void {
    this.width = width;
    this.domainUs = domainUs;
    const w = Math.max(1, width);
    this.behavior
      .scaleExtent([1, Math.max(1, domainUs / minSpanUs)])
      .extent([
        [0, 0],
        [w, Math.max(1, height)],
      ])
      .translateExtent([
        [0, -Infinity],
        [w, Infinity],
      ]);
    if (this.view) {
      const span = Math.max(minSpanUs, Math.min(domainUs, this.view.endUs - this.view.startUs));
      const startUs = Math.min(Math.max(0, this.view.startUs), domainUs - span);
      this.view = span >= domainUs ? null : { startUs, endUs: startUs + span };
    }
    this.syncing = true;
    select(this.plot).call(this.behavior.transform, this.view ? this.transformFor(this.view) : zoomIdentity);
    this.syncing = false;
  }

  destroy(): void {
    select(this.plot).on('.zoom', null);
  }

  private rangeOf(transform: ZoomTransform): TimeRange {
    const base = scaleLinear()
      .domain([0, this.domainUs])
      .range([0, Math.max(1, this.width)]);
    const [startUs, endUs] = transform.rescaleX(base).domain();
    return { startUs, endUs };
  }

  private transformFor(view: TimeRange): ZoomTransform {
    const span = view.endUs - view.startUs;
    return zoomIdentity.translate((-view.startUs * this.width) / span, 0).scale(this.domainUs / span);
  }
}
