// The window and the PNG export say the same: the row labels and the legend rendered to the DOM
// (RowLabel.tsx, Legend.tsx) and painted on the image's canvas (paint-labels.ts, image.ts) hold
// the same texts in the same order.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../common/run-record';
import { syntheticRun } from '../bench/synthetic';
import { stateLabels } from '../theme';
import { measureGeometry, paintImageLabels } from './image';
import { axisTicks, axisTitle, legendItems, rowLabel } from './labels';
import { layoutRuns, normalMetrics, presenterMetrics } from './layout';
import { Legend } from './Legend';
import { paintLegendItem, paintRowLabel, type LabelContext } from './paint-labels';
import { RowLabel } from './RowLabel';

/** A canvas context that keeps the texts it is asked to draw; every character is 6 px wide. */
function recordingContext(): { ctx: LabelContext; texts: string[] } {
  const texts: string[] = [];
  const noop = () => {};
  const ctx = {
    font: '',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    textAlign: 'start',
    fillText: (text: string) => texts.push(text),
    measureText: (text: string) => ({ width: text.length * 6 }),
    fillRect: noop,
    strokeRect: noop,
    beginPath: noop,
    moveTo: noop,
    lineTo: noop,
    closePath: noop,
    fill: noop,
    stroke: noop,
    arc: noop,
    roundRect: noop,
    setLineDash: noop,
    createLinearGradient: () => ({ addColorStop: noop }),
  } as unknown as LabelContext;
  return { ctx, texts };
}

/** The text nodes of some HTML, in document order. */
function htmlTexts(html: string): string[] {
  return [...html.matchAll(/>([^<]+)</g)]
    .map((m) => m[1].replaceAll('&amp;', '&').replaceAll('&#x27;', "'").replaceAll('&quot;', '"'))
    .filter((text) => text.trim() !== '');
}

function runs(): RunRecord[] {
  const live = syntheticRun({ kind: 'threading', intervals: 200, workers: 2 });
  delete live.summary;
  const measured = syntheticRun({ kind: 'sequential', intervals: 100 });
  measured.info.measured = { python: 'CPython 3.13.1', executable: '/usr/bin/python3.13' };
  return [
    syntheticRun({ kind: 'car-truck' }),
    syntheticRun({ kind: 'threading', intervals: 600, durationUs: 1_500_000, workers: 3, fail: true }),
    syntheticRun({ kind: 'multiprocessing', intervals: 400, durationUs: 900_000, workers: 2, truncated: true }),
    syntheticRun({ kind: 'free-threading', intervals: 300, workers: 2 }),
    measured,
    live,
  ];
}

describe('the timeline says the same in the window and in the PNG', () => {
  for (const [mode, metrics] of [
    ['normal', normalMetrics],
    ['presenter', presenterMetrics],
  ] as const) {
    it(`every row label, in ${mode} mode`, () => {
      const layout = layoutRuns(runs(), metrics);
      expect(new Set(layout.rows.map((r) => r.kind))).toEqual(new Set(['run', 'process', 'gil', 'thread']));
      for (const row of layout.rows) {
        const dom = htmlTexts(renderToStaticMarkup(<RowLabel row={row} metrics={metrics} />));
        const { ctx, texts } = recordingContext();
        paintRowLabel(ctx, row, rowLabel(row), 0, 0, 4000, metrics);
        expect(texts, `${row.kind} row of ${row.run.info.strategy}`).toEqual(dom);
        expect(dom.length).toBeGreaterThan(0);
      }
    });
  }

  it('the legend, blocked included', () => {
    const dom = htmlTexts(renderToStaticMarkup(<Legend />));
    const { ctx, texts } = recordingContext();
    for (const item of legendItems()) paintLegendItem(ctx, item, 0, 0, 4000, normalMetrics, () => '#000');
    expect(texts).toEqual(dom);
    expect(dom).toContain(stateLabels.blocked);
  });

  it('the whole image: heading, legend, axis and every row, in order', () => {
    const shown = runs();
    const view = { startUs: 0, endUs: 2_000_000, plotWidth: 900 };
    const options = { title: 'GIL Lab · cpu-sqrt', subtitle: '6 of 6 runs · 2 workers' };
    const { ctx, texts } = recordingContext();
    const geometry = measureGeometry(shown, view, options, ctx);
    paintImageLabels(ctx, geometry, view, options, () => '#000');
    const legend = htmlTexts(renderToStaticMarkup(<Legend />));
    const rows = geometry.layout.rows.flatMap((row) =>
      htmlTexts(renderToStaticMarkup(<RowLabel row={row} metrics={normalMetrics} />)),
    );
    const ticks = axisTicks(view.startUs, view.endUs, view.plotWidth, normalMetrics.fontPx).map((t) => t.label);
    expect(ticks.length).toBeGreaterThan(2);
    expect(texts).toEqual([options.title, options.subtitle, ...legend, axisTitle, ...ticks, ...rows]);
  });
});
