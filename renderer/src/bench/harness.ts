// What bench/timeline.ts drives in the page: load a generated trace and time the first frame,
// replay a zoom-and-pan sequence and time each frame, and fill the same rectangles raw.
import type { RunRecord } from '../../../common/run-record';
import { INTERVAL_STRIDE, threadStates } from '../../../common/trace';
import { stateColors } from '../theme';
import type { DrawDetail } from '../timeline/controller';
import { layoutRuns, normalMetrics } from '../timeline/layout';
import { intervalCount, syntheticRun } from './synthetic';

export interface FrameTiming {
  /** Drawing this frame: level of detail, canvas calls, axis (JavaScript). */
  drawMs: number;
  /** Rasterising what was drawn (forced with getImageData). */
  rasterMs: number;
  /** From the input event (the transform change) to the frame drawn and rasterised. */
  latencyMs: number;
}

export interface BenchApi {
  load(intervals: number): Promise<{ intervals: number; lanes: number; firstDraw: FrameTiming }>;
  zoomPan(steps: number): Promise<FrameTiming[]>;
  rawFill(): { ms: number; rects: number };
}

declare global {
  interface Window {
    timelineBench?: BenchApi;
  }
}

function canvas(): HTMLCanvasElement {
  const found = document.querySelector<HTMLCanvasElement>('[data-testid="timeline-canvas"]');
  if (!found) throw new Error('the timeline canvas is not on the page');
  return found;
}

/** Resolves after the timeline's next frame, with that frame rasterised. */
function nextDraw(since: number): Promise<FrameTiming> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('the timeline drew no frame within 20 s')), 20_000);
    document.addEventListener(
      'timeline-draw',
      (event) => {
        const detail = (event as CustomEvent<DrawDetail>).detail;
        const before = performance.now();
        canvas().getContext('2d')?.getImageData(0, 0, 1, 1);
        const after = performance.now();
        clearTimeout(timeout);
        resolve({ drawMs: detail.ms, rasterMs: after - before, latencyMs: after - since });
      },
      { once: true },
    );
  });
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export function installBenchApi(show: (runs: RunRecord[]) => void): void {
  let runs: RunRecord[] = [];
  window.timelineBench = {
    async load(intervals) {
      const record = syntheticRun({ kind: 'threading', intervals, durationUs: 20_000_000, workers: 4, seed: 11 });
      runs = [];
      show(runs);
      await frame();
      // The previous trace's garbage is collected before the clock starts (Chromium with --expose-gc).
      (window as { gc?: () => void }).gc?.();
      await frame();
      // Data ready: from here to the first frame on the canvas.
      const began = performance.now();
      const drawn = nextDraw(began);
      runs = [record];
      show(runs);
      const firstDraw = await drawn;
      return { intervals: intervalCount(record), lanes: record.info.threads.length + 1, firstDraw };
    },

    async zoomPan(steps) {
      const plot = document.querySelector<HTMLElement>('[data-testid="timeline-plot"]');
      if (!plot) throw new Error('the timeline is not on the page');
      const rect = plot.getBoundingClientRect();
      const x = rect.left + rect.width * 0.4;
      const y = rect.top + Math.min(60, rect.height / 2);
      const third = Math.floor(steps / 3);
      const timings: FrameTiming[] = [];
      const mouse = (type: string, clientX: number) =>
        new MouseEvent(type, { clientX, clientY: y, bubbles: true, cancelable: true, view: window, button: 0 });
      let dragX = x;
      for (let i = 0; i < steps; i++) {
        await frame();
        const panning = i >= third && i < steps - third;
        if (panning && i === third) plot.dispatchEvent(mouse('mousedown', dragX));
        const began = performance.now();
        const drawn = nextDraw(began);
        if (panning) {
          dragX -= 23;
          plot.dispatchEvent(mouse('mousemove', dragX));
        } else {
          const deltaY = i < third ? -240 : 240;
          plot.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY,
              deltaMode: 0,
              clientX: x,
              clientY: y,
              bubbles: true,
              cancelable: true,
              view: window,
            }),
          );
        }
        timings.push(await drawn);
        if (panning && i === steps - third - 1) plot.dispatchEvent(mouse('mouseup', dragX));
      }
      return timings;
    },

    rawFill() {
      const target = canvas();
      const dpr = window.devicePixelRatio || 1;
      const width = target.width / dpr;
      const layout = layoutRuns(runs, normalMetrics);
      const lengthUs = Math.max(...runs.map((r) => (r.summary?.wallMs ?? 0) * 1000));
      const pxPerUs = width / lengthUs;
      // Rectangles per colour, computed before the clock starts: only the fill is timed.
      const batches = threadStates.map(() => [] as number[]);
      for (const lane of layout.lanes) {
        if (lane.kind !== 'thread') continue;
        const iv = lane.run.traces[lane.thread.tid].intervals;
        for (let i = 0; i < iv.length; i += INTERVAL_STRIDE)
          batches[iv[i]].push(iv[i + 1] * pxPerUs, lane.y, (iv[i + 2] - iv[i + 1]) * pxPerUs);
      }
      const raw = document.createElement('canvas');
      raw.width = target.width;
      raw.height = Math.round(layout.height * dpr);
      raw.style.cssText = 'position:absolute;left:-99999px;top:0';
      document.body.append(raw);
      const ctx = raw.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      const began = performance.now();
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      let rects = 0;
      batches.forEach((list, state) => {
        ctx.fillStyle = stateColors[threadStates[state]];
        // Each rectangle is [x, y, width].
        for (let i = 0; i < list.length; i += 3) ctx.fillRect(list[i], list[i + 1], list[i + 2], normalMetrics.lane);
        rects += list.length / 3;
      });
      ctx.getImageData(0, 0, 1, 1);
      const ms = performance.now() - began;
      raw.remove();
      return { ms, rects };
    },
  };
}
