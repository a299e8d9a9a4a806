// The range selection on the plot (Shift+drag, or a drag in brush mode) under d3-brush. The
// selection itself is not kept here: the owner passes it in to be shown and hears of the user's.
import { brushX, select, type BrushBehavior, type D3BrushEvent, type ScaleLinear } from 'd3';
import type { TimeRange } from './stats';

export class BrushControl {
  private readonly behavior: BrushBehavior<unknown>;
  /** Where the brush was last placed, px; the user's own brushing moves it too. */
  private placedPx: [number, number] | null = null;
  private scale: ScaleLinear<number, number> | null = null;
  private mode = false;

  constructor(
    private readonly layer: SVGGElement,
    onSelect: (range: TimeRange | null) => void,
  ) {
    this.behavior = brushX()
      .filter((event: MouseEvent) => (this.mode || event.shiftKey) && !event.button)
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent || !this.scale) return; // moved by show(), not by the user
        const px = event.selection as [number, number] | null;
        this.placedPx = px;
        if (!px || px[1] - px[0] < 1) return onSelect(null);
        onSelect({ startUs: Math.max(0, this.scale.invert(px[0])), endUs: this.scale.invert(px[1]) });
      });
    select(layer).call(this.behavior);
  }

  /** Brush mode: a plain drag selects instead of panning. */
  get brushMode(): boolean {
    return this.mode;
  }

  set brushMode(on: boolean) {
    this.mode = on;
  }

  resize(width: number, height: number): void {
    this.behavior.extent([
      [0, 0],
      [Math.max(1, width), Math.max(1, height)],
    ]);
    select(this.layer).call(this.behavior);
  }

  /** Shows `selection` at the current zoom (`scale`: time → px across a plot `width` wide). */
  show(selection: TimeRange | null, scale: ScaleLinear<number, number>, width: number): void {
    this.scale = scale;
    let px: [number, number] | null = null;
    if (selection) {
      const x0 = Math.max(0, scale(selection.startUs));
      const x1 = Math.min(width, scale(selection.endUs));
      if (x1 - x0 >= 0.5) px = [x0, x1];
    }
    const placed = this.placedPx;
    const same = px === null ? placed === null : placed !== null && px[0] === placed[0] && px[1] === placed[1];
    if (same) return;
    this.placedPx = px;
    this.behavior.move(select(this.layer), px);
  }

  destroy(): void {
    select(this.layer).on('.brush', null);
  }
}
