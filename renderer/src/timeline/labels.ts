// What the timeline's legend, row labels and axis say, with which glyphs and colours: described
// once, as data over the layout and theme.ts. The window renders the description to the DOM
// (Legend.tsx, RowLabel.tsx, axis.ts) and the PNG export to a canvas (paint-labels.ts).
import { scaleLinear } from 'd3';
import type { ThreadState } from '../../../common/trace';
import {
  holderPalette,
  instantColors,
  instantLabels,
  mixedColor,
  mixedLabel,
  runStatusColors,
  stateGlyphs,
  stateLabels,
  stateOrder,
  strategyColors,
  ui,
} from '../theme';
import { formatDuration, tickFormat } from './format';
import type { Row } from './layout';
import { runLengthUs } from './stats';

// ---- legend ----

/** A colour, or a state's glyph fill (its colour, hatched, striped or dotted). */
export type Fill = { color: string } | { state: ThreadState };

/** Shapes in a swatch's box (swatchSize), in CSS pixels. */
export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: Fill }
  | { kind: 'polygon'; points: [number, number][]; fill: Fill };

export interface LegendItem {
  label: string;
  /** A longer explanation (the DOM's tooltip). */
  title: string;
  shapes: Shape[];
}

export const swatchSize = { w: 26, h: 14 } as const;

export function legendItems(showMarks = true): LegendItem[] {
  const { w, h } = swatchSize;
  const states: LegendItem[] = stateOrder.map((state) => {
    const bar = Math.max(3, Math.round(stateGlyphs[state].height * h));
    return {
      label: stateLabels[state],
      title: stateLabels[state],
      shapes: [{ kind: 'rect', x: 0, y: (h - bar) / 2, w, h: bar, fill: { state } }],
    };
  });
  if (!showMarks) return states;
  const mid = w / 2;
  return [
    ...states,
    {
      label: 'GIL holder',
      title: 'The GIL lane shows which thread holds the lock, one colour per thread',
      shapes: holderPalette
        .slice(0, 3)
        .map((color, i) => ({ kind: 'rect', x: (i * w) / 3, y: 2, w: w / 3, h: h - 4, fill: { color } })),
    },
    {
      label: 'mixed',
      title: mixedLabel,
      shapes: [{ kind: 'rect', x: 0, y: 2, w, h: h - 4, fill: { color: mixedColor } }],
    },
    {
      label: 'print',
      title: 'print(): hover the mark for its text',
      shapes: [
        {
          kind: 'polygon',
          points: [
            [mid - 5, 0],
            [mid + 5, 0],
            [mid, 7],
          ],
          fill: { color: instantColors.print },
        },
        { kind: 'rect', x: mid - 0.5, y: 0, w: 1, h, fill: { color: instantColors.print } },
      ],
    },
    {
      label: 'drop request',
      title: instantLabels.drop_request,
      shapes: [{ kind: 'rect', x: mid - 1, y: h - 6, w: 2, h: 6, fill: { color: instantColors.drop_request } }],
    },
    {
      label: 'forced switch',
      title: instantLabels.forced_switch,
      shapes: [{ kind: 'rect', x: mid - 1, y: 0, w: 2, h: 6, fill: { color: instantColors.forced_switch } }],
    },
  ];
}

// ---- row labels ----

/** One part of a row's label, left to right. */
export type LabelPart =
  /** A run's strategy, after a dot of its colour. */
  | { kind: 'strategy'; text: string; color: string }
  /** A number and its words, e.g. "2" + " workers" or "wall " + "1.20 s"; strong pieces stand out. */
  | { kind: 'fact'; pieces: { text: string; strong?: boolean }[] }
  | { kind: 'status'; text: string; color: string }
  | { kind: 'reason'; text: string; color: string }
  /** A process's name. */
  | { kind: 'name'; text: string }
  | { kind: 'note'; text: string }
  /** A small tag on a tinted chip (a process's GIL count). */
  | { kind: 'chip'; text: string; color: string }
  /** A thread's colour in its GIL's lane; null: the thread has no GIL. */
  | { kind: 'holder'; color: string | null }
  /** A lane's name. */
  | { kind: 'lane'; text: string; muted: boolean };

export interface RowLabel {
  parts: LabelPart[];
  /** A longer explanation (the DOM's tooltip), if any. */
  title?: string;
}

const plural = (n: number, word: string) => `${word}${n === 1 ? '' : 's'}`;

function gilNote(gils: number): string {
  return gils === 0 ? 'no GIL' : gils === 1 ? 'one GIL' : `${gils} GILs, one per interpreter`;
}

export function rowLabel(row: Row): RowLabel {
  switch (row.kind) {
    case 'run': {
      const { info, summary } = row.run;
      const status = summary?.status ?? 'running';
      const wall = summary ? formatDuration(summary.wallMs * 1000) : `${formatDuration(runLengthUs(row.run))} so far`;
      const parts: LabelPart[] = [
        { kind: 'strategy', text: info.strategy, color: strategyColors[info.strategy] },
        {
          kind: 'fact',
          pieces: [{ text: String(info.workers), strong: true }, { text: ` ${plural(info.workers, 'worker')}` }],
        },
        { kind: 'fact', pieces: [{ text: 'wall ' }, { text: wall, strong: true }] },
      ];
      if (summary && summary.speedup !== null)
        parts.push({
          kind: 'fact',
          pieces: [{ text: `${summary.speedup.toFixed(2)}×`, strong: true }, { text: ' vs sequential' }],
        });
      if (summary && summary.handoffs !== null && summary.handoffs > 0)
        parts.push({
          kind: 'fact',
          pieces: [{ text: String(summary.handoffs), strong: true }, { text: ' hand-offs' }],
        });
      if (info.measured)
        parts.push({ kind: 'fact', pieces: [{ text: 'measured in ' }, { text: info.measured.python, strong: true }] });
      parts.push({ kind: 'status', text: status, color: runStatusColors[status] });
      if (summary?.reason) parts.push({ kind: 'reason', text: summary.reason, color: ui.danger });
      if (summary?.truncated) parts.push({ kind: 'reason', text: 'trace truncated', color: ui.danger });
      return { parts };
    }
    case 'process':
      return {
        parts: [
          { kind: 'name', text: row.process.name },
          ...(row.process.osPid > 0 ? [{ kind: 'note' as const, text: `pid ${row.process.osPid}` }] : []),
          { kind: 'chip', text: gilNote(row.gils.length), color: row.gils.length === 0 ? ui.free : ui.textMuted },
        ],
      };
    case 'gil':
      return {
        parts: [{ kind: 'lane', text: 'GIL holder', muted: true }],
        title: `Which thread holds this GIL: ${row.holders.map((t) => t.name).join(', ')}`,
      };
    case 'thread':
      return {
        parts: [
          { kind: 'holder', color: row.holderColor },
          { kind: 'lane', text: row.thread.name, muted: false },
        ],
        title: row.thread.name,
      };
  }
}

/** Every text of a label in order: what a reader sees, however it is rendered. */
export function labelTexts(label: RowLabel): string[] {
  return label.parts.flatMap((part) => {
    switch (part.kind) {
      case 'fact':
        return part.pieces.map((p) => p.text);
      case 'holder':
        return [];
      default:
        return [part.text];
    }
  });
}

// ---- axis ----

export interface AxisTick {
  us: number;
  /** CSS pixels from the plot's left edge. */
  x: number;
  label: string;
}

/** The axis ticks for a time range drawn `widthPx` wide: about one per nine characters of type. */
export function axisTicks(startUs: number, endUs: number, widthPx: number, fontPx: number): AxisTick[] {
  const scale = scaleLinear().domain([startUs, endUs]).range([0, widthPx]);
  const ticks = scale.ticks(Math.max(2, Math.floor(widthPx / (fontPx * 9))));
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : endUs - startUs;
  const label = tickFormat(step);
  return ticks.map((us) => ({ us, x: scale(us), label: label(us) }));
}

export const axisTitle = 'time since run start';
