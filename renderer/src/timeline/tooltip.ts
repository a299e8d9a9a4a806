// The hover's DOM: the vertical line and its time label over the plot, and the tooltip beside the
// pointer that shows hoverInfo (hover.ts).
import { formatAt } from './format';
import type { HoverInfo } from './hover';

export interface HoverElements {
  hoverLine: HTMLElement;
  hoverLabel: HTMLElement;
  tooltip: HTMLElement;
}

/** Keeps the tooltip this far from the pointer, and inside the window. */
const pointerMargin = 14;

export class HoverView {
  constructor(private readonly els: HoverElements) {}

  /** The line and time label at `x` px across a plot `width` wide, showing time `us`. */
  showLine(x: number, width: number, us: number, usPerPx: number): void {
    const { hoverLine, hoverLabel } = this.els;
    hoverLine.style.display = 'block';
    hoverLine.style.transform = `translateX(${Math.round(x)}px)`;
    hoverLabel.style.display = 'block';
    hoverLabel.textContent = formatAt(us, usPerPx);
    const labelWidth = hoverLabel.offsetWidth;
    hoverLabel.style.transform = `translateX(${Math.round(Math.min(Math.max(x - labelWidth / 2, 0), width - labelWidth))}px)`;
  }

  showTooltip(info: HoverInfo, clientX: number, clientY: number): void {
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
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const m = pointerMargin;
    const left = clientX + m + w > window.innerWidth ? clientX - m - w : clientX + m;
    const top = clientY + m + h > window.innerHeight ? clientY - m - h : clientY + m;
    tooltip.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
  }

  hideTooltip(): void {
    this.els.tooltip.style.display = 'none';
  }

  hide(): void {
    this.els.hoverLine.style.display = 'none';
    this.els.hoverLabel.style.display = 'none';
    this.hideTooltip();
  }
}
