// What the tooltip says about the point under the mouse: the interval, the GIL's holder, or
// the print or flag there.
import { stateCode } from '../../../common/trace';
import { instantColors, instantLabels, stateColors, stateShortLabels, ui } from '../theme';
import { rareInstants } from './draw';
import { formatDuration, formatExact } from './format';
import type { LaneRow } from './layout';
import { programLine, sourceLineText } from '../source-lines';
import type { RunRecord } from '../../../common/run-record';
import { instantAt, intervalAt } from './stats';

export interface HoverInfo {
  title: string;
  /** The swatch beside the title. */
  color: string;
  lines: [label: string, value: string][];
}

const tickKinds = new Set(['drop_request', 'forced_switch']);

export function hoverInfo(lane: LaneRow, us: number, usPerPx: number): HoverInfo | null {
  const where = `${lane.run.info.strategy} · ${lane.run.info.workers} worker${lane.run.info.workers === 1 ? '' : 's'}`;
  if (lane.kind === 'gil') {
    let best: { name: string; key: number; startUs: number; endUs: number; distance: number } | null = null;
    lane.holders.forEach((thread, key) => {
      const hit = intervalAt(lane.run.traces[thread.tid]?.intervals ?? [], us, 2 * usPerPx, stateCode.running);
      if (!hit) return;
      const distance = us < hit.startUs ? hit.startUs - us : us > hit.endUs ? us - hit.endUs : 0;
      if (!best || distance < best.distance) best = { name: thread.name, key, ...hit, distance };
    });
    const held = best as { name: string; key: number; startUs: number; endUs: number } | null;
    if (!held)
      return {
        title: 'GIL free',
        color: ui.textMuted,
        lines: [
          ['at', formatExact(us)],
          ['run', where],
        ],
      };
    return {
      title: `GIL held by ${held.name}`,
      color: lane.colors[held.key],
      lines: [
        ['start', formatExact(held.startUs)],
        ['end', formatExact(held.endUs)],
        ['duration', formatDuration(held.endUs - held.startUs)],
        ['run', where],
      ],
    };
  }

  const trace = lane.run.traces[lane.thread.tid];
  if (!trace) return null;
  const thread = `${lane.thread.name} · ${where}`;
  const rare = instantAt(rareInstants(trace.instants), us, 4 * usPerPx);
  if (rare) {
    const title =
      rare.kind === 'print'
        ? `print(${JSON.stringify(rare.text ?? '')})`
        : `${instantLabels[rare.kind]}: ${rare.text ?? ''}`;
    return {
      title,
      color: instantColors[rare.kind],
      lines: [['at', formatExact(rare.tUs)], ...sourceLine(lane.run, rare.line), ['thread', thread]],
    };
  }
  const interval = intervalAt(trace.intervals, us, 2 * usPerPx);
  // A drop request or forced switch only when the pointer is right on its tick.
  const tick = instantAt(trace.instants, us, usPerPx, tickKinds);
  // (and the interval beside it is wide enough on screen for the tick to stand apart).
  if (tick && (!interval || interval.endUs - interval.startUs > 8 * usPerPx))
    return {
      title: instantLabels[tick.kind],
      color: instantColors[tick.kind],
      lines: [
        ['at', formatExact(tick.tUs)],
        ['thread', thread],
      ],
    };
  if (!interval) return null;
  return {
    title: stateShortLabels[interval.state],
    color: stateColors[interval.state],
    lines: [
      ['thread', thread],
      ...sourceLine(lane.run, interval.line),
      ['start', formatExact(interval.startUs)],
      ['end', formatExact(interval.endUs)],
      ['duration', formatDuration(interval.endUs - interval.startUs)],
    ],
  };
}

/** Longest line text a tooltip shows. */
const maxLineText = 60;

/**
 * The tooltip's "line 8: math.sqrt(i)" row, when the line is known: the program's own line (the
 * run's line map turns a line of the strategy's variant into it) with the text the run executed.
 */
export function sourceLine(run: RunRecord, line: number | undefined): HoverInfo['lines'] {
  if (line === undefined || line <= 0) return [];
  const own = programLine(run, line);
  const raw = sourceLineText(run, line)?.trim() ?? '';
  const text = raw.length > maxLineText ? `${raw.slice(0, maxLineText - 1)}…` : raw;
  if (own === 0) return [['line', `added by ${run.info.strategy}${text ? `: ${text}` : ''}`]];
  return [['line', text ? `${own}: ${text}` : String(own)]];
}
