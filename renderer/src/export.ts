// Exports of the session on screen: files handed to the user through a download link, which works
// the same in Electron and in a browser (no file system access from the renderer).
import { toChromeTrace } from '../../common/chrome-trace';
import { summaryCsv } from '../../common/csv';
import type { RunRecord } from '../../common/run-record';
import type { RunSummary } from '../../common/trace';

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a later revoke keeps Safari-like engines happy.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportChromeTrace(runs: RunRecord[], baseName: string): void {
  download(new Blob([JSON.stringify(toChromeTrace(runs))], { type: 'application/json' }), `${baseName}.trace.json`);
}

export function exportCsv(summaries: RunSummary[], baseName: string): void {
  download(new Blob([summaryCsv(summaries)], { type: 'text/csv' }), `${baseName}.csv`);
}

/** Room around an SVG layer for what overflows its box on screen (an axis's end labels). */
const svgBleed = 40;

/**
 * A stand-alone copy of an SVG layer: computed styles inlined, the patterns it borrows from other
 * SVGs of the page copied in, and a margin for overflowing labels.
 */
function standaloneSvg(source: SVGSVGElement): SVGSVGElement {
  const clone = source.cloneNode(true) as SVGSVGElement;
  const properties = [
    'fill',
    'stroke',
    'stroke-width',
    'stroke-dasharray',
    'opacity',
    'font-family',
    'font-size',
    'font-weight',
    'text-anchor',
    'dominant-baseline',
  ];
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((element, i) => {
    const computed = getComputedStyle(element);
    const style = properties.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', `${to[i].getAttribute('style') ?? ''};${style}`);
  });
  const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  const borrowed = new Set<string>();
  for (const element of to) {
    for (const value of [element.getAttribute('fill'), element.getAttribute('stroke'), element.getAttribute('style')]) {
      for (const [, id] of value?.matchAll(/url\(["']?#([^"')]+)["']?\)/g) ?? []) {
        const pattern = document.getElementById(id);
        if (pattern && !borrowed.has(id) && !clone.getElementById(id)) {
          borrowed.add(id);
          defs.append(pattern.cloneNode(true));
        }
      }
    }
  }
  clone.prepend(defs);
  const { width, height } = source.getBoundingClientRect();
  clone.setAttribute('width', String(width + 2 * svgBleed));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${-svgBleed} 0 ${width + 2 * svgBleed} ${height}`);
  clone.setAttribute('overflow', 'visible');
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return clone;
}

function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const text = new XMLSerializer().serializeToString(standaloneSvg(svg));
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('an SVG layer of the timeline could not be drawn'));
    };
    image.src = url;
  });
}

/** Text the timeline shows in HTML (labels, headers, the legend), with where it sits and how it looks. */
function visibleTexts(root: HTMLElement): { text: string; rect: DOMRect; style: CSSStyleDeclaration }[] {
  const out: { text: string; rect: DOMRect; style: CSSStyleDeclaration }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Whitespace counts: " worker" is drawn where its leading space begins.
    const text = node.textContent?.replace(/\s+/g, ' ');
    const parent = node.parentElement;
    // SVG text is drawn with its SVG; buttons and tooltips are controls, not part of the picture.
    if (!text?.trim() || !parent || parent.closest('svg, button, [role="tooltip"]')) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) out.push({ text, rect, style });
  }
  return out;
}

/**
 * Draws the timeline as one PNG: its canvases (the lanes), its SVG layers (axes, legend swatches)
 * and its HTML text (labels, headers), each where it is on screen, at the screen's pixel density.
 */
export async function timelinePng(root: HTMLElement, background: string): Promise<Blob> {
  const box = root.getBoundingClientRect();
  const scale = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(box.width * scale));
  canvas.height = Math.max(1, Math.round(box.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw to a canvas');
  context.scale(scale, scale);
  context.fillStyle = background;
  context.fillRect(0, 0, box.width, box.height);

  for (const layer of root.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg')) {
    const rect = layer.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const x = rect.left - box.left;
    const y = rect.top - box.top;
    if (layer instanceof HTMLCanvasElement) context.drawImage(layer, x, y, rect.width, rect.height);
    else if (!layer.ownerSVGElement)
      context.drawImage(await svgImage(layer), x - svgBleed, y, rect.width + 2 * svgBleed, rect.height);
  }
  // Small coloured HTML marks (a thread's holder swatch, a strategy's dot) say who is who.
  for (const mark of root.querySelectorAll<HTMLElement>('span, i')) {
    const rect = mark.getBoundingClientRect();
    const color = getComputedStyle(mark).backgroundColor;
    if (
      rect.width * rect.height === 0 ||
      rect.width * rect.height > 400 ||
      /^(transparent|rgba\(.*,\s*0\))$/.test(color)
    )
      continue;
    context.fillStyle = color;
    context.fillRect(rect.left - box.left, rect.top - box.top, rect.width, rect.height);
  }
  context.textBaseline = 'middle';
  for (const { text, rect, style } of visibleTexts(root)) {
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    context.fillStyle = style.color;
    context.fillText(text, rect.left - box.left, rect.top - box.top + rect.height / 2);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the timeline image could not be encoded'))),
      'image/png',
    ),
  );
}
